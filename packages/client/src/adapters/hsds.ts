import type { Adapter, RequestContext } from '../adapter.js';
import { distanceKm, type LatLng } from '../domain/geo.js';
import { isOpenAt, isValidTimeZone } from '../domain/hours.js';
import { ClientError } from '../errors.js';
import type { Service, ServiceCategory, ServiceQuery } from '../schemas/service.js';
import {
  type HsdsPage,
  type HsdsServiceAtLocation,
  type HsdsTaxonomyTerm,
  hsdsCategory,
  hsdsServices,
} from './hsds-map.js';
import { parseRetryAfter } from './rest.js';
import { refuse } from './unsupported.js';

export { hsdsHours, hsdsService, hsdsServices } from './hsds-map.js';

export interface HsdsAdapterOptions {
  /** Base URL of an HSDS 3.0 API, e.g. `https://directory.example.gov/api`. */
  endpoint: string;
  fetch?: typeof fetch;
  /** IANA time zone of the venues, for schedules that give only a UTC offset or nothing (see docs/adapters.md). */
  timeZone?: string;
  /** Clock for "open now" and for schedules' validity dates. */
  now?: () => Date;
  /**
   * Turns a postcode into coordinates. HSDS filters by postcode but never says where the postcode is, so
   * without this a postcode search comes back in the API's order and without distances.
   */
  geocode?: (postcode: string, signal: AbortSignal) => Promise<LatLng | undefined>;
  /** Only terms of this taxonomy become categories (`taxonomy_id`). */
  taxonomyId?: string;
  /** Most records read for one search that is sorted or filtered here (by distance, open now). Default 1000. */
  maxRecords?: number;
  /** Told about every record left out, and why: invalid coordinates, no address, ... */
  onSkip?: (record: unknown, reason: string) => void;
}

const PER_PAGE = 100;

/**
 * Reads an Open Referral HSDS 3.0 API: `/service_at_locations` for searches, `/taxonomy_terms` for categories.
 * HSDS has no coordinate search and no order: when a search gives a location (or asks for open now), this adapter
 * reads up to `maxRecords` records, computes distances from their coordinates, filters and sorts them itself.
 * Read-only: petitions, polls and feedback fail with an `http` 405 error.
 */
export function hsdsAdapter(options: HsdsAdapterOptions): Adapter {
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new TypeError(`hsdsAdapter: unknown time zone "${options.timeZone}"; use an IANA name like Europe/London`);
  }
  const base = options.endpoint.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? (() => new Date());
  const maxRecords = options.maxRecords ?? 1000;

  async function list<T>(path: string, params: Record<string, string | undefined>, ctx: RequestContext) {
    const url = new URL(base + path, globalThis.location?.href);
    for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
    const response = await fetchFn(url, {
      headers: { Accept: 'application/json' },
      signal: ctx.signal,
      credentials: 'omit',
    });
    if (!response.ok) {
      throw new ClientError('http', `HTTP ${response.status}`, {
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    let page: HsdsPage<T>;
    try {
      page = await response.json();
    } catch (cause) {
      throw new ClientError('invalid-response', 'Malformed JSON', { status: response.status, cause });
    }
    if (!Array.isArray(page?.contents)) {
      throw new ClientError('invalid-response', 'Not an HSDS page: no contents', { status: response.status });
    }
    return page as HsdsPage<T> & { contents: T[] };
  }

  /** Pages in turn until the last one or `maxRecords`. */
  async function listAll<T>(path: string, params: Record<string, string | undefined>, ctx: RequestContext) {
    const all: T[] = [];
    for (let page = 1; all.length < maxRecords; page++) {
      const answer = await list<T>(path, { ...params, page: String(page), per_page: String(PER_PAGE) }, ctx);
      all.push(...answer.contents);
      // APIs may cap per_page below what was asked, so a short page is the end only when nothing else says.
      const done =
        answer.last_page ??
        (answer.total_pages === undefined ? answer.contents.length < PER_PAGE : page >= answer.total_pages);
      if (done || !answer.contents.length) break;
    }
    return all.slice(0, maxRecords);
  }

  async function searchServices(query: ServiceQuery, ctx: RequestContext) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const at = now();
    const mapOptions = { timeZone: options.timeZone, now: at, onSkip: options.onSkip };
    const postcode = query.postcode?.trim() || undefined;
    const params = {
      search: query.q?.trim() || undefined,
      taxonomy_term_id: query.category,
      postcode,
      // HSDS measures proximity in metres from the postcode's centre.
      proximity: postcode && query.radiusKm !== undefined ? String(Math.round(query.radiusKm * 1000)) : undefined,
      full: 'true',
    };
    const origin: LatLng | undefined =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng }
        : postcode && options.geocode
          ? await options.geocode(postcode, ctx.signal)
          : undefined;

    if (!origin && !query.openNow) {
      const answer = await list<HsdsServiceAtLocation>(
        '/service_at_locations',
        { ...params, page: String(page), per_page: String(pageSize) },
        ctx,
      );
      const items = hsdsServices(answer.contents, mapOptions);
      return { items, total: answer.total_items ?? items.length, page, pageSize };
    }

    let found: Service[] = hsdsServices(await listAll('/service_at_locations', params, ctx), mapOptions);
    if (query.openNow) found = found.filter((s) => s.hours !== undefined && isOpenAt(s.hours, at));
    if (origin) {
      found = found
        .map((s) => ({ ...s, distanceKm: Math.round(distanceKm(origin, s.location) * 100) / 100 }))
        // With a geocoded postcode the API has already applied the radius; applying it again costs nothing.
        .filter((s) => query.radiusKm === undefined || s.distanceKm <= query.radiusKm)
        .sort((a, b) => a.distanceKm - b.distanceKm);
    }
    return { items: found.slice((page - 1) * pageSize, page * pageSize), total: found.length, page, pageSize };
  }

  async function listServiceCategories(ctx: RequestContext): Promise<ServiceCategory[]> {
    const terms = await listAll<HsdsTaxonomyTerm>('/taxonomy_terms', { taxonomy_id: options.taxonomyId }, ctx);
    const byId = new Map<string, ServiceCategory>();
    for (const term of terms) {
      const category = hsdsCategory(term);
      if (category && !byId.has(category.id)) byId.set(category.id, category);
    }
    return [...byId.values()];
  }

  return {
    name: 'hsds',
    listPetitions: refuse('hsds', 'petitions'),
    getPetition: refuse('hsds', 'petitions'),
    signPetition: refuse('hsds', 'petitions'),
    submitFeedback: refuse('hsds', 'feedback'),
    listPolls: refuse('hsds', 'polls'),
    getPoll: refuse('hsds', 'polls'),
    votePoll: refuse('hsds', 'polls'),
    getPollResults: refuse('hsds', 'polls'),
    searchServices,
    listServiceCategories,
  };
}
