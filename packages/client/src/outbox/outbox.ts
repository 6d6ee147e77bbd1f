import { ClientError, isRetryable } from '../errors.js';
import { randomUuid } from '../random.js';
import { OutboxDeliveredEvent, OutboxExpiredEvent, OutboxFailedEvent } from './events.js';
import { ifLockFree } from './lock.js';
import { memoryOutboxStore } from './memory-store.js';
import type { OutboxEntry, OutboxStore, Submission, SubmitOperation } from './types.js';

export interface OutboxOptions {
  /** `adapter:endpoint`: entries of other backends in the same storage are left alone. */
  namespace: string;
  /**
   * Sends one entry (with its id as idempotency key, and retries). Resolves to the receipt once the backend has
   * acknowledged it; rejects with a `ClientError`, which says whether a later attempt may succeed.
   */
  send: (entry: OutboxEntry) => Promise<unknown>;
  /** Where entries wait. Default: IndexedDB, else localStorage, else memory, loaded on first use. */
  store?: OutboxStore;
  /** How long an entry is kept before it is given up. */
  ttlMs: number;
  /** Deliver waiting entries on creation, on `online` and when the page becomes visible. */
  autoFlush: boolean;
}

/** What a submission asks for, as a map key: its operation and (validated) arguments. */
const requestKey = (operation: SubmitOperation, args: unknown[]) => JSON.stringify([operation, ...args]);

/**
 * The outbox engine: every submission is kept before it is sent and removed once acknowledged or refused for
 * good; waiting ones are sent again when the page gets a chance, one tab at a time. It knows no schema: bodies
 * were checked when queued, and `send` checks receipts. Fires `delivered`, `failed` and `expired`
 * (see `./events.ts`) for submissions sent from the outbox.
 */
export class Outbox extends EventTarget {
  readonly namespace: string;
  #send: (entry: OutboxEntry) => Promise<unknown>;
  #ttlMs: number;
  #store?: Promise<OutboxStore>;
  #persistent = true;
  #flushing?: Promise<void>;
  #flushAgain = false;
  #cleanup: (() => void)[] = [];
  /**
   * Submissions whose answer could not be read (malformed, or not the protocol's), by operation and arguments, to
   * their idempotency key. The backend may well have stored them: sent again unchanged (the resident tries again,
   * as the error says), they reuse the key, so the backend answers as the first time instead of storing them twice.
   */
  #unreadable = new Map<string, string>();

  constructor(options: OutboxOptions) {
    super();
    this.namespace = options.namespace;
    this.#send = options.send;
    this.#ttlMs = options.ttlMs;
    if (options.store) this.#store = Promise.resolve(options.store);
    if (options.autoFlush) this.#listenForDeliveryChances();
  }

  /** Keeps a (validated) submission, then tries to deliver it at once. */
  async submit<R>(operation: SubmitOperation, args: unknown[]): Promise<Submission<R>> {
    const now = Date.now();
    const entry: OutboxEntry = {
      id: this.#unreadable.get(requestKey(operation, args)) ?? randomUuid(),
      namespace: this.namespace,
      operation,
      args,
      createdAt: now,
      expiresAt: now + this.#ttlMs,
      attempts: 0,
    };
    await this.#keep(entry);
    const delivered = await ifLockFree(entry.id, () => this.#deliver<R>(entry));
    if (delivered?.value) return { status: 'delivered', receipt: delivered.value.receipt };
    return { status: 'queued', id: entry.id, persisted: this.#persistent };
  }

  /** Submissions of this backend still waiting, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    const entries = await (await this.#storage()).list();
    return entries.filter((e) => e.namespace === this.namespace).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Tries to deliver every waiting submission of this backend once (with retries). Safe to call at any time. */
  flush(): Promise<void> {
    if (this.#flushing) {
      // A chance that comes during a pass (back online mid-flush) gets a pass of its own afterwards.
      this.#flushAgain = true;
      return this.#flushing;
    }
    this.#flushing = (async () => {
      do {
        this.#flushAgain = false;
        await this.#flushOnce();
      } while (this.#flushAgain);
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /** Stops listening for `online` and `visibilitychange`. */
  close(): void {
    for (const remove of this.#cleanup.splice(0)) remove();
  }

  /**
   * The store, imported and chosen on first use. A failed import (the page went offline before the module
   * arrived) is tried again by the next flush; a submission meanwhile is kept in memory, as when storage fails.
   */
  #storage(): Promise<OutboxStore> {
    this.#store ??= import('./store.js').then(
      async ({ defaultOutboxStore }) => {
        const store = await defaultOutboxStore();
        // Neither IndexedDB nor localStorage works (private mode, a full disk): only the open page keeps it.
        if (store.kind === 'memory') this.#persistent = false;
        return store;
      },
      (error: unknown) => {
        this.#store = undefined;
        throw error;
      },
    );
    return this.#store;
  }

  #listenForDeliveryChances() {
    if (typeof window === 'undefined') return;
    const flush = () => void this.flush();
    const flushIfVisible = () => document.visibilityState === 'visible' && flush();
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', flushIfVisible);
    this.#cleanup.push(
      () => window.removeEventListener('online', flush),
      () => document.removeEventListener('visibilitychange', flushIfVisible),
    );
    setTimeout(flush);
  }

  /** Saves an entry; when storage fails (quota, private mode), keeps it in memory for this page instead. */
  async #keep(entry: OutboxEntry) {
    try {
      await (await this.#storage()).put(entry);
    } catch {
      const memory = memoryOutboxStore();
      this.#store = Promise.resolve(memory);
      this.#persistent = false;
      await memory.put(entry);
    }
  }

  /**
   * Sends one entry with retries. Resolves to its receipt once acknowledged (the entry is removed), or to
   * `undefined` when the failure may pass (the entry stays). A permanent failure removes the entry and throws.
   */
  async #deliver<R>(entry: OutboxEntry): Promise<{ receipt: R } | undefined> {
    const store = await this.#storage();
    const request = requestKey(entry.operation, entry.args);
    let receipt: R;
    try {
      receipt = (await this.#send(entry)) as R;
    } catch (error) {
      const clientError = error instanceof ClientError ? error : new ClientError('network', String(error));
      if (isRetryable(clientError)) {
        await store.put({ ...entry, attempts: entry.attempts + 1 }).catch(() => {});
        return undefined;
      }
      // An answer that cannot be read (malformed, or not the protocol's) still acknowledged it: the entry goes.
      if (clientError.kind === 'invalid-response') this.#unreadable.set(request, entry.id);
      await store.delete(entry.id).catch(() => {});
      throw clientError;
    }
    this.#unreadable.delete(request);
    await store.delete(entry.id).catch(() => {});
    return { receipt };
  }

  async #flushOnce() {
    const store = await this.#storage().catch(() => undefined);
    if (!store) return; // the store's module did not arrive: the next chance tries again
    const entries = await this.pending().catch(() => []);
    for (const entry of entries) {
      if (entry.expiresAt <= Date.now()) {
        await store.delete(entry.id).catch(() => {});
        this.dispatchEvent(new OutboxExpiredEvent(entry));
        continue;
      }
      let stillWaiting = false;
      await ifLockFree(entry.id, async () => {
        const fresh = await store.get(entry.id);
        if (!fresh) return; // another tab delivered it while we waited
        try {
          const delivered = await this.#deliver(fresh);
          if (delivered) this.dispatchEvent(new OutboxDeliveredEvent(fresh, delivered.receipt));
          else stillWaiting = true;
        } catch (error) {
          this.dispatchEvent(new OutboxFailedEvent(fresh, error as ClientError));
        }
      });
      if (stillWaiting) break; // the backend is unreachable: the rest would fail the same way
    }
  }
}
