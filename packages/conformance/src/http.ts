/** One answer of the backend, read once: the status, the headers and the body as text and (if any) as JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a string is sent as it is, with the given `headers`. */
  body?: unknown;
}

export interface BackendOptions {
  /** The `Origin` the CORS checks send, as a page embedding the widgets would. */
  origin: string;
  /** Bearer token of the reference server's admin API, for checks that need a closed petition or poll. */
  adminToken?: string;
  /** Milliseconds before a request counts as failed. */
  timeoutMs: number;
}

/** The backend under test, addressed by paths relative to its base URL (`https://x.example/api/v1`). */
export class Backend {
  readonly base: string;

  constructor(
    base: string,
    readonly options: BackendOptions,
  ) {
    this.base = base.replace(/\/+$/, '');
  }

  url(path: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `${this.base}${path}${search ? `?${search}` : ''}`;
  }

  async request(method: string, path: string, { query, headers = {}, body }: RequestOptions = {}): Promise<Answer> {
    const json = body !== undefined && typeof body !== 'string';
    const response = await fetch(this.url(path, query), {
      method,
      headers: json ? { 'Content-Type': 'application/json', ...headers } : headers,
      body: json ? JSON.stringify(body) : (body as string | undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  }

  get(path: string, query?: Record<string, string>): Promise<Answer> {
    return this.request('GET', path, { query });
  }

  /** A submission as the client sends it: JSON with a fresh `Idempotency-Key` unless one is given (`null`: none). */
  post(path: string, body: unknown, key: string | null = crypto.randomUUID()): Promise<Answer> {
    return this.request('POST', path, { body, headers: key === null ? {} : { 'Idempotency-Key': key } });
  }

  /** A call to the reference server's admin API (docs/server.md), authorised by `--admin-token`. */
  admin(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.request(method, `/admin${path}`, {
      body,
      headers: { Authorization: `Bearer ${this.options.adminToken}`, 'Idempotency-Key': crypto.randomUUID() },
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
