import type { Adapter, RequestContext } from '../adapter.js';
import { ClientError } from '../errors.js';
import { randomUuid } from '../random.js';
import type { FieldError } from '../schemas/common.js';
import type { FeedbackReceipt, FeedbackRequest, RatingScale } from '../schemas/feedback.js';
import { parseRetryAfter } from './rest.js';
import { refuse } from './unsupported.js';

// Open311 GeoReport v2: https://wiki.open311.org/GeoReport_v2

/** One entry of `GET /services.json`: a kind of request the city takes. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description?: string;
  /** True when `GET /services/{code}.json` defines extra attributes. */
  metadata: boolean;
  type?: 'realtime' | 'batch' | 'blackbox';
  keywords?: string;
  group?: string;
}

/** One extra field of a service definition, for a widget to render. */
export interface Open311Attribute {
  /** False for text that is only shown (`variable: false`). */
  variable: boolean;
  /** The name sent back as `attribute[code]`. */
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description?: string;
  order?: number;
  /** The question or label. */
  description: string;
  values?: { key: string; name: string }[];
}

/** `GET /services/{code}.json`. */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** A service request as GeoReport v2 fields; `attribute` values become `attribute[code]` (lists: `attribute[code][]`). */
export interface Open311Request {
  service_code: string;
  description?: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  device_id?: string;
  media_url?: string;
  attribute?: Record<string, string | number | string[]>;
}

/** What `POST /requests.json` answers: an id, or a token for services that create requests later. */
export interface Open311Receipt {
  service_request_id?: string;
  token?: string;
  service_notice?: string;
  account_id?: string;
}

/** Which `attribute[...]` codes carry the parts of a feedback; `null` leaves a part out. */
export interface Open311FeedbackAttributes {
  rating: string | null;
  scale: string | null;
  topic: string | null;
  pageUrl: string | null;
  reasons: string | null;
  locale: string | null;
}

export interface Open311AdapterOptions {
  /**
   * Base URL of the GeoReport v2 API **or of a proxy in front of it** (see docs/adapters.md): without
   * `/requests.json`, e.g. `https://council.example.gov/open311/v2`. Never a URL holding an `api_key`.
   */
  endpoint: string;
  /** The service code feedback is filed under (`GET /services.json` lists them). */
  serviceCode: string;
  /** For servers that host several cities. */
  jurisdictionId?: string;
  /** Where feedback is about, for servers that require a location: a fixed address or a point. */
  addressString?: string;
  location?: { lat: number; lng: number };
  /** Attribute codes for feedback; defaults: `rating`, `rating_scale`, `topic`, `page_url`, `reasons`, `locale`. */
  feedbackAttributes?: Partial<Open311FeedbackAttributes>;
  /** Fixed attributes sent with every feedback, for answers a service definition requires (`{channel: 'web'}`). */
  attributes?: Record<string, string | number | string[]>;
  fetch?: typeof fetch;
}

export interface Open311Adapter extends Adapter {
  /** `GET /services.json`: the request types the server takes. */
  services(ctx?: Partial<RequestContext>): Promise<Open311Service[]>;
  /** `GET /services/{code}.json`: the extra fields of one request type, for a widget to render. */
  serviceDefinition(code: string, ctx?: Partial<RequestContext>): Promise<Open311ServiceDefinition>;
  /** `POST /requests.json` with any GeoReport fields: problem reports with the extra fields filled in. */
  submitRequest(request: Open311Request, ctx?: Partial<RequestContext>): Promise<Open311Receipt>;
}

// The schemas' RATING_RANGE as text; importing it would bring zod into this entry (8 KB gzip), and `satisfies`
// still fails the build if a scale is added there and not here.
const SCALES = { thumbs: 'thumbs 0-1', stars: 'stars 1-5', smileys: 'smileys 1-5', nps: 'nps 0-10' } satisfies Record<
  RatingScale,
  string
>;

const DEFAULT_ATTRIBUTES: Open311FeedbackAttributes = {
  rating: 'rating',
  scale: 'rating_scale',
  topic: 'topic',
  pageUrl: 'page_url',
  reasons: 'reasons',
  locale: 'locale',
};

/** Our feedback field that a GeoReport field or attribute came from, for `fieldErrors`. */
function fieldFor(description: string, codes: Open311FeedbackAttributes): string | undefined {
  const named = /attribute\[([^\]]+)\]/.exec(description)?.[1];
  const fromAttribute: Record<string, string> = {};
  if (codes.rating) fromAttribute[codes.rating] = 'rating.value';
  if (codes.scale) fromAttribute[codes.scale] = 'rating.scale';
  if (codes.reasons) fromAttribute[codes.reasons] = 'reasons';
  if (codes.pageUrl) fromAttribute[codes.pageUrl] = 'pageUrl';
  if (codes.topic) fromAttribute[codes.topic] = 'topic';
  if (named) return fromAttribute[named] ?? `attribute.${named}`;
  if (/\bdescription\b/i.test(description)) return 'comment';
  return undefined;
}

/**
 * Files feedback with a city's Open311 GeoReport v2 server: `submitFeedback` becomes `POST /requests.json`
 * (form-encoded) under `serviceCode`, with the comment as `description` and the rating, scale, topic, page URL,
 * reasons and locale as `attribute[...]`. `services()`, `serviceDefinition()` and `submitRequest()` give widgets
 * the rest of GeoReport. Petitions, polls and the service directory fail with an `http` 405 error.
 *
 * GeoReport has no idempotency key: a retry after a lost answer may file the same feedback twice.
 */
export function open311Adapter(options: Open311AdapterOptions): Open311Adapter {
  if (/[?&]api_key=/i.test(options.endpoint)) {
    throw new TypeError('open311Adapter: never put an Open311 api_key in a page; add it in a proxy (docs/adapters.md)');
  }
  const base = options.endpoint.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const codes = { ...DEFAULT_ATTRIBUTES, ...options.feedbackAttributes };

  async function errorFor(response: Response): Promise<ClientError> {
    let errors: { code?: unknown; description?: unknown }[] = [];
    try {
      const body = await response.json();
      errors = Array.isArray(body) ? body : [body];
    } catch {
      // Not JSON: the status says enough.
    }
    const descriptions = errors.map((e) => (typeof e?.description === 'string' ? e.description : '')).filter(Boolean);
    const title = descriptions[0] ?? `HTTP ${response.status}`;
    const fieldErrors: FieldError[] = [];
    for (const message of descriptions) {
      const path = fieldFor(message, codes);
      if (path) fieldErrors.push({ path, message });
    }
    // GeoReport answers a refused request with 400 and a list of reasons: the same as our 422.
    const kind = response.status === 400 || response.status === 422 ? 'validation' : 'http';
    return new ClientError(kind, title, {
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      problem: {
        type: 'https://civic-widgets.org/problems/open311',
        title,
        status: response.status,
        ...(descriptions.length > 1 && { detail: descriptions.join('\n') }),
        ...(fieldErrors.length && { errors: fieldErrors }),
      },
    });
  }

  async function call<T>(path: string, ctx: Partial<RequestContext> = {}, form?: URLSearchParams): Promise<T> {
    const url = new URL(base + path, globalThis.location?.href);
    if (options.jurisdictionId && !form) url.searchParams.set('jurisdiction_id', options.jurisdictionId);
    // Only CORS-safelisted headers: a plain form POST needs no preflight, which many Open311 servers never answer.
    const response = await fetchFn(url, {
      method: form ? 'POST' : 'GET',
      headers: { Accept: 'application/json', ...(form && { 'Content-Type': 'application/x-www-form-urlencoded' }) },
      body: form?.toString(),
      signal: ctx.signal,
      credentials: 'omit',
    });
    if (!response.ok) throw await errorFor(response);
    try {
      return await response.json();
    } catch (cause) {
      throw new ClientError('invalid-response', 'Malformed JSON', { status: response.status, cause });
    }
  }

  function encode(request: Open311Request): URLSearchParams {
    const form = new URLSearchParams();
    if (options.jurisdictionId) form.set('jurisdiction_id', options.jurisdictionId);
    for (const [key, value] of Object.entries(request)) {
      if (key === 'attribute' || value === undefined || value === '') continue;
      form.set(key, String(value));
    }
    for (const [code, value] of Object.entries(request.attribute ?? {})) {
      if (Array.isArray(value)) for (const item of value) form.append(`attribute[${code}][]`, item);
      else form.set(`attribute[${code}]`, String(value));
    }
    return form;
  }

  async function submitRequest(request: Open311Request, ctx?: Partial<RequestContext>): Promise<Open311Receipt> {
    const answer = await call<unknown>('/requests.json', ctx, encode(request));
    const receipt = (Array.isArray(answer) ? answer[0] : answer) as Open311Receipt | undefined;
    const id = receipt?.service_request_id ?? receipt?.token;
    if (id === undefined || id === null || String(id) === '') {
      throw new ClientError('invalid-response', 'No service_request_id or token in the answer');
    }
    return receipt!;
  }

  async function submitFeedback(body: FeedbackRequest, ctx: RequestContext): Promise<FeedbackReceipt> {
    // GeoReport has no honeypot field: a filled one is dropped here, with a receipt as the server would give.
    if (body.website) return { receiptId: randomUuid() };
    const attribute: Record<string, string | number | string[]> = { ...options.attributes };
    if (codes.rating) attribute[codes.rating] = body.rating.value;
    if (codes.scale) attribute[codes.scale] = SCALES[body.rating.scale];
    if (codes.topic) attribute[codes.topic] = body.topic;
    if (codes.pageUrl && body.pageUrl) attribute[codes.pageUrl] = body.pageUrl;
    if (codes.reasons && body.reasons?.length) attribute[codes.reasons] = body.reasons;
    if (codes.locale && body.locale) attribute[codes.locale] = body.locale;
    const receipt = await submitRequest(
      {
        service_code: options.serviceCode,
        description: body.comment?.trim() || undefined,
        lat: options.location?.lat,
        long: options.location?.lng,
        address_string: options.addressString,
        attribute,
      },
      ctx,
    );
    return { receiptId: String(receipt.service_request_id ?? receipt.token).slice(0, 100) };
  }

  return {
    name: 'open311',
    services: (ctx) => call<Open311Service[]>('/services.json', ctx),
    serviceDefinition: (code, ctx) => call<Open311ServiceDefinition>(`/services/${encodeURIComponent(code)}.json`, ctx),
    submitRequest,
    submitFeedback,
    listPetitions: refuse('open311', 'petitions'),
    getPetition: refuse('open311', 'petitions'),
    signPetition: refuse('open311', 'petitions'),
    listPolls: refuse('open311', 'polls'),
    getPoll: refuse('open311', 'polls'),
    votePoll: refuse('open311', 'polls'),
    getPollResults: refuse('open311', 'polls'),
    searchServices: refuse('open311', 'the service directory'),
    listServiceCategories: refuse('open311', 'the service directory'),
  };
}
