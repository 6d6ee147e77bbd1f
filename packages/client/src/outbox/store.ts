// Loaded by the outbox with a dynamic import, the first time something must be kept or flushed: a page that
// never queues a submission does not download IndexedDB code.
import { createStore, promisifyRequest } from 'idb-keyval';
import { memoryOutboxStore } from './memory-store.js';
import type { OutboxEntry, OutboxStore } from './types.js';

export function localStorageOutboxStore(storage: Storage = localStorage, prefix = 'civic-outbox:'): OutboxStore {
  return {
    kind: 'localstorage',
    list: async () => {
      const entries: OutboxEntry[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        const raw = key?.startsWith(prefix) ? storage.getItem(key) : null;
        if (raw) entries.push(JSON.parse(raw) as OutboxEntry);
      }
      return entries;
    },
    get: async (id) => {
      const raw = storage.getItem(prefix + id);
      return raw ? (JSON.parse(raw) as OutboxEntry) : undefined;
    },
    put: async (entry) => storage.setItem(prefix + entry.id, JSON.stringify(entry)),
    delete: async (id) => storage.removeItem(prefix + id),
  };
}

export function indexedDbOutboxStore(dbName = 'civic-widgets', storeName = 'outbox'): OutboxStore {
  // idb-keyval's connection handling, without its get/set/values helpers: their default store and the cursor
  // fallback for browsers without `getAll` cost the client bytes that every widget downloads.
  const store = createStore(dbName, storeName);
  const write = (change: (s: IDBObjectStore) => void) =>
    store('readwrite', (s) => {
      change(s);
      return promisifyRequest(s.transaction);
    });
  return {
    kind: 'indexeddb',
    list: () => store('readonly', (s) => promisifyRequest(s.getAll())),
    get: (id) => store('readonly', (s) => promisifyRequest(s.get(id))),
    put: (entry) => write((s) => s.put(entry, entry.id)),
    delete: (id) => write((s) => s.delete(id)),
  };
}

/**
 * Writes, reads and removes a probe entry: private modes and full disks fail here rather than later. One tab at a
 * time: tabs opening together probe the same key, and one tab's delete between another's write and read made that
 * tab take IndexedDB for broken and keep its submissions in localStorage, where tabs and later visits using
 * IndexedDB never look. (A key per tab would not need the lock, but would stay behind when a page closes mid-probe.)
 */
export function storeWorks(store: OutboxStore): Promise<boolean> {
  const probe = async () => {
    const entry = { id: '__probe__' } as OutboxEntry;
    try {
      await store.put(entry);
      const ok = (await store.get(entry.id))?.id === entry.id;
      await store.delete(entry.id);
      return ok;
    } catch {
      return false;
    }
  };
  // Without Web Locks (older browsers, insecure contexts), or where they are denied (opaque origins), unlocked.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('civic-outbox-probe', probe).catch(probe) : probe();
}

let picked: Promise<OutboxStore> | undefined;

/** The most durable store this browser allows: IndexedDB, then localStorage, then memory. Chosen once a page. */
export function defaultOutboxStore(): Promise<OutboxStore> {
  picked ??= (async () => {
    for (const create of [indexedDbOutboxStore, localStorageOutboxStore]) {
      try {
        const store = create();
        if (await storeWorks(store)) return store;
      } catch {
        // Missing or blocked storage (Node, sandboxed frames, disabled cookies): try the next one.
      }
    }
    return memoryOutboxStore();
  })();
  return picked;
}
