import type { ClientError } from '../errors.js';
import type { OutboxEntry } from './types.js';

/** What an outbox event carries, also as its `detail` (the shape listeners of earlier versions read). */
export interface OutboxEventDetail {
  entry: OutboxEntry;
  receipt?: unknown;
  error?: ClientError;
}

/**
 * The base of the outbox's events, fired on the client for submissions sent from the outbox (not for the
 * answer a submitting method resolves to). A `CustomEvent` whose `detail` is `{entry, receipt?, error?}`, so
 * listeners written for the untyped events keep working; new code reads `event.entry` and friends.
 */
export class OutboxEvent extends CustomEvent<OutboxEventDetail> {
  /** The queued submission, as it was stored. */
  get entry(): OutboxEntry {
    return this.detail.entry;
  }
}

/** `delivered`: a queued submission was acknowledged by the backend. */
export class OutboxDeliveredEvent extends OutboxEvent {
  constructor(entry: OutboxEntry, receipt: unknown) {
    super('delivered', { detail: { entry, receipt } });
  }
  /**
   * The backend's answer: checked against the operation's schema when a client for that resource exists on the
   * page, else as the backend sent it (any 2xx acknowledges a submission).
   */
  get receipt(): unknown {
    return this.detail.receipt;
  }
}

/** `failed`: a queued submission was refused for good (a closed petition, a vote already cast, ...). */
export class OutboxFailedEvent extends OutboxEvent {
  constructor(entry: OutboxEntry, error: ClientError) {
    super('failed', { detail: { entry, error } });
  }
  get error(): ClientError {
    return this.detail.error!;
  }
}

/** `expired`: a queued submission was given up, unsent, after the outbox's time to live. */
export class OutboxExpiredEvent extends OutboxEvent {
  constructor(entry: OutboxEntry) {
    super('expired', { detail: { entry } });
  }
}

/** The outbox's events by name, for typed `addEventListener` calls. */
export interface OutboxEventMap {
  delivered: OutboxDeliveredEvent;
  failed: OutboxFailedEvent;
  expired: OutboxExpiredEvent;
}
