import { isValidLatLng } from '../domain/geo.js';
import { isValidTimeZone } from '../domain/hours.js';
import type { OpeningHours, OpeningRange, Service, ServiceCategory, Weekday } from '../schemas/service.js';

// The parts of Open Referral HSDS 3.0 (https://docs.openreferral.org/en/latest/hsds/schema_reference.html)
// that become a `Service`. Everything is optional: published directories leave out whatever they like.

export interface HsdsPhone {
  number?: string;
}

export interface HsdsSchedule {
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  /** HSDS 3.0 says a UTC offset in hours (`3`, `-5`, `5.5`); some publishers write an IANA name instead. */
  timezone?: number | string;
  until?: string;
  count?: number;
  freq?: string;
  interval?: number;
  byday?: string;
  byweekno?: string;
  bymonthday?: string;
  byyearday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
}

export interface HsdsTaxonomyTerm {
  id?: string;
  name?: string;
  code?: string;
}

export interface HsdsService {
  id?: string;
  name?: string;
  description?: string;
  url?: string;
  email?: string;
  status?: string;
  eligibility_description?: string;
  organization?: { name?: string };
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  languages?: { code?: string }[];
  attributes?: { taxonomy_term?: HsdsTaxonomyTerm }[];
  /** A service with its locations nested, as in a full `/services/{id}` answer or an export file. */
  service_at_locations?: HsdsServiceAtLocation[];
}

export interface HsdsLocation {
  id?: string;
  name?: string;
  latitude?: number | string;
  longitude?: number | string;
  addresses?: {
    address_1?: string;
    address_2?: string;
    city?: string;
    state_province?: string;
    postal_code?: string;
    address_type?: string;
  }[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  accessibility?: { description?: string; details?: string }[];
  languages?: { code?: string }[];
}

export interface HsdsServiceAtLocation {
  id?: string;
  description?: string;
  service?: HsdsService;
  location?: HsdsLocation;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
}

/** An organisation with its services nested, as in an `/organizations/{id}?full_service=true` answer. */
export interface HsdsOrganization {
  name?: string;
  services?: HsdsService[];
}

/** One page of an HSDS API list. */
export interface HsdsPage<T> {
  total_items?: number;
  total_pages?: number;
  page_number?: number;
  last_page?: boolean;
  contents?: T[];
}

export interface HsdsMapOptions {
  /**
   * IANA time zone of the venues, used when a schedule gives none or only a UTC offset: an offset cannot follow
   * daylight saving, a zone can. Default: a whole-hour offset becomes `Etc/GMT±N`, otherwise the browser's zone.
   */
  timeZone?: string;
  /** The current time, to leave out schedules outside their `valid_from`-`valid_to` window. */
  now?: Date;
  /** Told about each record that cannot become a `Service`, and why (for a directory's maintainers). */
  onSkip?: (record: unknown, reason: string) => void;
}

const DAYS: Record<string, Weekday> = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' };
const ID = /^[A-Za-z0-9._~-]{1,100}$/;
// The same patterns as the protocol's `Email` and `HttpUrl`, so a mapped service always passes the schema.
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

const clip = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

/** `10:00:00`, `10:00` or `10:00:00+01:00` → `10:00`; anything else → undefined. */
function localTime(value: string | undefined): string | undefined {
  const match = /^(\d\d):([0-5]\d)/.exec(value ?? '');
  if (!match) return undefined;
  const hhmm = `${match[1]}:${match[2]}`;
  return hhmm === '24:00' || Number(match[1]) < 24 ? hhmm : undefined;
}

function zoneOf(schedule: HsdsSchedule, fallback?: string): string {
  const { timezone } = schedule;
  if (typeof timezone === 'string' && timezone.includes('/') && isValidTimeZone(timezone)) return timezone;
  if (fallback) return fallback;
  const offset = typeof timezone === 'string' ? Number(timezone) : timezone;
  // Etc/GMT names have the sign reversed: UTC+3 is Etc/GMT-3.
  if (offset !== undefined && Number.isInteger(offset) && Math.abs(offset) <= 14) {
    return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The weekly ranges of one schedule, or nothing when it is not a plain weekly rule that applies now. Rules with
 * `count`, week, month-day or year-day limits, an `interval` above 1 or numbered days (`1MO`) are left out
 * rather than guessed at: a resident should never be told a service is open when it is not.
 */
export function weeklyRanges(schedule: HsdsSchedule, now = new Date()): OpeningRange[] {
  if (schedule.freq?.toUpperCase() !== 'WEEKLY') return [];
  if ((schedule.interval ?? 1) !== 1 || schedule.count !== undefined) return [];
  if (schedule.byweekno || schedule.bymonthday || schedule.byyearday) return [];
  const today = day(now);
  if (schedule.valid_from && schedule.valid_from.slice(0, 10) > today) return [];
  if (schedule.valid_to && schedule.valid_to.slice(0, 10) < today) return [];
  if (schedule.until && schedule.until.slice(0, 10) < today) return [];
  const opens = localTime(schedule.opens_at);
  const closes = localTime(schedule.closes_at);
  if (!opens || !closes || opens === '24:00') return [];
  const days = (schedule.byday ?? '').split(',').map((d) => DAYS[d.trim().toUpperCase()]);
  if (!days.length || days.some((d) => d === undefined)) return [];
  return days.map((d) => ({ day: d!, opens, closes }));
}

/** HSDS schedules as our weekly `OpeningHours`, or undefined when none of them is a usable weekly rule. */
export function hsdsHours(
  schedules: HsdsSchedule[] | undefined,
  options: HsdsMapOptions = {},
): OpeningHours | undefined {
  const usable = (schedules ?? [])
    .map((s) => ({ s, ranges: weeklyRanges(s, options.now) }))
    .filter((u) => u.ranges.length);
  const first = usable[0];
  if (!first) return undefined;
  const notes = clip(
    usable
      .map((u) => u.s.notes?.trim())
      .filter(Boolean)
      .join(' '),
    1000,
  );
  return {
    timeZone: zoneOf(first.s, options.timeZone),
    weekly: usable.flatMap((u) => u.ranges).slice(0, 70),
    ...(notes && { notes }),
  };
}

/** Quotes and spaces around a number are a common publishing slip (`"+44 1234 234567"`). */
const phone = (phones: HsdsPhone[] | undefined) =>
  clip(phones?.map((p) => p.number?.replace(/^[\s"']+|[\s"']+$/g, '')).find(Boolean), 50);

function address(location: HsdsLocation) {
  const all = location.addresses ?? [];
  const chosen = all.find((a) => a.address_type === 'physical') ?? all[0];
  const text = chosen
    ? [chosen.address_1, chosen.address_2, chosen.city, chosen.state_province]
        .map((part) => part?.trim())
        .filter(Boolean)
        .join(', ')
    : '';
  return { address: clip(text, 500) ?? clip(location.name, 500), postcode: clip(chosen?.postal_code, 16) };
}

const coordinate = (value: number | string | undefined) =>
  typeof value === 'string' && value.trim() ? Number(value) : typeof value === 'number' ? value : Number.NaN;

/**
 * One HSDS service at one location as a `Service`, or undefined (after telling `onSkip`) when it cannot be one:
 * no location, usable id, name or organisation, no address, coordinates that do not exist on Earth (latitude
 * 100) or are `0, 0`, or a service that is `inactive` or `defunct`. A `temporarily closed` service is kept without opening hours.
 */
export function hsdsService(record: HsdsServiceAtLocation, options: HsdsMapOptions = {}): Service | undefined {
  const skip = (reason: string) => {
    options.onSkip?.(record, reason);
    return undefined;
  };
  const service = record.service ?? {};
  if (!record.location) return skip('no location');
  const location = record.location;
  const id = record.id ?? (service.id && location.id ? `${service.id}.${location.id}` : undefined);
  if (!id || !ID.test(id)) return skip('invalid id');
  if (service.status === 'inactive' || service.status === 'defunct') return skip(`service is ${service.status}`);
  const name = clip(service.name, 300);
  if (!name) return skip('no service name');
  const organization = clip(service.organization?.name, 300);
  if (!organization) return skip('no organization name');
  const lat = coordinate(location.latitude);
  const lng = coordinate(location.longitude);
  // 0, 0 is in the Gulf of Guinea: in a directory it means "not filled in", and would give a made-up distance.
  if (!isValidLatLng({ lat, lng }) || (lat === 0 && lng === 0)) return skip('invalid coordinates');
  const where = address(location);
  if (!where.address) return skip('no address');

  const result: Service = {
    id,
    name,
    organization,
    categories: [
      ...new Set(
        (service.attributes ?? []).map((a) => a.taxonomy_term?.id).filter((t): t is string => !!t && ID.test(t)),
      ),
    ],
    location: {
      address: where.address,
      lat,
      lng,
      ...(clip(location.name, 300) && { name: clip(location.name, 300) }),
      ...(where.postcode && { postcode: where.postcode }),
    },
  };
  const description = clip(service.description, 10_000) ?? clip(record.description, 10_000);
  if (description) result.description = description;
  const tel = phone(record.phones) ?? phone(service.phones) ?? phone(location.phones);
  if (tel) result.phone = tel;
  const email = clip(service.email, 320);
  if (email && EMAIL.test(email)) result.email = email;
  const url = clip(service.url, 2000);
  if (url && URL_PATTERN.test(url)) result.url = url;
  const languages = [
    ...new Set(
      [...(service.languages ?? []), ...(location.languages ?? [])]
        .map((l) => l.code?.trim())
        .filter((c): c is string => !!c && c.length >= 2 && c.length <= 35),
    ),
  ];
  if (languages.length) result.languages = languages;
  const accessibility = clip(
    (location.accessibility ?? [])
      .flatMap((a) => [a.description?.trim(), a.details?.trim()])
      .filter(Boolean)
      .join(' '),
    2000,
  );
  if (accessibility) result.accessibility = accessibility;
  const eligibility = clip(service.eligibility_description, 2000);
  if (eligibility) result.eligibility = eligibility;
  // The most specific schedule wins: this service at this place, then the service, then the place.
  const schedules = [record.schedules, service.schedules, location.schedules].find((s) => s?.length);
  const hours = service.status === 'temporarily closed' ? undefined : hsdsHours(schedules, options);
  if (hours) result.hours = hours;
  return result;
}

/**
 * Every `Service` in an HSDS document: a list of service-at-locations, of services with their
 * `service_at_locations` nested, or of organisations with their `services` nested, or a page
 * (`{contents: [...]}`) of any of these.
 */
export function hsdsServices(document: unknown, options: HsdsMapOptions = {}): Service[] {
  // A list, a page of results, or one record on its own (as in the specification's `*_full.json` examples).
  const records = Array.isArray(document) ? document : ((document as HsdsPage<unknown>)?.contents ?? [document]);
  const out: Service[] = [];
  for (const record of records as (HsdsServiceAtLocation & HsdsService & HsdsOrganization)[]) {
    if (!record || typeof record !== 'object') continue;
    if (record.services) {
      const organization = { name: record.name };
      out.push(
        ...hsdsServices(
          record.services.map((service) => ({ organization, ...service })),
          options,
        ),
      );
      continue;
    }
    const nested = record.service_at_locations;
    const items = record.service
      ? [record]
      : nested
        ? nested.map((sal) => ({ ...sal, service: { ...record, ...sal.service } }))
        : [{ service: record }];
    for (const item of items) {
      const mapped = hsdsService(item, options);
      if (mapped) out.push(mapped);
    }
  }
  return out;
}

/** An HSDS taxonomy term as a category, or undefined when its id cannot be one of ours. */
export function hsdsCategory(term: HsdsTaxonomyTerm): ServiceCategory | undefined {
  const label = clip(term.name, 200) ?? clip(term.code, 200);
  return term.id && ID.test(term.id) && label ? { id: term.id, label } : undefined;
}
