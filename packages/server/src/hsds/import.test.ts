import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ServiceList } from '@civic-widgets/client/schemas';
import { assertValid, testServer } from '../test-support/harness.js';
import { importHsds } from './import.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/services.json', import.meta.url), 'utf8'));

describe('HSDS import', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer({ seed: 'none' });
  });
  after(() => t.close());

  it('imports valid services, skips impossible coordinates and missing locations, and never crashes', async () => {
    const report = await importHsds(t.db, fixture, { now: new Date('2026-11-28T12:00:00Z') });
    assert.equal(report.imported, 1);
    assert.deepEqual(report.skipped.map((s) => s.reason).sort(), ['invalid coordinates', 'no location']);
    const found = await t.get('/api/v1/services?q=counselling&lat=53.8197&lng=-1.5768');
    assert.equal(found.statusCode, 200);
    assertValid(ServiceList, found.json());
    const [service] = (found.json() as { items: Record<string, unknown>[] }).items;
    assert.equal(service?.name, 'Community Counselling');
    assert.equal(service?.organization, 'Example Wellbeing Trust');
    assert.deepEqual(service?.categories, ['mental-health']);
    assert.equal(service?.distanceKm, 0);
    assert.equal((service?.hours as { weekly: unknown[] } | undefined)?.weekly.length, 3);
    const categories = (await t.get('/api/v1/services/categories')).json() as { id: string; label: string }[];
    assert.deepEqual(categories, [{ id: 'mental-health', label: 'Mental health', count: 1 }]);
    // Nothing with a latitude of 100 reached the table.
    const rows = await t.db.selectFrom('services').select(['id', 'lat']).execute();
    assert.deepEqual(
      rows.map((r) => r.id),
      ['sal-counselling-headingley'],
    );
  });

  it('updates on a second import instead of duplicating', async () => {
    const again = await importHsds(t.db, fixture);
    assert.equal(again.imported, 1);
    assert.equal((await t.db.selectFrom('services').select('id').execute()).length, 1);
  });

  it('accepts a single record and rubbish without throwing', async () => {
    for (const document of [fixture.contents[0], null, 42, 'text', [], { contents: [null, 1] }]) {
      await importHsds(t.db, document);
    }
    assert.equal((await t.db.selectFrom('services').select('id').execute()).length, 1);
  });
});
