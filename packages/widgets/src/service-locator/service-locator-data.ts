import type { Service, ServiceQuery } from '@civic-widgets/client';
import { safeHref } from '../internal/safe-url.js';

/** What the citizen searched for. `lat`/`lng` come from the device and are never put in the page's address. */
export interface Search {
  q: string;
  category: string;
  postcode: string;
  radiusKm: number;
  openNow: boolean;
  lat?: number;
  lng?: number;
}

const URL_KEYS = { q: 'q', category: 'category', postcode: 'postcode', radiusKm: 'radius', openNow: 'open' } as const;

/**
 * The search a page address holds (`?q=…&category=…&postcode=…&radius=…&open=1`). The device's location is never
 * in an address: it is kept from `previous` unless the address names a postcode.
 */
export function searchFromUrl(
  query: string,
  defaults: { category: string; radiusKm: number },
  previous?: Search,
): Search {
  const params = new URLSearchParams(query);
  const get = (key: keyof typeof URL_KEYS) => params.get(URL_KEYS[key]) ?? '';
  return {
    q: get('q'),
    category: get('category') || defaults.category,
    postcode: get('postcode'),
    radiusKm: Number(get('radiusKm')) || defaults.radiusKm,
    openNow: get('openNow') === '1',
    ...(get('postcode') ? {} : { lat: previous?.lat, lng: previous?.lng }),
  };
}

/** `href` with the search in its query, the page's other parameters kept; defaults and empty values left out. */
export function urlWithSearch(href: string, search: Search, defaultRadiusKm: number): string {
  const url = new URL(href);
  const values: Record<keyof typeof URL_KEYS, string> = {
    q: search.q,
    category: search.category,
    postcode: search.postcode,
    radiusKm: search.radiusKm === defaultRadiusKm ? '' : String(search.radiusKm),
    openNow: search.openNow ? '1' : '',
  };
  for (const [key, value] of Object.entries(values)) {
    const name = URL_KEYS[key as keyof typeof URL_KEYS];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  return url.href;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value || min));

/** The client query for a search: only what was given, the radius only with a place to measure from. */
export function searchQuery(search: Search, page: number, pageSize: number): ServiceQuery {
  const origin =
    search.lat !== undefined && search.lng !== undefined
      ? { lat: search.lat, lng: search.lng }
      : search.postcode
        ? { postcode: search.postcode }
        : undefined;
  return {
    ...(search.q && { q: search.q }),
    ...(search.category && { category: search.category }),
    // Within what the protocol accepts, whatever the attributes say.
    ...(origin && { ...origin, radiusKm: clamp(search.radiusKm, 0.1, 500) }),
    ...(search.openNow && { openNow: true }),
    page,
    pageSize: Math.round(clamp(pageSize, 1, 100)),
  };
}

/**
 * The directions link of a place from the embedder's template: `{lat}`, `{lng}` and `{address}` URL-encoded, and
 * the result must still be a safe link. No template, no link: nothing goes to a third party unless configured.
 */
export function directionsHref(template: string | undefined, place: Service['location']): string | undefined {
  if (!template) return undefined;
  const values: Record<string, string> = {
    lat: String(place.lat),
    lng: String(place.lng),
    address: [place.address, place.postcode].filter(Boolean).join(', '),
  };
  return safeHref(template.replace(/\{(lat|lng|address)\}/g, (_, key: string) => encodeURIComponent(values[key]!)));
}

/** Where a listed service is, for a host page's map. */
export interface ServiceMarker {
  id: string;
  name: string;
  lat: number;
  lng: number;
  distanceKm?: number;
}

/** The list changed (a search answered, or more results were shown): draw them on your own map. */
export class CivicResultsEvent extends Event {
  static readonly type = 'civic-results';
  readonly detail: { results: ServiceMarker[]; total: number };
  constructor(services: Service[], total: number) {
    super(CivicResultsEvent.type, { bubbles: true, composed: true });
    this.detail = {
      total,
      results: services.map(({ id, name, location, distanceKm }) => ({
        id,
        name,
        lat: location.lat,
        lng: location.lng,
        distanceKm,
      })),
    };
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-results': CivicResultsEvent;
  }
}
