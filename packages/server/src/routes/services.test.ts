import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { distanceKm, isOpenAt } from '@civic-widgets/client/domain';
import { ServiceCategoryList, ServiceList } from '@civic-widgets/client/schemas';
import { assertProblem, assertValid, testServer } from '../test-support/harness.js';

// A Saturday noon in Leeds (GMT in winter).
const SATURDAY_NOON = new Date('2026-11-28T12:00:00Z');

type Item = {
  id: string;
  name: string;
  categories: string[];
  distanceKm?: number;
  location: { lat: number; lng: number };
};

describe('services', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer({ now: () => SATURDAY_NOON });
  });
  after(() => t.close());

  const search = async (query: string) => {
    const response = await t.get(`/api/v1/services?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    assertValid(ServiceList, response.json());
    return response.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };

  it('holds at least 200 seeded services, paged by name', async () => {
    const first = await search('pageSize=100');
    assert.ok(first.total >= 200);
    assert.equal(first.items.length, 100);
    const names = first.items.map((s) => s.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const third = await search(`pageSize=100&page=3`);
    assert.equal(third.items.length, first.total - 200);
  });

  it('searches text with prefixes and several words, and never reads input as FTS syntax', async () => {
    const found = await search('q=central%20libr');
    assert.ok(found.items.some((s) => s.id === 'central-library'));
    for (const item of found.items) assert.match(JSON.stringify(item).toLowerCase(), /central/);
    for (const q of ['"', 'AND', 'NEAR(', '*', 'name:x', "o'brien -", '(((']) {
      assert.equal((await t.get(`/api/v1/services?q=${encodeURIComponent(q)}`)).statusCode, 200);
    }
  });

  it('ranks text matches best first, and combines text with a category', async () => {
    const found = await search('q=food%20bank&pageSize=5');
    assert.match(found.items[0]?.name ?? '', /Food Bank/);
    const both = await search('q=centre&category=health&pageSize=100');
    assert.ok(both.total > 0);
    for (const s of both.items) assert.ok(s.categories.includes('health'));
    const paged = await search(`q=centre&category=health&pageSize=100&page=2`);
    assert.equal(paged.total, both.total);
  });

  it('filters by category', async () => {
    const food = await search('category=food&pageSize=100');
    assert.ok(food.total > 10);
    for (const s of food.items) assert.ok(s.categories.includes('food'));
    assert.equal((await search('category=no-such')).total, 0);
  });

  it('sorts by distance from a postcode within the radius', async () => {
    const near = await search('postcode=ls1%203ab&radiusKm=1.5&pageSize=100');
    assert.ok(near.total > 0);
    assert.equal(near.items[0]?.id, 'central-library');
    const origin = { lat: 53.8003, lng: -1.5491 };
    let last = 0;
    for (const s of near.items) {
      assert.ok(s.distanceKm !== undefined && s.distanceKm <= 1.5);
      assert.ok(s.distanceKm >= last);
      last = s.distanceKm;
      assert.ok(Math.abs(distanceKm(origin, s.location) - s.distanceKm) < 0.01);
    }
    // Nothing within the radius was left out.
    const all = await search('pageSize=100&page=1');
    const everything = [...all.items];
    for (let page = 2; everything.length < all.total; page++)
      everything.push(...(await search(`pageSize=100&page=${page}`)).items);
    const expected = everything.filter((s) => distanceKm(origin, s.location) <= 1.5).length;
    assert.equal(near.total, expected);
  });

  it('searches from coordinates', async () => {
    const found = await search('lat=53.8107&lng=-1.5239&pageSize=3');
    assert.equal(found.items[0]?.id, 'harehills-food-bank');
    assert.equal(found.items[0]?.distanceKm, 0);
  });

  it('pages nearest-first without a radius exactly like sorting everything', async () => {
    const origin = { lat: 53.84, lng: -1.45 };
    const rows = await t.db.selectFrom('services').select(['id', 'lat', 'lng']).execute();
    const expected = rows
      .map((r) => ({ id: r.id, d: Math.round(distanceKm(origin, r) * 100) / 100 }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    const seen: string[] = [];
    for (const page of [1, 2, 3, 12]) {
      const found = await search(`lat=${origin.lat}&lng=${origin.lng}&pageSize=20&page=${page}`);
      assert.equal(found.total, rows.length);
      assert.deepEqual(
        found.items.map((s) => s.id),
        expected.slice((page - 1) * 20, page * 20),
      );
      seen.push(...found.items.map((s) => s.id));
    }
    assert.equal(new Set(seen).size, seen.length);
  });

  it('keeps services open now on the venue clock', async () => {
    const open = await search('openNow=true&pageSize=100');
    assert.ok(open.total > 0);
    const all = await t.db.selectFrom('services').select(['id', 'hours']).execute();
    const expected = all.filter((s) => s.hours && isOpenAt(JSON.parse(s.hours), SATURDAY_NOON)).length;
    assert.equal(open.total, expected);
    assert.ok(open.total < all.length);
  });

  it('refuses unknown postcodes and half a coordinate, and coerces query strings', async () => {
    assertProblem(await t.get('/api/v1/services?postcode=ZZ9%209ZZ'), 422, 'validation');
    const half = assertProblem(await t.get('/api/v1/services?lat=53.8'), 422, 'validation');
    assert.equal(half.errors?.[0]?.path, 'lng');
    for (const query of ['page=abc', 'lat=100&lng=0', 'radiusKm=0', 'openNow=maybe', 'pageSize=1.5', 'page=1&page=2']) {
      assertProblem(await t.get(`/api/v1/services?${query}`), 422, 'validation');
    }
  });

  it('lists categories with counts', async () => {
    const response = await t.get('/api/v1/services/categories');
    assert.equal(response.statusCode, 200);
    assertValid(ServiceCategoryList, response.json());
    const food = (response.json() as { id: string; count: number }[]).find((c) => c.id === 'food');
    assert.equal(food?.count, (await search('category=food')).total);
  });
});
