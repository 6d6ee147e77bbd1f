export type { Adapter, FeedbackField, RequestContext } from './adapter.js';
export { type RestAdapterOptions, restAdapter } from './adapters/rest.js';
export { CivicClient, type ClientOptions, createClient, type OutboxEventDetail, type Submission } from './client.js';
export { ClientError, type ClientErrorInit, type ClientErrorKind, isRetryable } from './errors.js';
export {
  defaultOutboxStore,
  indexedDbOutboxStore,
  localStorageOutboxStore,
  memoryOutboxStore,
  type OutboxEntry,
  type OutboxStore,
  type SubmitOperation,
} from './outbox/store.js';
export { defaultRetryOptions, type RetryOptions } from './retry.js';
export * from './schemas/index.js';
