import { expect } from '@open-wc/testing';
import { createClient } from '../client.js';
import { memoryOutboxStore } from '../outbox/memory-store.js';
import type { Service } from '../schemas/service.js';
import { errorOf } from '../test-support/error-of.js';
import { json, scriptedFetch } from '../test-support/fake-fetch.js';
import { exampleSeed } from './memory-seed.js';
import { type StaticAdapterOptions, staticAdapter } from './static.js';

const fileUrl = 'https://council.example.gov/services.json';
const leeds = { lat: 53.8003, lng: -1.5491 };
// Tuesday 2 June 2026, 11:00 in Leeds.
const tuesdayMorning = () => new Date('2026-06-02T10:00Z');
const seed = exampleSeed();
const ownFile = { services: seed.services, categories: seed.categories };

function clientWith(body: unknown, extra: Partial<StaticAdapterOptions> = {}) {
  const fake = scriptedFetch(json(200, body));
  const adapter = staticAdapter({ url: fileUrl, fetch: fake.fetch, now: tuesdayMorning, ...extra });
  const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false, retry: { retries: 0 } });
  return { client, requests: fake.requests };
}

const ids = (services: Service[]) => services.map((s) => s.id);

describe('staticAdapter, on our own Service[] file', () => {
  it('reads the file once, without credentials, for every search', async () => {
    const { client, requests } = clientWith(ownFile);
    await client.searchServices({});
    await client.searchServices({ q: 'library' });
    await client.listServiceCategories();
    expect(requests).to.have.length(1);
    expect(requests[0]!.url.href).to.equal(fileUrl);
  });

  it('matches every word, ignoring case and accents, in name, description and organisation', async () => {
    const { client } = clientWith(ownFile);
    expect(ids((await client.searchServices({ q: 'FREE advice' })).items)).to.deep.equal(['citizens-advice']);
    expect(ids((await client.searchServices({ q: 'crypt' })).items)).to.deep.equal(['night-shelter']);
    const accented = clientWith([{ ...seed.services[0]!, name: 'Café Central' }]);
    expect((await accented.client.searchServices({ q: 'cafe' })).total).to.equal(1);
  });

  it('filters by category and keeps the file’s order without a position', async () => {
    const { client } = clientWith(ownFile);
    const advice = await client.searchServices({ category: 'advice' });
    expect(ids(advice.items)).to.deep.equal(['night-shelter', 'jobs-hub', 'citizens-advice']);
    expect(advice.items.every((s) => s.distanceKm === undefined)).to.equal(true);
  });

  it('sorts by distance from a position, within a radius, and pages the sorted list', async () => {
    const { client } = clientWith(ownFile);
    const all = await client.searchServices(leeds);
    expect(ids(all.items)).to.deep.equal([
      'central-library',
      'night-shelter',
      'jobs-hub',
      'citizens-advice',
      'harehills-food-bank',
      'chapeltown-health',
    ]);
    expect(all.items.map((s) => s.distanceKm)).to.deep.equal([0, 0.27, 0.41, 0.81, 2.02, 2.35]);
    const near = await client.searchServices({ ...leeds, radiusKm: 1, pageSize: 3, page: 2 });
    expect(near).to.deep.include({ total: 4, page: 2, pageSize: 3 });
    expect(ids(near.items)).to.deep.equal(['citizens-advice']);
  });

  it('keeps the file’s order between services at the same distance', async () => {
    const [a, b, c] = seed.services;
    const sameSpot = (s: Service, id: string) => ({ ...s, id, location: { ...b!.location } });
    const { client } = clientWith([sameSpot(c!, 'z-first'), a, sameSpot(a!, 'a-second'), b]);
    expect(ids((await client.searchServices(leeds)).items)).to.deep.equal([
      'central-library',
      'z-first',
      'a-second',
      'harehills-food-bank',
    ]);
  });

  it('finds a known postcode whatever its case and spacing, and refuses an unknown one', async () => {
    const { client } = clientWith(ownFile, { postcodes: seed.postcodes });
    const found = await client.searchServices({ postcode: 'ls13ab', radiusKm: 0.5 });
    expect(ids(found.items)).to.deep.equal(['central-library', 'night-shelter', 'jobs-hub']);
    const error = await errorOf(client.searchServices({ postcode: 'ZZ9 9ZZ' }));
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors.map((e) => e.path)).to.deep.equal(['postcode']);
  });

  it('asks a geocoder for other postcodes', async () => {
    const seen: string[] = [];
    const geocode = async (postcode: string) => {
      seen.push(postcode);
      return { lat: 53.8107, lng: -1.5239 };
    };
    const { client } = clientWith(ownFile, { geocode });
    const result = await client.searchServices({ postcode: 'LS8 5AQ', pageSize: 1 });
    expect(seen).to.deep.equal(['LS8 5AQ']);
    expect(ids(result.items)).to.deep.equal(['harehills-food-bank']);
  });

  it('filters open now on each venue’s wall clock', async () => {
    const morning = clientWith(ownFile).client;
    expect(ids((await morning.searchServices({ openNow: true })).items)).to.deep.equal([
      'central-library',
      'harehills-food-bank',
      'jobs-hub',
      'chapeltown-health',
      'citizens-advice',
    ]);
    const night = clientWith(ownFile, { now: () => new Date('2026-06-02T22:00Z') }).client;
    expect(ids((await night.searchServices({ openNow: true })).items)).to.deep.equal(['night-shelter']);
  });

  it('lists categories with their labels and counts', async () => {
    const { client } = clientWith(ownFile);
    expect(await client.listServiceCategories()).to.deep.equal([
      { id: 'food', label: 'Food banks and meals', count: 2 },
      { id: 'libraries', label: 'Libraries', count: 1 },
      { id: 'health', label: 'Health', count: 1 },
      { id: 'advice', label: 'Advice and benefits', count: 3 },
      { id: 'jobs', label: 'Jobs and training', count: 1 },
    ]);
  });

  it('leaves out services with impossible coordinates rather than failing every search', async () => {
    const skipped: unknown[] = [];
    const broken = { ...seed.services[1]!, location: { ...seed.services[1]!.location, lat: 100 } };
    const badZone = { ...seed.services[2]!, hours: { timeZone: 'Leeds', weekly: [] } };
    const file = [seed.services[0], broken, badZone, { name: 'not a service' }, seed.services[3]];
    const { client } = clientWith(file, { onSkip: (record) => skipped.push(record) });
    expect(ids((await client.searchServices(leeds)).items)).to.deep.equal(['central-library', 'jobs-hub']);
    expect(skipped).to.deep.equal([broken, badZone, { name: 'not a service' }]);
  });
});

describe('staticAdapter, on an HSDS file', () => {
  const hsdsFile = async () =>
    (await fetch(new URL('./fixtures/hsds/service_at_location_directory.json', import.meta.url))).json();

  it('maps the services and sorts them by distance', async () => {
    const { client } = clientWith(await hsdsFile(), { timeZone: 'Europe/London' });
    const result = await client.searchServices({ ...leeds, radiusKm: 5 });
    expect(result.items.map((s) => s.name)).to.deep.equal([
      'Community Counselling',
      'Night Shelter',
      'Harehills Food Bank',
    ]);
    const open = await client.searchServices({ openNow: true });
    expect(open.items.map((s) => s.name)).to.have.members(['Community Counselling', 'Harehills Food Bank']);
  });

  it('labels categories with the taxonomy terms’ names', async () => {
    const { client } = clientWith(await hsdsFile());
    const categories = await client.listServiceCategories();
    expect(categories.find((c) => c.id === 'food')).to.deep.equal({ id: 'food', label: 'food', count: 2 });
    expect(categories.find((c) => c.id === 'health')).to.deep.equal({ id: 'health', label: 'health', count: 2 });
  });
});

describe('staticAdapter, failures', () => {
  it('reports a missing file as http, and reads it again on the next search', async () => {
    const fake = scriptedFetch(json(404, {}), json(200, ownFile));
    const client = createClient({
      adapter: staticAdapter({ url: fileUrl, fetch: fake.fetch }),
      outbox: memoryOutboxStore(),
      autoFlush: false,
      retry: { retries: 0 },
    });
    expect(await errorOf(client.searchServices({}))).to.include({ kind: 'http', status: 404 });
    expect((await client.searchServices({})).total).to.equal(6);
    expect(fake.requests).to.have.length(2);
  });

  it('refuses an unknown time zone when it is created', () => {
    expect(() => staticAdapter({ data: [], timeZone: 'GMT+1' })).to.throw(TypeError, /unknown time zone/);
  });

  it('is read-only: votes fail at once with a 405, and are not queued', async () => {
    const { client, requests } = clientWith(ownFile);
    const error = await errorOf(client.votePoll('p1', { choices: ['a'] }));
    expect(error).to.include({ kind: 'http', status: 405 });
    expect(await client.pending()).to.deep.equal([]);
    expect(requests).to.deep.equal([]);
  });
});
