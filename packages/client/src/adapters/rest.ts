import type { Adapter, RequestContext } from '../adapter.js';
import { ClientError } from '../errors.js';
import { type Problem, Problem as ProblemSchema } from '../schemas/common.js';

export interface RestAdapterOptions {
  /** Base URL, e.g. `https://participate.example.gov/api/v1`. */
  endpoint: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined>;

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = ProblemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function errorFor(response: Response): Promise<ClientError> {
  const problem = await readProblem(response);
  const init = {
    status: response.status,
    problem,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  };
  const message = problem?.title ?? `HTTP ${response.status}`;
  return new ClientError(response.status === 422 ? 'validation' : 'http', message, init);
}

/** Calls to `endpoint`, shared by the default adapter and the resources it leaves out (proposals). */
export function restRequest({ endpoint, fetch: fetchFn = globalThis.fetch.bind(globalThis) }: RestAdapterOptions) {
  const base = endpoint.replace(/\/+$/, '');

  /** A call to the backend: the JSON answer of a 2xx, a `ClientError` for anything else. */
  return async function request(
    method: 'GET' | 'POST',
    path: string,
    ctx: RequestContext,
    query?: Query,
    body?: unknown,
  ) {
    const url = new URL(base + path, globalThis.location?.href);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ctx.idempotencyKey) headers['Idempotency-Key'] = ctx.idempotencyKey;
    const response = await fetchFn(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctx.signal,
      // The public API uses no cookies: never send the host page's credentials to a third-party backend.
      credentials: 'omit',
    });
    if (!response.ok) throw await errorFor(response);
    try {
      return await response.json();
    } catch (cause) {
      throw new ClientError('invalid-response', 'Malformed JSON', {
        status: response.status,
        cause,
      });
    }
  };
}

/** The default adapter: protocol v1 over HTTP (docs/protocol.md). */
export function restAdapter(options: RestAdapterOptions): Adapter {
  const request = restRequest(options);
  const at = (id: string) => encodeURIComponent(id);
  return {
    name: 'rest',
    listPetitions: (query, ctx) => request('GET', '/petitions', ctx, query),
    getPetition: (id, ctx) => request('GET', `/petitions/${at(id)}`, ctx),
    signPetition: (id, body, ctx) => request('POST', `/petitions/${at(id)}/signatures`, ctx, undefined, body),
    submitFeedback: (body, ctx) => request('POST', '/feedback', ctx, undefined, body),
    listPolls: (query, ctx) => request('GET', '/polls', ctx, query),
    getPoll: (id, ctx) => request('GET', `/polls/${at(id)}`, ctx),
    votePoll: (id, body, ctx) => request('POST', `/polls/${at(id)}/votes`, ctx, undefined, body),
    getPollResults: (id, ctx) => request('GET', `/polls/${at(id)}/results`, ctx),
    searchServices: (query, ctx) => request('GET', '/services', ctx, query),
    listServiceCategories: (ctx) => request('GET', '/services/categories', ctx),
  };
}
