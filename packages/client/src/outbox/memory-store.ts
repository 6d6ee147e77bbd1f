import type { OutboxEntry, OutboxStore } from './types.js';

/** An outbox that lives as long as the page: the last resort when the browser allows no storage. */
export function memoryOutboxStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    kind: 'memory',
    list: async () => [...entries.values()],
    get: async (id) => entries.get(id),
    put: async (entry) => void entries.set(entry.id, entry),
    delete: async (id) => void entries.delete(id),
  };
}
