import { distanceKm, isOpenOn, wallClock } from '@civic-widgets/client/domain';
import type { OpeningHours, Service, ServiceCategory, ServiceQuery } from '@civic-widgets/client/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ServiceTable } from '../db/schema.js';
import { invalid } from '../http/problems.js';
import { compact, fromJson } from './json.js';
import { searchIndex } from './service-search.js';

type Db = Kysely<Database> | Transaction<Database>;

/** `ls13ab`, ` LS1  3AB ` and `LS1 3AB` are the same postcode: upper case, one space before the last three. */
export function normalisePostcode(postcode: string): string {
  const compactCode = postcode.replace(/\s+/g, '').toUpperCase();
  return compactCode.length > 3 ? `${compactCode.slice(0, -3)} ${compactCode.slice(-3)}` : compactCode;
}

function toService(row: Selectable<ServiceTable>, categories: string[]): Service {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description,
    organization: row.organization,
    categories,
    location: compact({
      name: row.location_name,
      address: row.address,
      postcode: row.postcode,
      lat: row.lat,
      lng: row.lng,
    }),
    phone: row.phone,
    email: row.email,
    url: row.url,
    languages: row.languages ? fromJson<string[]>(row.languages) : undefined,
    accessibility: row.accessibility,
    eligibility: row.eligibility,
    hours: row.hours ? fromJson<OpeningHours>(row.hours) : undefined,
  }) as Service;
}

async function loadServices(db: Db, ids: string[]): Promise<Map<string, Service>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('services').selectAll().where('id', 'in', ids).execute();
  const links = await db
    .selectFrom('service_categories')
    .select(['service_id', 'category_id'])
    .where('service_id', 'in', ids)
    .orderBy('category_id')
    .execute();
  const categories = new Map<string, string[]>();
  for (const link of links)
    categories.set(link.service_id, [...(categories.get(link.service_id) ?? []), link.category_id]);
  return new Map(rows.map((row) => [row.id, toService(row, categories.get(row.id) ?? [])]));
}

export async function getService(db: Db, id: string): Promise<Service | undefined> {
  return (await loadServices(db, [id])).get(id);
}

async function origin(db: Db, query: ServiceQuery) {
  if ((query.lat === undefined) !== (query.lng === undefined)) {
    const path = query.lat === undefined ? 'lat' : 'lng';
    throw invalid('The search is not valid', [{ path, message: 'Give both lat and lng', code: 'missing' }]);
  }
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  if (!query.postcode?.trim()) return undefined;
  const found = await db
    .selectFrom('postcodes')
    .select(['lat', 'lng'])
    .where('postcode', '=', normalisePostcode(query.postcode))
    .executeTakeFirst();
  if (!found) {
    throw invalid('Unknown postcode', [{ path: 'postcode', message: 'Unknown postcode', code: 'unknown_postcode' }]);
  }
  return found;
}

/** Degrees of latitude and longitude that contain a circle of `km` around `lat`: a cheap index prefilter. */
function boundingBox(centre: { lat: number; lng: number }, km: number) {
  const dLat = km / 111.0;
  const cos = Math.cos((centre.lat * Math.PI) / 180);
  const dLng = cos < 0.01 ? 180 : km / (111.32 * cos);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/** Reads each venue's wall clock once per time zone: thousands of services share a handful of zones. */
function openAt(now: Date) {
  const clocks = new Map<string, { day: number; minute: number }>();
  return (hours: OpeningHours) => {
    let clock = clocks.get(hours.timeZone);
    if (!clock) {
      clock = wallClock(now, hours.timeZone);
      clocks.set(hours.timeZone, clock);
    }
    return isOpenOn(hours.weekly, clock);
  };
}

const byDistance = (a: { distance: number; id: string }, b: { distance: number; id: string }) =>
  a.distance - b.distance || (a.id < b.id ? -1 : 1);

/**
 * Text, category, distance and opening-hours search.
 * - Text without a location or `openNow`: best matches first, straight from the full-text index.
 * - Otherwise without a location or `openNow`, the database sorts by name, counts (a window count) and pages.
 * - With a location, only ids and coordinates of candidates inside a bounding box are read. With a radius the
 *   box is the radius; without one it starts at 2 km and doubles until the circle inside it holds the page,
 *   which then holds the nearest services of all (anything outside the circle is farther).
 * - `openNow` needs every candidate's hours, so it reads them all.
 */
export async function searchServices(db: Db, query: ServiceQuery, now: Date) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const centre = await origin(db, query);
  let base = db.selectFrom('services');
  if (query.category) {
    const category = query.category;
    base = base.where('id', 'in', (eb) =>
      eb.selectFrom('service_categories').select('service_id').where('category_id', '=', category),
    );
  }
  if (query.q?.trim()) base = base.where('id', 'in', searchIndex(db).matching(query.q));
  const countAll = async () =>
    Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const pageOf = async (ids: { id: string; distance?: number }[], total: number) => {
    const services = await loadServices(
      db,
      ids.map((r) => r.id),
    );
    const items = ids.map(({ id, distance }) => {
      const service = services.get(id)!;
      return distance === undefined ? service : { ...service, distanceKm: distance };
    });
    return { items, total, page, pageSize };
  };

  if (!centre && !query.openNow && query.q?.trim()) {
    const offset = (page - 1) * pageSize;
    const rows = await searchIndex(db).ranked(db, query.q, query.category, pageSize, offset);
    const total = rows[0] ? Number(rows[0].total) : await countAll();
    return pageOf(rows, total);
  }
  if (!centre && !query.openNow) {
    const rows = await base
      .select((eb) => ['id', eb.fn.countAll<number>().over().as('total')])
      .orderBy('name')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    // Past the last page there is no row to carry the window count.
    const total = rows[0] ? Number(rows[0].total) : await countAll();
    return pageOf(rows, total);
  }

  const isOpen = openAt(now);
  const candidates = async (km: number | undefined) => {
    let scoped = base;
    if (centre && km !== undefined) {
      const box = boundingBox(centre, km);
      scoped = scoped
        .where('lat', '>=', box.minLat)
        .where('lat', '<=', box.maxLat)
        .where('lng', '>=', box.minLng)
        .where('lng', '<=', box.maxLng);
    }
    const rows = query.openNow
      ? (await scoped.select(['id', 'name', 'lat', 'lng', 'hours']).execute()).filter(
          (r) => r.hours !== null && isOpen(fromJson<OpeningHours>(r.hours)),
        )
      : // Without `name` the covering (lat, lng, id) index answers alone; names only sort the no-location case.
        await scoped.select(centre ? ['id', 'lat', 'lng'] : ['id', 'name', 'lat', 'lng']).execute();
    return rows.map((r) => ({
      id: r.id,
      name: 'name' in r ? String(r.name) : '',
      distance: centre ? Math.round(distanceKm(centre, r) * 100) / 100 : 0,
    }));
  };
  const slice = <T>(list: T[]) => list.slice((page - 1) * pageSize, page * pageSize);

  if (!centre) {
    const open = (await candidates(undefined)).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    return pageOf(slice(open), open.length);
  }
  if (query.radiusKm !== undefined || query.openNow) {
    const km = query.radiusKm;
    const found = (await candidates(km)).filter((c) => km === undefined || c.distance <= km).sort(byDistance);
    return pageOf(slice(found), found.length);
  }
  const needed = page * pageSize;
  const total = await countAll();
  for (let km = 2; ; km *= 2) {
    const within = (await candidates(km)).filter((c) => c.distance <= km);
    // A quarter of the Earth's circumference covers everything reachable: stop there whatever was found.
    if (within.length >= Math.min(needed, total) || km >= 10_000) return pageOf(slice(within.sort(byDistance)), total);
  }
}

export async function listCategories(db: Db): Promise<ServiceCategory[]> {
  const rows = await db
    .selectFrom('categories')
    .leftJoin('service_categories', 'service_categories.category_id', 'categories.id')
    .select((eb) => [
      'categories.id',
      'categories.label',
      eb.fn.count<number>('service_categories.service_id').as('count'),
    ])
    .groupBy(['categories.id', 'categories.label'])
    .orderBy('categories.label')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, count: Number(r.count) }));
}

/** Creates or replaces a service with its category links and its search entry. */
export async function upsertService(trx: Transaction<Database>, service: Service, now: Date): Promise<void> {
  const row = {
    name: service.name,
    description: service.description ?? null,
    organization: service.organization,
    location_name: service.location.name ?? null,
    address: service.location.address,
    postcode: service.location.postcode ?? null,
    lat: service.location.lat,
    lng: service.location.lng,
    phone: service.phone ?? null,
    email: service.email ?? null,
    url: service.url ?? null,
    languages: service.languages ? JSON.stringify(service.languages) : null,
    accessibility: service.accessibility ?? null,
    eligibility: service.eligibility ?? null,
    hours: service.hours ? JSON.stringify(service.hours) : null,
    updated_at: now.toISOString(),
  };
  await trx
    .insertInto('services')
    .values({ id: service.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await trx.deleteFrom('service_categories').where('service_id', '=', service.id).execute();
  const categories = [...new Set(service.categories)];
  if (categories.length > 0) {
    // A category first seen here gets its id as a label until an administrator names it.
    await trx
      .insertInto('categories')
      .values(categories.map((id) => ({ id, label: id })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('service_categories')
      .values(categories.map((category_id) => ({ service_id: service.id, category_id })))
      .execute();
  }
  const labels = await trx
    .selectFrom('categories')
    .select('label')
    .where('id', 'in', categories.length ? categories : [''])
    .execute();
  await searchIndex(trx).update(
    trx,
    service,
    labels.map((l) => l.label),
  );
}

export async function upsertCategory(trx: Transaction<Database>, category: { id: string; label: string }) {
  await trx
    .insertInto('categories')
    .values(category)
    .onConflict((oc) => oc.column('id').doUpdateSet({ label: category.label }))
    .execute();
}
