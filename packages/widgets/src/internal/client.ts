import { type Adapter, type ClientCore, createCore, type ResourceClient } from '@civic-widgets/client/core';

/** Adapters a widget can name in its `adapter` attribute. */
export const ADAPTERS = ['rest', 'memory', 'static', 'hsds', 'open311'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** Settings some adapters need besides the endpoint, given by a widget's attributes as written (`service-code`). */
export interface AdapterOptions {
  /** `open311`: the service code feedback is filed under. */
  serviceCode?: string;
  /** `open311`: `jurisdiction_id`, for servers that host several cities. */
  jurisdictionId?: string;
  /** `open311`: a fixed `address_string`. */
  address?: string;
  /** `open311`: a fixed point, `lat,long`. */
  location?: string;
  /** `open311`: fixed attributes, `code=value|code=value`. */
  serviceAttributes?: string;
}

/** A resource's client class (`PetitionsClient`, ...), made on a core: each widget names its own. */
export type ResourceClass<Client extends ResourceClient> = new (core: ClientCore) => Client;

// Every adapter but `rest` is its own module, imported only when a page names it: a page that talks to the
// REST backend never downloads the others. `rest` needs no adapter object: it is the client's default.
const ADAPTER_FACTORIES: Record<
  AdapterName,
  (endpoint: string, options: AdapterOptions) => Promise<Adapter | undefined>
> = {
  rest: async () => undefined,
  memory: () => import('@civic-widgets/client/adapters/memory').then((m) => m.memoryAdapter({ delayMs: 300 })),
  static: (url) => import('@civic-widgets/client/adapters/static').then((m) => m.staticAdapter({ url })),
  hsds: (endpoint) => import('@civic-widgets/client/adapters/hsds').then((m) => m.hsdsAdapter({ endpoint })),
  open311: (endpoint, options) => import('./open311.js').then((m) => m.open311FromAttributes(endpoint, options)),
};

export const isAdapterName = (name: string): name is AdapterName => (ADAPTERS as readonly string[]).includes(name);

// One core (transport and outbox) per endpoint, adapter and options on a page, shared by every widget: one
// outbox, one set of listeners, and a submission queued by one widget is delivered by any. Kept on a global
// symbol so that two CDN files that each carry a copy of this module still share.
const registryKey = Symbol.for('civic-widgets.clients');
type Registry = Map<string, Promise<ClientCore>>;
const registry = (): Registry => {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
};

/** Each core's client per resource class, so that two widgets of one resource share one client too. */
const clientsOf = new WeakMap<ClientCore, Map<ResourceClass<ResourceClient>, ResourceClient>>();

/** The page's core for an endpoint, adapter and adapter options, created on first use. */
function sharedCore(endpoint: string | undefined, adapter: string, options: AdapterOptions): Promise<ClientCore> {
  if (!isAdapterName(adapter)) {
    return Promise.reject(new TypeError(`Civic Widgets: unknown adapter "${adapter}" (use ${ADAPTERS.join(', ')}).`));
  }
  const key = JSON.stringify([adapter, endpoint ?? '', options]);
  const cores = registry();
  let core = cores.get(key);
  if (!core) {
    core = ADAPTER_FACTORIES[adapter](endpoint ?? '', options).then((custom) =>
      createCore({ adapter: custom, endpoint }),
    );
    core.catch(() => cores.delete(key));
    cores.set(key, core);
  }
  return core;
}

/** The page's client of `resource` for an endpoint, adapter and adapter options, on the page's shared core. */
export async function sharedClient<Client extends ResourceClient>(
  endpoint: string | undefined,
  adapter: string,
  options: AdapterOptions,
  resource: ResourceClass<Client>,
): Promise<Client> {
  const core = await sharedCore(endpoint, adapter, options);
  const clients = clientsOf.get(core) ?? new Map();
  clientsOf.set(core, clients);
  const client = clients.get(resource) ?? new resource(core);
  clients.set(resource, client);
  return client as Client;
}

/** Forgets the page's shared clients (tests). */
export function resetSharedClients(): void {
  for (const core of registry().values()) core.then((c) => c.outbox.close()).catch(() => {});
  registry().clear();
}
