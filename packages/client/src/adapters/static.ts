import type { Adapter, RequestContext } from '../adapter.js';
import { distanceKm, isValidLatLng, type LatLng } from '../domain/geo.js';
import { isOpenOn, isValidTimeZone, wallClock } from '../domain/hours.js';
import { ClientError } from '../errors.js';
import type { Service, ServiceCategory, ServiceList, ServiceQuery } from '../schemas/service.js';
import { type HsdsMapOptions, hsdsCategory, hsdsServices } from './hsds-map.js';
import { refuse } from './unsupported.js';

export interface StaticAdapterOptions extends Omit<HsdsMapOptions, 'now'> {
  /**
   * The JSON file: our own `Service[]` (or `{services, categories}`), or an HSDS 3.0 document (a list or page of
   * service-at-locations, services or organisations). Read once, on the first search.
   */
  url?: string | URL;
  /** The same data already in memory, instead of `url`. */
  data?: unknown;
  fetch?: typeof fetch;
  /** Clock for "open now" and for HSDS schedules' validity dates. */
  now?: () => Date;
  /** Category labels; by default those in the file (HSDS taxonomy term names), else the ids. */
  categories?: ServiceCategory[];
  /** Postcodes a resident may type, with their centres (`{'LS1 3AB': {lat, lng}}`); case and spaces ignored. */
  postcodes?: Record<string, LatLng>;
  /** Or a function that finds a postcode's centre. */
  geocode?: (postcode: string, signal: AbortSignal) => Promise<LatLng | undefined>;
}

interface Index {
  services: Service[];
  /** Lower-case name, description and organisation without accents, for matching words. */
  text: string[];
  labels: Map<string, string>;
}

/** Lower case without accents, so that "cafe" finds "Café". */
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
/** Room for a million services beside distances in metres (at most 20 000 km) within 2^53. */
const SLOTS = 2 ** 20;
const postcodeKey = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

function isOwnService(value: unknown): value is Service {
  const s = value as Service;
  return typeof s?.id === 'string' && typeof s.organization === 'string' && typeof s.location?.lat === 'number';
}

/** Every `{taxonomy_term: {...}}` in an HSDS document, as category labels. */
function termLabels(document: unknown, labels: Map<string, string>) {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const category = key === 'taxonomy_term' && value ? hsdsCategory(value) : undefined;
        if (category && !labels.has(category.id)) labels.set(category.id, category.label);
        else walk(value);
      }
    }
  };
  walk(document);
}

/**
 * Searches one JSON file in the browser, for a council with no API: text, category, distance from a position or
 * a known postcode, radius, open now, pages, and categories with counts. The file is read and indexed once; a
 * search over 10 000 services takes a few milliseconds (`npx tsx scripts/bench-static-search.ts`).
 * Read-only: petitions, polls and feedback fail with an `http` 405 error.
 */
export function staticAdapter(options: StaticAdapterOptions): Adapter {
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new TypeError(`staticAdapter: unknown time zone "${options.timeZone}"; use an IANA name like Europe/London`);
  }
  const now = options.now ?? (() => new Date());
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  let loading: Promise<Index> | undefined;
  const postcodes = new Map(Object.entries(options.postcodes ?? {}).map(([key, at]) => [postcodeKey(key), at]));

  async function read(): Promise<unknown> {
    if (options.data !== undefined) return options.data;
    if (!options.url) throw new TypeError('staticAdapter needs a url or data');
    // No abort signal: the file is shared by every search, and one caller giving up must not fail the others.
    const response = await fetchFn(new URL(options.url, globalThis.location?.href), {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
    if (!response.ok) throw new ClientError('http', `HTTP ${response.status}`, { status: response.status });
    try {
      return await response.json();
    } catch (cause) {
      throw new ClientError('invalid-response', 'Malformed JSON', { status: response.status, cause });
    }
  }

  function build(document: unknown): Index {
    const own = document as { services?: unknown[]; categories?: ServiceCategory[] };
    const list = Array.isArray(document) ? document : own?.services;
    const labels = new Map<string, string>();
    let services: Service[];
    if (Array.isArray(list) && isOwnService(list[0])) {
      services = list.filter((s): s is Service => {
        const usable = isOwnService(s) && isValidLatLng(s.location) && (!s.hours || isValidTimeZone(s.hours.timeZone));
        if (!usable) options.onSkip?.(s, 'not a service, or invalid coordinates or time zone');
        return usable;
      });
      for (const c of own.categories ?? []) labels.set(c.id, c.label);
    } else {
      services = hsdsServices(document, { ...options, now: now() });
      termLabels(document, labels);
    }
    for (const c of options.categories ?? []) labels.set(c.id, c.label);
    const text = services.map((s) => fold(`${s.name} ${s.description ?? ''} ${s.organization}`));
    return { services, text, labels };
  }

  function load(): Promise<Index> {
    loading ??= read()
      .then(build)
      .catch((error) => {
        loading = undefined; // a later search tries again
        throw error;
      });
    return loading;
  }

  async function origin(query: ServiceQuery, signal: AbortSignal): Promise<LatLng | undefined> {
    if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
    const postcode = query.postcode?.trim();
    if (!postcode) return undefined;
    const found = postcodes.get(postcodeKey(postcode)) ?? (await options.geocode?.(postcode, signal));
    if (!found) {
      const title = 'Unknown postcode';
      throw new ClientError('validation', title, {
        status: 422,
        problem: { type: 'about:blank', title, status: 422, errors: [{ path: 'postcode', message: title }] },
      });
    }
    return found;
  }

  async function searchServices(query: ServiceQuery, ctx: RequestContext): Promise<ServiceList> {
    const index = await load();
    const from = await origin(query, ctx.signal);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const words = fold(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const at = now();
    const clocks = new Map<string, ReturnType<typeof wallClock>>();
    const clockIn = (timeZone: string) => {
      let clock = clocks.get(timeZone);
      if (!clock) {
        clock = wallClock(at, timeZone);
        clocks.set(timeZone, clock);
      }
      return clock;
    };

    const hits: number[] = [];
    const { services, text } = index;
    for (let i = 0; i < services.length; i++) {
      const s = services[i]!;
      if (query.category && !s.categories.includes(query.category)) continue;
      if (words.length && !words.every((w) => text[i]!.includes(w))) continue;
      if (query.openNow && !(s.hours && isOpenOn(s.hours.weekly, clockIn(s.hours.timeZone)))) continue;
      hits.push(i);
    }
    if (!from) {
      const items = hits.slice((page - 1) * pageSize, page * pageSize).map((i) => services[i]!);
      return { items, total: hits.length, page, pageSize };
    }
    const distance = new Float64Array(services.length);
    // Sort keys of metres and position packed in one number: a typed array sorts numbers natively, several
    // times faster than a comparator over 10 000 services, and equal distances keep the file's order.
    const keys = new Float64Array(hits.length);
    let near = 0;
    for (const i of hits) {
      distance[i] = distanceKm(from, services[i]!.location);
      if (query.radiusKm === undefined || distance[i]! <= query.radiusKm) {
        keys[near++] = Math.round(distance[i]! * 1000) * SLOTS + i;
      }
    }
    const sorted = keys.subarray(0, near).sort();
    const items = Array.from(sorted.subarray((page - 1) * pageSize, page * pageSize), (key) => {
      const i = key % SLOTS;
      return { ...services[i]!, distanceKm: Math.round(distance[i]! * 100) / 100 };
    });
    return { items, total: near, page, pageSize };
  }

  async function listServiceCategories(): Promise<ServiceCategory[]> {
    const { services, labels } = await load();
    const counts = new Map<string, number>();
    for (const s of services) for (const c of s.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ids = new Set([...labels.keys(), ...counts.keys()]);
    return [...ids].map((id) => ({ id, label: labels.get(id) ?? id, count: counts.get(id) ?? 0 }));
  }

  return {
    name: 'static',
    listPetitions: refuse('static', 'petitions'),
    getPetition: refuse('static', 'petitions'),
    signPetition: refuse('static', 'petitions'),
    submitFeedback: refuse('static', 'feedback'),
    listPolls: refuse('static', 'polls'),
    getPoll: refuse('static', 'polls'),
    votePoll: refuse('static', 'polls'),
    getPollResults: refuse('static', 'polls'),
    searchServices,
    listServiceCategories,
  };
}
