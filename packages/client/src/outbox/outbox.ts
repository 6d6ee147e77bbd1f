import type { OutboxEngine } from './engine.js';
import { EMPTY, waitingMark } from './mark.js';
import type { OutboxEntry, OutboxStore, Submission, SubmitOperation } from './types.js';

export interface OutboxOptions {
  /** `adapter:endpoint`: entries of other backends in the same storage are left alone. */
  namespace: string;
  /**
   * Sends one entry (with its id as idempotency key, and retries). Resolves to the receipt once the backend has
   * acknowledged it; rejects with a `ClientError`, which says whether a later attempt may succeed.
   */
  send: (entry: OutboxEntry) => Promise<unknown>;
  /** Where entries wait. Default: IndexedDB, else localStorage, else memory. */
  store?: OutboxStore;
  /** How long an entry is kept before it is given up. */
  ttlMs: number;
  /** Deliver waiting entries on creation, on `online` and when the page becomes visible. */
  autoFlush: boolean;
}

/** Whether the default store may hold submissions of a backend. Read at every chance to deliver, so it is cheap. */
function mayHaveWaiting(namespace: string): boolean {
  try {
    return localStorage.getItem(waitingMark(namespace)) !== EMPTY;
  } catch {
    return true; // no localStorage (Node, blocked storage): the mark cannot say, so look
  }
}

/**
 * The client's outbox: where submissions are kept until the backend acknowledges them, and where the outbox's
 * events (`delivered`, `failed`, `expired`) fire. Its engine (`./engine.ts`, with the stores and the lock) is a
 * module of its own, loaded the first time a submission must be kept, the queue is read or flushed, a form asks for
 * it (`prepare`), or a chance to deliver comes while the waiting mark says that something may wait: a page that
 * only reads, with nothing queued, never downloads it nor opens IndexedDB.
 */
export class Outbox extends EventTarget {
  readonly namespace: string;
  #options: OutboxOptions;
  #engine?: Promise<OutboxEngine>;
  #cleanup: (() => void)[] = [];

  constructor(options: OutboxOptions) {
    super();
    this.namespace = options.namespace;
    this.#options = options;
    if (options.autoFlush) this.#listenForDeliveryChances();
  }

  /** Keeps a (validated) submission, then tries to deliver it at once. */
  async submit<R>(operation: SubmitOperation, args: unknown[]): Promise<Submission<R>> {
    return (await this.#load()).submit<R>(operation, args);
  }

  /** Submissions of this backend still waiting, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    return (await this.#load()).pending();
  }

  /**
   * Tries to deliver every waiting submission of this backend once (with retries). Safe to call at any time: when
   * the engine cannot be loaded (offline before it arrived), the next chance tries again.
   */
  flush(): Promise<void> {
    return this.#load().then(
      (engine) => engine.flush(),
      () => {},
    );
  }

  /**
   * Loads the engine in the background, so that a submission made after the connection drops can still be kept.
   * A form calls it when it is shown.
   */
  prepare(): void {
    this.#load().catch(() => {});
  }

  /** Stops listening for `online` and `visibilitychange`. */
  close(): void {
    for (const remove of this.#cleanup.splice(0)) remove();
  }

  /** The engine, imported on first use; a failed import is tried again on the next use. */
  #load(): Promise<OutboxEngine> {
    this.#engine ??= import('./engine.js').then(
      ({ OutboxEngine }) => new OutboxEngine(this, this.#options),
      (error: unknown) => {
        this.#engine = undefined;
        throw error;
      },
    );
    return this.#engine;
  }

  #listenForDeliveryChances() {
    if (typeof window === 'undefined') return;
    // A store the client was given is not described by the mark: it is always looked at.
    const flush = () => {
      if (this.#options.store || mayHaveWaiting(this.namespace)) void this.flush();
    };
    const flushIfVisible = () => document.visibilityState === 'visible' && flush();
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', flushIfVisible);
    this.#cleanup.push(
      () => window.removeEventListener('online', flush),
      () => document.removeEventListener('visibilitychange', flushIfVisible),
    );
    setTimeout(flush);
  }
}
