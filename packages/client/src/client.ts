import * as z from 'zod/mini';
import type { Adapter, FeedbackField, RequestContext } from './adapter.js';
import { restAdapter } from './adapters/rest.js';
import { ClientError, isRetryable } from './errors.js';
import { ifLockFree } from './outbox/lock.js';
import {
  defaultOutboxStore,
  memoryOutboxStore,
  type OutboxEntry,
  type OutboxStore,
  type SubmitOperation,
} from './outbox/store.js';
import { randomUuid } from './random.js';
import { defaultRetryOptions, type RetryOptions, withRetry } from './retry.js';
import { Id } from './schemas/common.js';
import { FeedbackReceipt, FeedbackRequest } from './schemas/feedback.js';
import { Petition, PetitionList, PetitionListQuery, SignatureReceipt, SignatureRequest } from './schemas/petition.js';
import { Poll, PollList, PollListQuery, PollResults, VoteReceipt, VoteRequest } from './schemas/poll.js';
import { type ServiceCategory, ServiceCategoryList, ServiceList, ServiceQuery } from './schemas/service.js';

export interface ClientOptions {
  /** Base URL of the backend, e.g. `https://participate.example.gov/api/v1`. Required by the `rest` adapter. */
  endpoint?: string;
  /** The backend. Default: the `rest` adapter (protocol v1) on `endpoint`. */
  adapter?: Adapter;
  /** For the default `rest` adapter: the `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one attempt. Default 10 000 ms. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Where unacknowledged submissions wait. Default: IndexedDB, else localStorage, else memory. */
  outbox?: OutboxStore;
  /** How long a queued submission is kept before it is given up (and a `expired` event fires). Default 7 days. */
  outboxTtlMs?: number;
  /** Deliver queued submissions on creation, on `online` and when the page becomes visible. Default true. */
  autoFlush?: boolean;
}

/** What a submitting method resolves to: acknowledged by the backend, or kept in the outbox for later. */
export type Submission<Receipt> =
  | { status: 'delivered'; receipt: Receipt }
  /** `persisted` is false when the outbox could only keep it in memory: the page must stay open. */
  | { status: 'queued'; id: string; persisted: boolean };

/** Detail of the client's `delivered`, `failed` and `expired` events, fired for submissions sent from the outbox. */
export interface OutboxEventDetail {
  entry: OutboxEntry;
  receipt?: unknown;
  error?: ClientError;
}

const SUBMISSIONS = {
  signPetition: { body: SignatureRequest, receipt: SignatureReceipt },
  submitFeedback: { body: FeedbackRequest, receipt: FeedbackReceipt },
  votePoll: { body: VoteRequest, receipt: VoteReceipt },
} satisfies Record<SubmitOperation, { body: z.core.$ZodType; receipt: z.core.$ZodType }>;

const DAY = 24 * 60 * 60 * 1000;

function toFieldErrors(error: z.core.$ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
}

function parseInput<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ClientError('validation', 'Invalid input', { fieldErrors: toFieldErrors(result.error) });
  }
  return result.data;
}

function parseOutput<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ClientError('invalid-response', 'Invalid response', {
      fieldErrors: toFieldErrors(result.error),
    });
  }
  return result.data;
}

/** What a submission asks for, as a map key: its operation and (validated) arguments. */
const requestKey = (operation: SubmitOperation, args: unknown[]) => JSON.stringify([operation, ...args]);

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * The typed client for protocol v1: validates what goes out and what comes in, times out and retries, and keeps
 * every submission in a persistent outbox until the backend acknowledges it. It is an `EventTarget` that fires
 * `delivered`, `failed` and `expired` (`CustomEvent<OutboxEventDetail>`) for submissions sent from the outbox.
 */
export class CivicClient extends EventTarget {
  readonly adapter: Adapter;
  readonly namespace: string;
  #timeoutMs: number;
  #retry: RetryOptions;
  #ttlMs: number;
  #store: Promise<OutboxStore>;
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

  constructor(options: ClientOptions) {
    super();
    if (!options.adapter && !options.endpoint) {
      throw new TypeError('Civic Widgets: createClient needs an `endpoint` (or an `adapter`).');
    }
    this.adapter = options.adapter ?? restAdapter({ endpoint: options.endpoint!, fetch: options.fetch });
    this.namespace = `${this.adapter.name}:${options.endpoint ?? ''}`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retry = { ...defaultRetryOptions, ...options.retry };
    this.#ttlMs = options.outboxTtlMs ?? 7 * DAY;
    this.#store = options.outbox
      ? Promise.resolve(options.outbox)
      : defaultOutboxStore().then((store) => {
          // Neither IndexedDB nor localStorage works (private mode, a full disk): only the open page keeps it.
          if (store.kind === 'memory') this.#persistent = false;
          return store;
        });
    if (options.autoFlush !== false) this.#listenForDeliveryChances();
  }

  async listPetitions(query: PetitionListQuery = {}): Promise<PetitionList> {
    return this.#read('listPetitions', PetitionList, PetitionListQuery, query);
  }

  async getPetition(id: string): Promise<Petition> {
    return this.#read('getPetition', Petition, Id, id);
  }

  async signPetition(id: string, body: SignatureRequest): Promise<Submission<SignatureReceipt>> {
    return this.#submit('signPetition', [parseInput(Id, id), body]);
  }

  async submitFeedback(body: FeedbackRequest): Promise<Submission<FeedbackReceipt>> {
    return this.#submit('submitFeedback', [body]);
  }

  /**
   * The backend's extra questions for feedback on `topic` (an Open311 service's attributes), in display order;
   * `[]` when its adapter has none. One attempt, not retried: a widget goes on without them if it fails.
   */
  async feedbackFields(topic: string): Promise<FeedbackField[]> {
    const adapter = this.adapter;
    return adapter.feedbackFields ? this.#attempt((ctx) => adapter.feedbackFields!(topic, ctx)) : [];
  }

  async listPolls(query: PollListQuery = {}): Promise<PollList> {
    return this.#read('listPolls', PollList, PollListQuery, query);
  }

  async getPoll(id: string): Promise<Poll> {
    return this.#read('getPoll', Poll, Id, id);
  }

  async votePoll(id: string, body: VoteRequest): Promise<Submission<VoteReceipt>> {
    return this.#submit('votePoll', [parseInput(Id, id), body]);
  }

  async getPollResults(id: string): Promise<PollResults> {
    return this.#read('getPollResults', PollResults, Id, id);
  }

  async searchServices(query: ServiceQuery = {}): Promise<ServiceList> {
    return this.#read('searchServices', ServiceList, ServiceQuery, query);
  }

  async listServiceCategories(): Promise<ServiceCategory[]> {
    return this.#read('listServiceCategories', ServiceCategoryList);
  }

  /** Submissions of this backend still waiting in the outbox, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    const entries = await (await this.#store).list();
    return entries.filter((e) => e.namespace === this.namespace).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Tries to deliver every queued submission of this backend once (with retries). Safe to call at any time. */
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

  /** A read: the argument checked, the call retried, the answer checked. */
  async #read<T>(
    operation: Exclude<keyof Adapter, 'name' | 'feedbackFields' | SubmitOperation>,
    output: z.core.$ZodType<T>,
    input?: z.core.$ZodType,
    arg?: unknown,
  ): Promise<T> {
    const args = input ? [parseInput(input, arg)] : [];
    const call = (ctx: RequestContext) =>
      (this.adapter[operation] as (...a: unknown[]) => Promise<unknown>)(...args, ctx);
    return parseOutput(output, await withRetry(() => this.#attempt(call), this.#retry));
  }

  /** One call to the adapter with a timeout; every failure comes out as a `ClientError`. */
  async #attempt<T>(call: (ctx: RequestContext) => Promise<T>, idempotencyKey?: string): Promise<T> {
    if (isOffline()) throw new ClientError('offline', 'Offline');
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ClientError('timeout', 'Timeout'));
      }, this.#timeoutMs);
    });
    try {
      return await Promise.race([call({ signal: controller.signal, idempotencyKey }), timedOut]);
    } catch (error) {
      if (error instanceof ClientError) throw error;
      if (isOffline()) throw new ClientError('offline', 'Offline', { cause: error });
      throw new ClientError('network', 'Network error', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async #submit<R>(operation: SubmitOperation, args: unknown[]): Promise<Submission<R>> {
    const body = parseInput(SUBMISSIONS[operation].body, args.at(-1));
    const sent = [...args.slice(0, -1), body];
    const now = Date.now();
    const entry: OutboxEntry = {
      id: this.#unreadable.get(requestKey(operation, sent)) ?? randomUuid(),
      namespace: this.namespace,
      operation,
      args: sent,
      createdAt: now,
      expiresAt: now + this.#ttlMs,
      attempts: 0,
    };
    await this.#keep(entry);
    const delivered = await ifLockFree(entry.id, () => this.#deliver<R>(entry));
    if (delivered?.value) return { status: 'delivered', receipt: delivered.value };
    return { status: 'queued', id: entry.id, persisted: this.#persistent };
  }

  /** Saves an entry; when storage fails (quota, private mode), keeps it in memory for this page instead. */
  async #keep(entry: OutboxEntry) {
    try {
      await (await this.#store).put(entry);
    } catch {
      const memory = memoryOutboxStore();
      this.#store = Promise.resolve(memory);
      this.#persistent = false;
      await memory.put(entry);
    }
  }

  /**
   * Sends one entry with retries. Resolves to the receipt once acknowledged (the entry is removed), or to
   * `undefined` when the failure may pass (the entry stays). A permanent failure removes the entry and throws.
   */
  async #deliver<R>(entry: OutboxEntry): Promise<R | undefined> {
    const store = await this.#store;
    const call = (ctx: RequestContext) =>
      (this.adapter[entry.operation] as (...a: unknown[]) => Promise<unknown>)(...entry.args, ctx);
    const request = requestKey(entry.operation, entry.args);
    let receipt: R;
    try {
      receipt = parseOutput(
        SUBMISSIONS[entry.operation].receipt,
        await withRetry(() => this.#attempt(call, entry.id), this.#retry),
      ) as R;
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
    return receipt;
  }

  async #flushOnce() {
    const store = await this.#store;
    const entries = await this.pending().catch(() => []);
    for (const entry of entries) {
      if (entry.expiresAt <= Date.now()) {
        await store.delete(entry.id).catch(() => {});
        this.#emit('expired', { entry });
        continue;
      }
      let stillWaiting = false;
      await ifLockFree(entry.id, async () => {
        const fresh = await store.get(entry.id);
        if (!fresh) return; // another tab delivered it while we waited
        try {
          const receipt = await this.#deliver(fresh);
          if (receipt === undefined) stillWaiting = true;
          else this.#emit('delivered', { entry: fresh, receipt });
        } catch (error) {
          this.#emit('failed', { entry: fresh, error: error as ClientError });
        }
      });
      if (stillWaiting) break; // the backend is unreachable: the rest would fail the same way
    }
  }

  #emit(type: 'delivered' | 'failed' | 'expired', detail: OutboxEventDetail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** Creates a client. See docs/client.md. */
export function createClient(options: ClientOptions): CivicClient {
  return new CivicClient(options);
}
