/** `@civic-widgets/client/core` and part of every entry point: the core, errors, the outbox's events and types. */
export type { Adapter, FeedbackField, RequestContext } from './adapter.js';
export { ClientCore, type ClientOptions, createCore } from './core.js';
export { ClientError, type ClientErrorInit, type ClientErrorKind, isRetryable } from './errors.js';
export {
  OutboxDeliveredEvent,
  OutboxEvent,
  type OutboxEventDetail,
  type OutboxEventMap,
  OutboxExpiredEvent,
  OutboxFailedEvent,
} from './outbox/events.js';
export type { OutboxEntry, OutboxStore, Submission, SubmitOperation } from './outbox/types.js';
export { ResourceClient } from './resource-client.js';
export { defaultRetryOptions, type RetryOptions } from './retry.js';
