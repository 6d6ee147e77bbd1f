import { expect } from '@open-wc/testing';
import { createClient } from '../client.js';
import { nextChange } from '../domain/hours.js';
import { memoryOutboxStore } from '../outbox/memory-store.js';
import { Service } from '../schemas/service.js';
import { errorOf } from '../test-support/error-of.js';
import { json } from '../test-support/fake-fetch.js';
import { hsdsAdapter } from './hsds.js';
import { type HsdsSchedule, type HsdsServiceAtLocation, hsdsHours, hsdsService, hsdsServices } from './hsds-map.js';

const fixture = async (name: string) => (await fetch(new URL(`./fixtures/hsds/${name}`, import.meta.url))).json();

const endpoint = 'https://directory.example.gov/api/';
const leeds = { lat: 53.8003, lng: -1.5491 };
// A Tuesday in June: 11:00 in Leeds.
const tuesdayMorning = new Date('2026-06-02T10:00Z');

/** A fake HSDS API: answers each path with a function of the request URL, and records the URLs. */
function fakeHsds(routes: Record<string, (url: URL) => Response>) {
  const urls: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    urls.push(url);
    expect(init.credentials).to.equal('omit');
    const route = routes[url.pathname.replace(/^\/api/, '')];
    return route ? route(url) : json(404, { message: 'Not found' });
  };
  return { fetch: fetch as typeof globalThis.fetch, urls };
}

function clientFor(fake: ReturnType<typeof fakeHsds>, extra: Partial<Parameters<typeof hsdsAdapter>[0]> = {}) {
  const adapter = hsdsAdapter({
    endpoint,
    fetch: fake.fetch,
    timeZone: 'Europe/London',
    now: () => tuesdayMorning,
    ...extra,
  });
  return createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false, retry: { retries: 0 } });
}

describe('hsds mapping, on the specification’s own examples', () => {
  it('skips a service at latitude 100 and says why, rather than inventing a distance', async () => {
    const skipped: string[] = [];
    const example = await fixture('service_at_location_full.json');
    expect(hsdsService(example, { onSkip: (_, reason) => skipped.push(reason) })).to.equal(undefined);
    expect(skipped).to.deep.equal(['invalid coordinates']);
  });

  it('maps every field of the full example once its coordinates are fixed', async () => {
    const example: HsdsServiceAtLocation = await fixture('service_at_location_full.json');
    example.location = { ...example.location, latitude: 51.5, longitude: -0.12 };
    const service = hsdsService(example, { now: tuesdayMorning })!;
    expect(Service.safeParse(service).success).to.equal(true);
    expect(service).to.include({
      id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
      name: 'Community Counselling',
      organization: 'Example Organization Inc.',
      phone: '+44 1234 234567',
      email: 'email@example.com',
      url: 'http://example.com/counselling',
    });
    expect(service.description).to.match(/^Counselling Services provided by trained professionals\. Suitable/);
    expect(service.eligibility).to.match(/aged 12 and over/);
    expect(service.accessibility).to.match(/induction loops.*T-coil/);
    expect(service.languages).to.deep.equal(['ur']);
    expect(service.categories).to.deep.equal(['3f7b145d-84af-42d7-8fae-eaca714b02b2']);
    expect(service.location).to.deep.equal({
      name: 'MyCity Civic Center',
      address: '1-30 Main Street, MyVillage, MyCity, MyState',
      postcode: 'ABC 1234',
      lat: 51.5,
      lng: -0.12,
    });
    // The example's schedule ended in 2005 and is limited to weeks 41-42 and three occurrences.
    expect(service.hours).to.equal(undefined);
  });

  it('reads services with nested service_at_locations, and organisations with nested services', async () => {
    for (const name of ['service_full.json', 'organization_full.json']) {
      const reasons: string[] = [];
      const example = await fixture(name);
      expect(hsdsServices([example], { onSkip: (_, reason) => reasons.push(reason) })).to.deep.equal([]);
      expect(reasons, name).to.include('invalid coordinates');
    }
  });

  it('reads a document that is one record on its own, as the *_full.json examples are', async () => {
    const reasons: string[] = [];
    expect(
      hsdsServices(await fixture('service_full.json'), { onSkip: (_, reason) => reasons.push(reason) }),
    ).to.deep.equal([]);
    expect(reasons, 'the record is read (and skipped for its bad coordinates), not ignored').to.include(
      'invalid coordinates',
    );
  });

  it('skips coordinates left at 0, 0 and reads coordinates written as strings', async () => {
    const example: HsdsServiceAtLocation = await fixture('service_at_location_full.json');
    const at = (latitude: number | string, longitude: number | string) =>
      hsdsService({ ...example, location: { ...example.location, latitude, longitude } });
    expect(at(0, 0)).to.equal(undefined);
    expect(at('53.8', '-1.55')?.location).to.include({ lat: 53.8, lng: -1.55 });
    expect(at('', '')).to.equal(undefined);
  });

  it('skips a service published without any location', async () => {
    const reasons: string[] = [];
    const { service_at_locations: _, ...service } = await fixture('service_full.json');
    expect(hsdsServices([service], { onSkip: (_, reason) => reasons.push(reason) })).to.deep.equal([]);
    expect(reasons).to.deep.equal(['no location']);
  });

  it('turns every list page of the examples into valid services or skips', async () => {
    const page = await fixture('service_at_location_list.json');
    const reasons: string[] = [];
    const services = hsdsServices(page, { onSkip: (_, reason) => reasons.push(reason) });
    expect(services).to.deep.equal([]);
    expect(reasons).to.deep.equal(['invalid coordinates']);
  });
});

describe('hsds schedules', () => {
  const weekly = (extra: HsdsSchedule): HsdsSchedule => ({
    freq: 'WEEKLY',
    byday: 'MO,WE',
    opens_at: '09:30:00',
    closes_at: '17:00:00',
    ...extra,
  });
  const cases: { name: string; schedules: HsdsSchedule[]; timeZone?: string; expected: unknown }[] = [
    {
      name: 'a plain weekly rule, seconds dropped',
      schedules: [weekly({ timezone: 'Europe/London' })],
      expected: {
        timeZone: 'Europe/London',
        weekly: [
          { day: 'mo', opens: '09:30', closes: '17:00' },
          { day: 'we', opens: '09:30', closes: '17:00' },
        ],
      },
    },
    {
      name: 'a whole-hour UTC offset becomes an Etc zone (sign reversed)',
      schedules: [weekly({ byday: 'TH', timezone: 3 })],
      expected: { timeZone: 'Etc/GMT-3', weekly: [{ day: 'th', opens: '09:30', closes: '17:00' }] },
    },
    {
      name: 'a negative offset',
      schedules: [weekly({ byday: 'th', timezone: -5 })],
      expected: { timeZone: 'Etc/GMT+5', weekly: [{ day: 'th', opens: '09:30', closes: '17:00' }] },
    },
    {
      name: 'the adapter’s zone beats an offset, which cannot follow daylight saving',
      schedules: [weekly({ byday: 'SU', timezone: 0 })],
      timeZone: 'Europe/London',
      expected: { timeZone: 'Europe/London', weekly: [{ day: 'su', opens: '09:30', closes: '17:00' }] },
    },
    {
      name: 'several schedules add up, notes kept',
      schedules: [
        weekly({ byday: 'TU', closes_at: '13:00', timezone: 'Europe/London', notes: 'Bring ID.' }),
        weekly({ byday: 'TU', opens_at: '14:00', timezone: 'Europe/London' }),
      ],
      expected: {
        timeZone: 'Europe/London',
        weekly: [
          { day: 'tu', opens: '09:30', closes: '13:00' },
          { day: 'tu', opens: '14:00', closes: '17:00' },
        ],
        notes: 'Bring ID.',
      },
    },
    { name: 'a monthly rule is left out', schedules: [weekly({ freq: 'MONTHLY', byday: '1SA' })], expected: undefined },
    { name: 'numbered days are left out', schedules: [weekly({ byday: '1MO' })], expected: undefined },
    { name: 'every other week is left out', schedules: [weekly({ interval: 2 })], expected: undefined },
    { name: 'an expired schedule is left out', schedules: [weekly({ valid_to: '2026-01-31' })], expected: undefined },
    { name: 'a future schedule is left out', schedules: [weekly({ valid_from: '2027-01-01' })], expected: undefined },
    { name: 'missing times are left out', schedules: [weekly({ closes_at: undefined })], expected: undefined },
    { name: 'an impossible time is left out', schedules: [weekly({ opens_at: '25:00' })], expected: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(hsdsHours(c.schedules, { timeZone: c.timeZone, now: tuesdayMorning })).to.deep.equal(c.expected);
    });
  }

  it('feeds the open-now module: an overnight HSDS schedule', () => {
    const hours = hsdsHours([
      weekly({ byday: 'MO', opens_at: '20:00', closes_at: '08:00', timezone: 'Europe/London' }),
    ])!;
    expect(nextChange(hours, new Date('2026-06-01T23:00Z'))).to.deep.equal({
      open: true,
      at: new Date('2026-06-02T07:00Z'),
    });
  });
});

describe('hsdsAdapter', () => {
  const directory = () => fixture('service_at_location_directory.json');

  it('sorts by distance from a position, computed from the records’ coordinates', async () => {
    const page = await directory();
    const skipped: string[] = [];
    const fake = fakeHsds({ '/service_at_locations': () => json(200, page) });
    const client = clientFor(fake, { onSkip: (_, reason) => skipped.push(reason) });
    const result = await client.searchServices({ ...leeds, pageSize: 3 });
    expect(result.items.map((s) => s.name)).to.deep.equal([
      'Community Counselling',
      'Night Shelter',
      'Harehills Food Bank',
    ]);
    expect(result.items.map((s) => s.distanceKm)).to.deep.equal([0.06, 0.27, 2.02]);
    // Six records: latitude 100 and the inactive one cannot be shown; York is the fourth.
    expect(result.total).to.equal(4);
    expect(skipped).to.have.members(['invalid coordinates', 'service is inactive']);
    const params = Object.fromEntries(fake.urls[0]!.searchParams);
    expect(params).to.deep.equal({ full: 'true', page: '1', per_page: '100' });
  });

  it('applies the radius itself and pages the sorted list', async () => {
    const page = await directory();
    const client = clientFor(fakeHsds({ '/service_at_locations': () => json(200, page) }));
    const first = await client.searchServices({ ...leeds, radiusKm: 5, pageSize: 2 });
    const second = await client.searchServices({ ...leeds, radiusKm: 5, pageSize: 2, page: 2 });
    expect(first.total).to.equal(3);
    expect(second.items.map((s) => s.name)).to.deep.equal(['Harehills Food Bank']);
  });

  it('reads every page when it must sort, up to maxRecords', async () => {
    const page = await directory();
    const pages = (url: URL) => {
      const n = Number(url.searchParams.get('page'));
      const contents = page.contents.slice(n - 1, n);
      return json(200, { total_items: 6, total_pages: 6, page_number: n, contents });
    };
    const fake = fakeHsds({ '/service_at_locations': pages });
    const adapter = hsdsAdapter({ endpoint, fetch: fake.fetch, maxRecords: 3, now: () => tuesdayMorning });
    const result = await adapter.searchServices(leeds, { signal: new AbortController().signal });
    expect(fake.urls.map((u) => u.searchParams.get('page'))).to.deep.equal(['1', '2', '3']);
    expect(result.items.map((s) => s.name)).to.deep.equal([
      'Community Counselling',
      'Night Shelter',
      'Harehills Food Bank',
    ]);
  });

  it('passes text, category and paging to the API when it need not sort', async () => {
    const page = await directory();
    const fake = fakeHsds({ '/service_at_locations': () => json(200, { ...page, total_items: 42 }) });
    const result = await clientFor(fake).searchServices({ q: ' food ', category: 'food', page: 3, pageSize: 10 });
    expect(Object.fromEntries(fake.urls[0]!.searchParams)).to.deep.equal({
      search: 'food',
      taxonomy_term_id: 'food',
      full: 'true',
      page: '3',
      per_page: '10',
    });
    expect(result.total).to.equal(42);
    expect(result.items.every((s) => s.distanceKm === undefined)).to.equal(true);
  });

  it('sends a postcode with the radius in metres; sorts only when it can geocode the postcode', async () => {
    const page = await directory();
    const plain = fakeHsds({ '/service_at_locations': () => json(200, page) });
    const unsorted = await clientFor(plain).searchServices({ postcode: 'LS1 3AB', radiusKm: 2.5 });
    expect(plain.urls[0]!.searchParams.get('postcode')).to.equal('LS1 3AB');
    expect(plain.urls[0]!.searchParams.get('proximity')).to.equal('2500');
    expect(unsorted.items[0]!.name).to.equal('Community Counselling');
    expect(unsorted.items.every((s) => s.distanceKm === undefined)).to.equal(true);

    const geocoded = fakeHsds({ '/service_at_locations': () => json(200, page) });
    const seen: string[] = [];
    const geocode = async (postcode: string) => {
      seen.push(postcode);
      return { lat: 53.8107, lng: -1.5239 };
    };
    const sorted = await clientFor(geocoded, { geocode }).searchServices({ postcode: 'LS8 5AQ' });
    expect(seen).to.deep.equal(['LS8 5AQ']);
    expect(sorted.items[0]).to.include({ name: 'Harehills Food Bank', distanceKm: 0 });
  });

  it('filters open now with the mapped schedules in the venue’s zone', async () => {
    const page = await directory();
    const at = (iso: string) =>
      clientFor(fakeHsds({ '/service_at_locations': () => json(200, page) }), { now: () => new Date(iso) });
    // Tuesday 11:00 BST: counselling (weekdays 10-18) and the food bank (Tuesday 10-13).
    const morning = await at('2026-06-02T10:00Z').searchServices({ openNow: true });
    expect(morning.items.map((s) => s.name)).to.have.members(['Community Counselling', 'Harehills Food Bank']);
    // Tuesday 23:00 BST: only the night shelter.
    const night = await at('2026-06-02T22:00Z').searchServices({ openNow: true });
    expect(night.items.map((s) => s.name)).to.deep.equal(['Night Shelter']);
  });

  it('lists taxonomy terms as categories, without unusable ids or repeats', async () => {
    const terms = await fixture('taxonomy_term_directory.json');
    const fake = fakeHsds({ '/taxonomy_terms': () => json(200, terms) });
    const categories = await clientFor(fake, { taxonomyId: 'tax-1' }).listServiceCategories();
    expect(categories).to.deep.equal([
      { id: 'counselling', label: 'Counselling' },
      { id: 'food', label: 'Food banks and meals' },
    ]);
    expect(fake.urls[0]!.searchParams.get('taxonomy_id')).to.equal('tax-1');
  });

  it('reports server errors as http and non-HSDS answers as invalid-response', async () => {
    const failing = clientFor(fakeHsds({ '/service_at_locations': () => json(503, {}, { 'Retry-After': '7' }) }));
    const error = await errorOf(failing.searchServices({}));
    expect(error).to.include({ kind: 'http', status: 503, retryAfterMs: 7000 });
    const odd = clientFor(fakeHsds({ '/service_at_locations': () => json(200, { services: [] }) }));
    expect((await errorOf(odd.searchServices({}))).kind).to.equal('invalid-response');
  });

  it('refuses an unknown time zone when it is created', () => {
    expect(() => hsdsAdapter({ endpoint, timeZone: 'Europe/Londres' })).to.throw(TypeError, /Europe\/Londres/);
  });

  it('is read-only: submissions fail at once with a 405, and are not queued', async () => {
    const fake = fakeHsds({});
    const client = clientFor(fake);
    const error = await errorOf(client.submitFeedback({ topic: 'page', rating: { scale: 'thumbs', value: 1 } }));
    expect(error).to.include({ kind: 'http', status: 405 });
    expect(error.message).to.match(/hsds adapter does not support feedback/);
    expect(await client.pending()).to.deep.equal([]);
    expect((await errorOf(client.listPetitions({}))).status).to.equal(405);
    expect(fake.urls).to.deep.equal([]);
  });
});
