import { ClientError, isRetryable } from '../errors.js';
import { randomUuid } from '../random.js';
import { OutboxDeliveredEvent, OutboxExpiredEvent, OutboxFailedEvent } from './events.js';
import { ifLockFree } from './lock.js';
import { EMPTY, waitingMark } from './mark.js';
import { memoryOutboxStore } from './memory-store.js';
import type { OutboxOptions } from './outbox.js';
import { defaultOutboxStore } from './store.js';
import type { OutboxEntry, OutboxStore, Submission, SubmitOperation } from './types.js';

/** What a submission asks for, as a map key: its operation and (validated) arguments. */
const requestKey = (operation: SubmitOperation, args: unknown[]) => JSON.stringify([operation, ...args]);

/**
 * The outbox engine: every submission is kept before it is sent and removed once acknowledged or refused for
 * good; waiting ones are sent again when the page gets a chance, one tab at a time. It knows no schema: bodies
 * were checked when queued, and `send` checks receipts. Fires `delivered`, `failed` and `expired` (see
 * `./events.ts`) on the client's `Outbox` for submissions sent from the outbox. Loaded by that `Outbox` when first
 * needed (see `./outbox.ts`), with the stores it uses.
 */
export class OutboxEngine {
  #events: EventTarget;
  #namespace: string;
  #send: (entry: OutboxEntry) => Promise<unknown>;
  #ttlMs: number;
  /** The default store (not one the client was given): the only one the waiting mark describes. */
  #byDefault: boolean;
  #store?: Promise<OutboxStore>;
  #persistent = true;
  #flushing?: Promise<void>;
  #flushAgain = false;
  /**
   * Submissions whose answer could not be read (malformed, or not the protocol's), by operation and arguments, to
   * their idempotency key. The backend may well have stored them: sent again unchanged (the resident tries again,
   * as the error says), they reuse the key, so the backend answers as the first time instead of storing them twice.
   */
  #unreadable = new Map<string, string>();

  /** `events`: where the events fire, the client's `Outbox`. */
  constructor(events: EventTarget, options: OutboxOptions) {
    this.#events = events;
    this.#namespace = options.namespace;
    this.#send = options.send;
    this.#ttlMs = options.ttlMs;
    this.#byDefault = !options.store;
    if (options.store) this.#store = Promise.resolve(options.store);
  }

  /** Keeps a (validated) submission, then tries to deliver it at once. */
  async submit<R>(operation: SubmitOperation, args: unknown[]): Promise<Submission<R>> {
    const now = Date.now();
    const entry: OutboxEntry = {
      id: this.#unreadable.get(requestKey(operation, args)) ?? randomUuid(),
      namespace: this.#namespace,
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
    return entries.filter((e) => e.namespace === this.#namespace).sort((a, b) => a.createdAt - b.createdAt);
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
        await this.#markIfEmpty();
      } while (this.#flushAgain);
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /**
   * The store, chosen on first use (loading the engine does not open IndexedDB): the most durable one the browser
   * allows; where none works (private mode, a full disk), only the open page keeps the submissions.
   */
  #storage(): Promise<OutboxStore> {
    this.#store ??= defaultOutboxStore().then((store) => {
      if (store.kind === 'memory') this.#persistent = false;
      return store;
    });
    return this.#store;
  }

  /**
   * Saves an entry; when storage fails (quota, private mode), keeps it in memory for this page instead. The waiting
   * mark is set before the entry is written, so that no page can miss it, and again after, so that a page that
   * found the store empty just before the write cannot clear it (see `./outbox.ts`).
   */
  async #keep(entry: OutboxEntry) {
    try {
      const store = await this.#storage();
      this.#mark();
      await store.put(entry);
      this.#mark();
    } catch {
      const memory = memoryOutboxStore();
      this.#store = Promise.resolve(memory);
      this.#persistent = false;
      await memory.put(entry);
    }
  }

  /** Sets the waiting mark to a value of its own; when it cannot be set (a full disk), removes it: "not known". */
  #mark() {
    if (!this.#byDefault) return;
    const key = waitingMark(this.#namespace);
    try {
      localStorage.setItem(key, randomUuid());
    } catch {
      try {
        localStorage.removeItem(key);
      } catch {
        // No localStorage at all: pages then always look, as the mark cannot say "empty".
      }
    }
  }

  /**
   * Sets the waiting mark to "empty" when the durable store holds nothing of this backend, unless another tab set
   * it while the store was read: that tab may be writing an entry the read did not see.
   */
  async #markIfEmpty() {
    if (!this.#byDefault) return;
    const key = waitingMark(this.#namespace);
    try {
      const seen = localStorage.getItem(key);
      const store = await this.#storage();
      if (store.kind === 'memory' || (await this.pending()).length > 0) return;
      if (localStorage.getItem(key) === seen) localStorage.setItem(key, EMPTY);
    } catch {
      // Unreadable storage: the mark stays as it was, and pages look again.
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
    const store = await this.#storage();
    const entries = await this.pending().catch(() => []);
    for (const entry of entries) {
      if (entry.expiresAt <= Date.now()) {
        await store.delete(entry.id).catch(() => {});
        this.#events.dispatchEvent(new OutboxExpiredEvent(entry));
        continue;
      }
      let stillWaiting = false;
      await ifLockFree(entry.id, async () => {
        const fresh = await store.get(entry.id);
        if (!fresh) return; // another tab delivered it while we waited
        try {
          const delivered = await this.#deliver(fresh);
          if (delivered) this.#events.dispatchEvent(new OutboxDeliveredEvent(fresh, delivered.receipt));
          else stillWaiting = true;
        } catch (error) {
          this.#events.dispatchEvent(new OutboxFailedEvent(fresh, error as ClientError));
        }
      });
      if (stillWaiting) break; // the backend is unreachable: the rest would fail the same way
    }
  }
}
