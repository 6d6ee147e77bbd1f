import * as z from 'zod/mini';
import type { Adapter, RequestContext } from './adapter.js';
import { restAdapter } from './adapters/rest.js';
import { toFieldErrors } from './domain/field-errors.js';
import { ClientError } from './errors.js';
import { Outbox } from './outbox/outbox.js';
import type { OutboxEntry, OutboxStore, Submission, SubmitOperation } from './outbox/types.js';
import { defaultRetryOptions, type RetryOptions, withRetry } from './retry.js';

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

/** The adapter methods that read. */
export type ReadOperation = Exclude<keyof Adapter, 'name' | 'feedbackFields' | SubmitOperation>;

const DAY = 24 * 60 * 60 * 1000;

function parseInput<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ClientError('validation', 'Invalid input', { fieldErrors: toFieldErrors(result.error.issues) });
  }
  return result.data;
}

function parseOutput<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ClientError('invalid-response', 'Invalid response', {
      fieldErrors: toFieldErrors(result.error.issues),
    });
  }
  return result.data;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * What every resource's client is built on: the transport through the adapter (validation of what goes out and
 * comes in, timeout, retries, idempotency keys) and one outbox. Clients of several resources made on one core
 * share its outbox, its listeners and its events. It carries no resource's schemas: each client passes its own.
 */
export class ClientCore {
  readonly adapter: Adapter;
  /** `adapter:endpoint`, the outbox namespace. */
  readonly namespace: string;
  readonly outbox: Outbox;
  #timeoutMs: number;
  #retry: RetryOptions;
  /** Receipt schemas of the resources whose clients exist, by submitting operation. */
  #receipts = new Map<SubmitOperation, z.core.$ZodType>();

  constructor(options: ClientOptions) {
    if (!options.adapter && !options.endpoint) {
      throw new TypeError('Civic Widgets: createClient needs an `endpoint` (or an `adapter`).');
    }
    this.adapter = options.adapter ?? restAdapter({ endpoint: options.endpoint!, fetch: options.fetch });
    this.namespace = `${this.adapter.name}:${options.endpoint ?? ''}`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retry = { ...defaultRetryOptions, ...options.retry };
    this.outbox = new Outbox({
      namespace: this.namespace,
      send: (entry) => this.#send(entry),
      store: options.outbox,
      ttlMs: options.outboxTtlMs ?? 7 * DAY,
      autoFlush: options.autoFlush !== false,
    });
  }

  /**
   * Checks the answers to `operation` with `schema` from now on. Each resource's client registers its receipts;
   * an entry of a resource without a client on this page (a signature queued on a petition page, delivered by a
   * poll page) is acknowledged by any 2xx, its body having been checked when it was queued.
   */
  expectReceipt(operation: SubmitOperation, schema: z.core.$ZodType): void {
    this.#receipts.set(operation, schema);
  }

  /** A read: the argument checked, the call retried, the answer checked. */
  async read<T>(operation: ReadOperation, output: z.core.$ZodType<T>, input?: z.core.$ZodType, arg?: unknown) {
    const args = input ? [parseInput(input, arg)] : [];
    const call = (ctx: RequestContext) =>
      (this.adapter[operation] as (...a: unknown[]) => Promise<unknown>)(...args, ctx);
    return parseOutput(output, await withRetry(() => this.attempt(call), this.#retry));
  }

  /** A submission: the body checked, then kept in the outbox and delivered. `args` ends with the body. */
  submit<R>(operation: SubmitOperation, body: z.core.$ZodType, args: unknown[]): Promise<Submission<R>> {
    const checked = parseInput(body, args.at(-1));
    return this.outbox.submit<R>(operation, [...args.slice(0, -1), checked]);
  }

  /** Checks an argument as a submitting method does, e.g. a petition id before the body. */
  check<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
    return parseInput(schema, value);
  }

  /** One call to the adapter with a timeout; every failure comes out as a `ClientError`. */
  async attempt<T>(call: (ctx: RequestContext) => Promise<T>, idempotencyKey?: string): Promise<T> {
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

  /** Delivers one outbox entry: its id is the idempotency key of every attempt. */
  async #send(entry: OutboxEntry): Promise<unknown> {
    const call = (ctx: RequestContext) =>
      (this.adapter[entry.operation] as (...a: unknown[]) => Promise<unknown>)(...entry.args, ctx);
    const answer = await withRetry(() => this.attempt(call, entry.id), this.#retry);
    const receipt = this.#receipts.get(entry.operation);
    return receipt ? parseOutput(receipt, answer) : answer;
  }
}

/** A core for `endpoint` or `adapter`: pass it to several resources' clients so that they share one outbox. */
export function createCore(options: ClientOptions): ClientCore {
  return new ClientCore(options);
}
