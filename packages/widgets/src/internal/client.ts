import { type Adapter, type CivicClient, createClient } from '@civic-widgets/client';

/** Adapters a widget can name in its `adapter` attribute. */
export const ADAPTERS = ['rest', 'memory', 'static', 'hsds', 'open311'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** Settings some adapters need besides the endpoint, given by a widget's attributes (`service-code`). */
export interface AdapterOptions {
  /** `open311`: the service code feedback is filed under. */
  serviceCode?: string;
}

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
  open311: (endpoint, { serviceCode = '' }) =>
    import('@civic-widgets/client/adapters/open311').then((m) => m.open311Adapter({ endpoint, serviceCode })),
};

export const isAdapterName = (name: string): name is AdapterName => (ADAPTERS as readonly string[]).includes(name);

// One client per endpoint, adapter and options on a page, shared by every widget (one outbox, one set of
// listeners). Kept on a global symbol so that two CDN files that each carry a copy of this module still share.
const registryKey = Symbol.for('civic-widgets.clients');
type Registry = Map<string, Promise<CivicClient>>;
const registry = (): Registry => {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
};

/** The page's client for an endpoint, adapter and adapter options, created on first use. */
export function sharedClient(
  endpoint: string | undefined,
  adapter: string,
  options: AdapterOptions = {},
): Promise<CivicClient> {
  if (!isAdapterName(adapter)) {
    return Promise.reject(new TypeError(`Civic Widgets: unknown adapter "${adapter}" (use ${ADAPTERS.join(', ')}).`));
  }
  const key = JSON.stringify([adapter, endpoint ?? '', options]);
  const clients = registry();
  let client = clients.get(key);
  if (!client) {
    client = ADAPTER_FACTORIES[adapter](endpoint ?? '', options).then((custom) =>
      createClient({ adapter: custom, endpoint }),
    );
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}

/** Forgets the page's shared clients (tests). */
export function resetSharedClients(): void {
  for (const client of registry().values()) client.then((c) => c.close()).catch(() => {});
  registry().clear();
}
