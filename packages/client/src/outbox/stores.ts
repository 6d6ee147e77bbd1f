// The durable stores as the package exports them: each imports `./store.ts` (and idb-keyval) on its first call, so
// that a page importing the client does not download IndexedDB code before a submission must be kept. The outbox's
// engine uses `./store.ts` itself.
import type * as durable from './store.js';
import type { OutboxEntry, OutboxStore } from './types.js';

/** A store whose methods first import `./store.ts` and make the store there; a failed import is tried again. */
function loadedOnUse(kind: OutboxStore['kind'], create: (stores: typeof durable) => OutboxStore): OutboxStore {
  let store: Promise<OutboxStore> | undefined;
  const use = () => {
    store ??= import('./store.js').then(create);
    store.catch(() => {
      store = undefined;
    });
    return store;
  };
  return {
    kind,
    list: async () => (await use()).list(),
    get: async (id: string) => (await use()).get(id),
    put: async (entry: OutboxEntry) => (await use()).put(entry),
    delete: async (id: string) => (await use()).delete(id),
  };
}

/** Submissions in IndexedDB (database `civic-widgets`, object store `outbox` by default), through idb-keyval. */
export const indexedDbOutboxStore = (dbName?: string, storeName?: string): OutboxStore =>
  loadedOnUse('indexeddb', (stores) => stores.indexedDbOutboxStore(dbName, storeName));

/** Submissions in `storage` (default: `localStorage`), one key each, `civic-outbox:<id>` by default. */
export const localStorageOutboxStore = (storage: Storage = localStorage, prefix?: string): OutboxStore =>
  loadedOnUse('localstorage', (stores) => stores.localStorageOutboxStore(storage, prefix));

/** The most durable store this browser allows: IndexedDB, then localStorage, then memory. Chosen once a page. */
export const defaultOutboxStore = async (): Promise<OutboxStore> => (await import('./store.js')).defaultOutboxStore();
