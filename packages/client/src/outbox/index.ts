/** `@civic-widgets/client/outbox`: the stores an outbox can use, for the `outbox` option of any client. */
export { memoryOutboxStore } from './memory-store.js';
export { defaultOutboxStore, indexedDbOutboxStore, localStorageOutboxStore } from './stores.js';
export type { OutboxEntry, OutboxStore } from './types.js';
