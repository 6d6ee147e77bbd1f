import { type CivicClient, createClient } from '@civic-widgets/client';

/** Adapters a widget can name in its `adapter` attribute. */
export const ADAPTERS = ['rest', 'memory'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

// One client per endpoint and adapter on a page, shared by every widget (one outbox, one set of listeners).
// Kept on a global symbol so that two CDN files that each carry a copy of this module still share clients.
const registryKey = Symbol.for('civic-widgets.clients');
type Registry = Map<string, Promise<CivicClient>>;
const registry = (): Registry => {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
};

/**
 * The page's client for an endpoint and adapter, created on first use. `memory` (demos, docs) is imported only
 * when asked for, so pages using the REST backend never download it.
 */
export function sharedClient(endpoint: string | undefined, adapter: string): Promise<CivicClient> {
  if (!(ADAPTERS as readonly string[]).includes(adapter)) {
    return Promise.reject(new TypeError(`Civic Widgets: unknown adapter "${adapter}" (use ${ADAPTERS.join(' or ')}).`));
  }
  const key = `${adapter} ${endpoint ?? ''}`;
  const clients = registry();
  let client = clients.get(key);
  if (!client) {
    client =
      adapter === 'memory'
        ? import('@civic-widgets/client/adapters/memory').then(({ memoryAdapter }) =>
            createClient({ adapter: memoryAdapter({ delayMs: 300 }), endpoint }),
          )
        : Promise.resolve(createClient({ endpoint }));
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
