import type * as z from 'zod/mini';
import type { Adapter } from './adapter.js';
import type { ClientCore } from './core.js';
import type { OutboxEventMap } from './outbox/events.js';
import type { OutboxEntry, SubmitOperation } from './outbox/types.js';

type Listener<E> = ((event: E) => void) | { handleEvent(event: E): void } | null;

/**
 * What every resource's client has besides its resource's methods: the backend, the outbox's operations, and the
 * outbox's events (`delivered`, `failed`, `expired`), for submissions of every resource sent from the outbox.
 */
export class ResourceClient {
  /** The transport and outbox; give it to another resource's client to share them (see `createCore`). */
  readonly core: ClientCore;

  /** `receipts`: the schema of each submitting operation's answer, checked from now on by the core. */
  constructor(core: ClientCore, receipts: Partial<Record<SubmitOperation, z.core.$ZodType>> = {}) {
    this.core = core;
    for (const [operation, schema] of Object.entries(receipts))
      core.expectReceipt(operation as SubmitOperation, schema);
  }

  get adapter(): Adapter {
    return this.core.adapter;
  }

  /** `adapter:endpoint`, the outbox namespace. */
  get namespace(): string {
    return this.core.namespace;
  }

  /** Submissions of this backend still waiting in the outbox, oldest first. */
  pending(): Promise<OutboxEntry[]> {
    return this.core.outbox.pending();
  }

  /** Tries to deliver every queued submission of this backend once (with retries). Safe to call at any time. */
  flush(): Promise<void> {
    return this.core.outbox.flush();
  }

  /**
   * Loads the outbox's code in the background (it is not part of the client's first download), so that a submission
   * made after the connection drops can still be kept. Forms call it when they are shown.
   */
  prepareOutbox(): void {
    this.core.outbox.prepare();
  }

  /** Stops listening for `online` and `visibilitychange` (for every client on this core). */
  close(): void {
    this.core.outbox.close();
  }

  addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: Listener<OutboxEventMap[K]>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    this.core.outbox.addEventListener(type, listener, options);
  }

  removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: Listener<OutboxEventMap[K]>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    this.core.outbox.removeEventListener(type, listener, options);
  }

  /** Fires an event on the outbox, as a delivery would (tests, or an app relaying another source's events). */
  dispatchEvent(event: Event): boolean {
    return this.core.outbox.dispatchEvent(event);
  }
}
