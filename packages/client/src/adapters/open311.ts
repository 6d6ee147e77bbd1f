import * as z from 'zod/mini';
import type { Adapter, FeedbackField, RequestContext } from '../adapter.js';
import { ClientError } from '../errors.js';
import { randomUuid } from '../random.js';
import { oneOf } from '../schemas/build.js';
import type { FieldError } from '../schemas/common.js';
import { type FeedbackReceipt, type FeedbackRequest, RATING_RANGE } from '../schemas/feedback.js';
import type { ReportStatus } from '../schemas/report.js';
import { configurationError } from './configuration.js';
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
  /** The service code feedback is filed under (`GET /services.json` lists them); only reading needs none. */
  serviceCode: string;
  /** For servers that host several cities. */
  jurisdictionId?: string;
  /**
   * Where feedback is about, for servers that require a location: a fixed address or a point. A feedback's own
   * `location` or `address` (the resident's answer) is sent instead.
   */
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
  /**
   * The attributes of `serviceCode`'s definition as feedback fields, when `GET /services.json` says it has one
   * (`metadata: true`); read once and kept. Attributes the adapter fills itself, and ones it cannot read, are
   * left out; an unreadable definition gives no fields. `topic` does not matter: feedback has one service code.
   * A server that does not list services, or does not list `serviceCode`, fails with a configuration error.
   */
  feedbackFields(topic: string, ctx?: Partial<RequestContext>): Promise<FeedbackField[]>;
  /** `GET /requests/{id}.json`: the status of one report, by its `service_request_id`. An unknown id: `http` 404. */
  reportStatus(reference: string, ctx?: Partial<RequestContext>): Promise<ReportStatus>;
}

const DEFAULT_ATTRIBUTES: Open311FeedbackAttributes = {
  rating: 'rating',
  scale: 'rating_scale',
  topic: 'topic',
  pageUrl: 'page_url',
  reasons: 'reasons',
  locale: 'locale',
};

const DATATYPES = {
  string: 'text',
  text: 'textarea',
  number: 'number',
  datetime: 'datetime',
  singlevaluelist: 'choice',
  multivaluelist: 'choices',
} as const satisfies Record<Open311Attribute['datatype'], FeedbackField['type']>;

// Only zod features the client's own schemas already use: anything else would land in the chunk every widget
// downloads (a bundler cannot split zod's one schemas module between the client and this lazily loaded adapter).
const Attribute = z.object({
  variable: z.boolean(),
  // Brackets would be read as nesting in `attribute[code]`.
  code: z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^[\]]+$/)),
  datatype: oneOf(Object.keys(DATATYPES) as [Open311Attribute['datatype'], ...Open311Attribute['datatype'][]]),
  required: z.boolean(),
  datatype_description: z.optional(z.string().check(z.maxLength(2000))),
  description: z.string().check(z.minLength(1), z.maxLength(2000)),
});
const Option = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(2000)),
});

// Published definitions are not always what the specification says: flags as "true", orders as "2", keys as
// numbers, datatypes in capitals, padded or missing names. They are tidied before the check, and each attribute
// is checked on its own, so one bad attribute is left out rather than failing the definition.
const asText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined);
const asFlag = (v: unknown, absent: boolean) =>
  v === undefined ? absent : v === true || v === 'true' ? true : v === false || v === 'false' ? false : v;
const asOrder = (v: unknown) => {
  const order = typeof v === 'number' || (typeof v === 'string' && v.trim()) ? Number(v) : Number.NaN;
  return Number.isFinite(order) ? order : Number.POSITIVE_INFINITY;
};

/** The definition's attributes as fields, in their `order`; what cannot be read or asked is left out. */
export function open311Fields(definition: unknown, answered: ReadonlySet<string> = new Set()): FeedbackField[] {
  const attributes = (definition as { attributes?: unknown } | null)?.attributes;
  const read: (FeedbackField & { order: number })[] = [];
  const seen = new Set(answered);
  let questions = 0;
  for (const raw of Array.isArray(attributes) ? (attributes as (Record<string, unknown> | null)[]) : []) {
    const parsed = z.safeParse(Attribute, {
      variable: asFlag(raw?.variable, true),
      code: asText(raw?.code),
      datatype: asText(raw?.datatype)?.toLowerCase(),
      required: asFlag(raw?.required, false),
      datatype_description: asText(raw?.datatype_description) || undefined,
      description: asText(raw?.description),
    });
    if (!parsed.success) continue;
    const a = parsed.data;
    const field: FeedbackField & { order: number } = {
      code: a.code,
      type: a.variable ? DATATYPES[a.datatype] : 'info',
      label: a.description,
      required: a.variable && a.required,
      order: asOrder(raw?.order),
    };
    if (a.datatype_description) field.hint = a.datatype_description;
    if (field.type === 'choice' || field.type === 'choices') {
      const options = new Map<string, string>();
      for (const value of Array.isArray(raw?.values) ? (raw.values as (Record<string, unknown> | null)[]) : []) {
        const key = asText(value?.key);
        const option = z.safeParse(Option, { key, name: asText(value?.name) || key });
        if (option.success) options.set(option.data.key, option.data.name);
      }
      if (!options.size) continue;
      field.options = [...options].map(([value, label]) => ({ value, label }));
    }
    if (field.type !== 'info') {
      // The adapter's own attributes are answered already; a repeated code could not be told apart; a request
      // holds at most 50 answers.
      if (seen.has(a.code) || questions >= 50) continue;
      seen.add(a.code);
      questions++;
    }
    read.push(field);
  }
  // A stable sort: attributes without an order keep their place after the ordered ones.
  return read.sort((x, y) => x.order - y.order || 0).map(({ order: _, ...field }) => field);
}

/** Our feedback field that a GeoReport field or attribute came from, for `fieldErrors`. */
function fieldFor(
  description: string,
  codes: Open311FeedbackAttributes,
  asked: ReadonlySet<string>,
): string | undefined {
  const named = /attribute\[([^\]]+)\]/.exec(description)?.[1];
  const fromAttribute: Record<string, string> = {};
  if (codes.rating) fromAttribute[codes.rating] = 'rating.value';
  if (codes.scale) fromAttribute[codes.scale] = 'rating.scale';
  if (codes.reasons) fromAttribute[codes.reasons] = 'reasons';
  if (codes.pageUrl) fromAttribute[codes.pageUrl] = 'pageUrl';
  if (codes.topic) fromAttribute[codes.topic] = 'topic';
  if (named) return fromAttribute[named] ?? (asked.has(named) ? `fields.${named}` : `attribute.${named}`);
  // Servers also name a field in prose ("channel is required"): only a code the widget shows can be meant.
  const words = new Set(description.toLowerCase().split(/[^\w-]+/));
  for (const code of asked) if (words.has(code.toLowerCase())) return `fields.${code}`;
  for (const [code, path] of Object.entries(fromAttribute)) if (words.has(code.toLowerCase())) return path;
  if (words.has('description')) return 'comment';
  // "A location is required: lat and long, or address_string": the address field is where the resident fixes it
  // (not "long", which says "too long" as often as it says longitude).
  if (['location', 'lat', 'address', 'address_string', 'address_id'].some((word) => words.has(word))) return 'address';
  return undefined;
}

/**
 * Files feedback with a city's Open311 GeoReport v2 server: `submitFeedback` becomes `POST /requests.json`
 * (form-encoded) under `serviceCode`, with the comment as `description` and the rating, scale, topic, page URL,
 * reasons and locale as `attribute[...]`. `services()`, `serviceDefinition()` and `submitRequest()` give widgets
 * the rest of GeoReport. Petitions, polls and the service directory fail with an `http` 405 error.
 *
 * GeoReport has no idempotency key: a retry after a lost answer may file the same feedback twice.
 *
 * A page set up wrong fails with a configuration error (`problem.type` `CONFIGURATION_PROBLEM`, never retried,
 * its message naming the attribute to fix): an `api_key` in the endpoint (at once), no service code, a server
 * that does not list services or does not list the service code, a 403 (no key: the proxy is missing) or a 404
 * on `POST /requests.json`. Every refusal's descriptions are in `problem.detail`.
 */
export function open311Adapter(options: Open311AdapterOptions): Open311Adapter {
  if (/[?&]api_key=/i.test(options.endpoint)) {
    throw configurationError(
      'Open311: the endpoint attribute (endpoint option) holds an api_key. Never put a key in a page: point endpoint at a proxy that adds it (docs/adapters.md).',
    );
  }
  // Checked when feedback needs it: reading services or a report's status needs no service code.
  const serviceCode = () => {
    if (options.serviceCode) return options.serviceCode;
    throw configurationError(
      'Open311: set the service-code attribute (serviceCode option) to the code feedback is filed under; GET /services.json lists them.',
    );
  };
  const base = options.endpoint.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const codes = { ...DEFAULT_ATTRIBUTES, ...options.feedbackAttributes };
  /** Codes of the definition's fields once read: server errors on them name the field (`fields.<code>`). */
  let asked = new Set<string>();
  let fields: Promise<FeedbackField[]> | undefined;

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
      const path = fieldFor(message, codes, asked);
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
        ...(descriptions.length && { detail: descriptions.join('\n') }),
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
    const answer = await call<unknown>('/requests.json', ctx, encode(request)).catch((error: ClientError) => {
      // GeoReport's 403 is a missing or wrong api_key (the page has no proxy), its 404 an unknown service code.
      const fix =
        error.status === 403
          ? 'point the endpoint attribute (endpoint option) at a proxy that adds the api_key (docs/adapters.md)'
          : error.status === 404
            ? `set the service-code attribute (serviceCode option) to a service the server lists, not "${request.service_code}"`
            : '';
      if (!fix) throw error;
      const reason = error.problem?.detail ?? error.message;
      throw configurationError(`Open311: the server refused the request (${reason}): ${fix}.`, error.status);
    });
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
    const attribute: Record<string, string | number | string[]> = {};
    for (const answer of body.fields ?? []) {
      const value = answer.values ?? answer.value;
      if (value !== undefined) attribute[answer.code] = value;
    }
    // The page's fixed attributes and the feedback's own parts win over an answer with the same code.
    Object.assign(attribute, options.attributes);
    if (codes.rating) attribute[codes.rating] = body.rating.value;
    if (codes.scale) {
      const [min, max] = RATING_RANGE[body.rating.scale];
      attribute[codes.scale] = `${body.rating.scale} ${min}-${max}`;
    }
    if (codes.topic) attribute[codes.topic] = body.topic;
    if (codes.pageUrl && body.pageUrl) attribute[codes.pageUrl] = body.pageUrl;
    if (codes.reasons && body.reasons?.length) attribute[codes.reasons] = body.reasons;
    if (codes.locale && body.locale) attribute[codes.locale] = body.locale;
    const receipt = await submitRequest(
      {
        service_code: serviceCode(),
        description: body.comment?.trim() || undefined,
        // Where the resident said (location="ask") wins over the page's fixed place.
        lat: (body.location ?? options.location)?.lat,
        long: (body.location ?? options.location)?.lng,
        address_string: body.address?.trim() || options.addressString,
        attribute,
      },
      ctx,
    );
    return { receiptId: String(receipt.service_request_id ?? receipt.token).slice(0, 100) };
  }

  /** `GET /services.json`, or a configuration error when the endpoint is not a GeoReport server. */
  async function catalogue(ctx?: Partial<RequestContext>): Promise<(Partial<Open311Service> | null)[]> {
    const notOpen311 = (status?: number) =>
      configurationError(
        `Open311: ${base}/services.json is not a GeoReport v2 list of services: set the endpoint attribute (endpoint option) to the server's base URL, without /services.json.`,
        status,
      );
    const services = await call<unknown>('/services.json', ctx).catch((error: ClientError) => {
      throw error.kind === 'invalid-response' || error.status === 404 ? notOpen311(error.status) : error;
    });
    if (!Array.isArray(services)) throw notOpen311();
    return services;
  }

  function feedbackFields(_topic: string, ctx?: Partial<RequestContext>): Promise<FeedbackField[]> {
    fields ??= (async () => {
      serviceCode();
      const services = await catalogue(ctx);
      const service = services.find((s) => s?.service_code === options.serviceCode);
      if (!service) {
        const known = services.map((s) => s?.service_code).filter(Boolean);
        throw configurationError(
          `Open311: the server has no service "${options.serviceCode}": set the service-code attribute (serviceCode option) to one of ${known.join(', ') || '(none listed)'}.`,
        );
      }
      if (service.metadata !== true && service.metadata !== ('true' as unknown)) return [];
      const definition = await call<unknown>(`/services/${encodeURIComponent(options.serviceCode)}.json`, ctx);
      const answered = new Set(
        [...Object.values(codes), ...Object.keys(options.attributes ?? {})].filter((c): c is string => !!c),
      );
      const read = open311Fields(definition, answered);
      asked = new Set(read.filter((f) => f.type !== 'info').map((f) => f.code));
      return read;
    })();
    // A failure (offline, a timeout) is not kept: the next widget or page view asks again.
    fields.catch(() => {
      fields = undefined;
    });
    return fields;
  }

  async function reportStatus(reference: string, ctx?: Partial<RequestContext>): Promise<ReportStatus> {
    const answer = await call<unknown>(`/requests/${encodeURIComponent(reference)}.json`, ctx);
    if (!Array.isArray(answer)) throw new ClientError('invalid-response', 'GET /requests/{id}.json is not a list');
    const found = answer[0] as Record<string, unknown> | undefined;
    if (!found) {
      const title = `No service request ${reference}`;
      throw new ClientError('http', title, {
        status: 404,
        problem: { type: 'https://civic-widgets.org/problems/open311', title, status: 404 },
      });
    }
    const status = asText(found.status)?.toLowerCase();
    if (status !== 'open' && status !== 'closed') {
      throw new ClientError('invalid-response', 'A service request status is "open" or "closed"');
    }
    const text = (value: unknown, max = 2000) => asText(value)?.slice(0, max) || undefined;
    return {
      reference: text(found.service_request_id, 100) ?? reference,
      status,
      statusNotes: text(found.status_notes),
      agencyResponsible: text(found.agency_responsible, 200),
      expectedDatetime: text(found.expected_datetime, 40),
      updatedDatetime: text(found.updated_datetime, 40),
    };
  }

  return {
    name: 'open311',
    feedbackFields,
    services: (ctx) => call<Open311Service[]>('/services.json', ctx),
    serviceDefinition: (code, ctx) => call<Open311ServiceDefinition>(`/services/${encodeURIComponent(code)}.json`, ctx),
    submitRequest,
    submitFeedback,
    reportStatus,
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
