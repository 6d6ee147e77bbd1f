/** A recorded request, as the server would have seen it. */
export interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

/** What the fake answers: a response, a thrown error (as fetch throws on network failure), or no answer at all. */
export type Reply = Response | Error | 'hang';

/**
 * A real Response whose `json()` resolves in a microtask. Chromium reads a body in a later task, which a fake
 * clock would race: retry tests could fire the attempt timeout while the body is still being read.
 */
class ReadyResponse extends Response {
  constructor(
    private readonly data: unknown,
    private readonly init: ResponseInit,
  ) {
    super(JSON.stringify(data), init);
  }
  override json = () => Promise.resolve(structuredClone(this.data));
  override clone = () => new ReadyResponse(this.data, this.init);
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new ReadyResponse(body, {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

export const problem = (status: number, title = 'Error', extra: Record<string, unknown> = {}, headers = {}) =>
  json(status, { type: 'about:blank', title, status, ...extra }, headers);

/** A `fetch` that answers with `replies` in turn (the last one repeats) and records every request. */
export function scriptedFetch(...replies: Reply[]) {
  const requests: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    requests.push({
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if (reply === 'hang') {
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** Makes `navigator.onLine` false until the returned function is called. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => delete (navigator as { onLine?: boolean }).onLine;
}
