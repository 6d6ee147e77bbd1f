// The console's services page (issue 16): search a page at a time, edit (checked by the protocol's schema),
// categories added and renamed, and an HSDS file imported (or only checked) with a report of what was refused.
// Each change is checked in the stored rows and in the audit log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { addUser } from '../auth/users.js';
import { importHsds } from '../hsds/import.js';
import { ADMIN_TOKEN, assertProblem, type TestServer, testServer } from '../test-support/harness.js';
import { IMPORT_LIMIT_BYTES } from './admin-services.js';

type Json = Record<string, unknown>;
type ServicePage = { items: Json[]; total: number; page: number; pageSize: number };

const fixture = JSON.parse(readFileSync(new URL('../hsds/fixtures/services.json', import.meta.url), 'utf8'));

/** Fifteen services, "Service 00" to "Service 14", the even ones in the category `food`. */
const service = (i: number) => ({
  id: `svc-${String(i).padStart(2, '0')}`,
  name: `Service ${String(i).padStart(2, '0')}`,
  description: i === 7 ? 'Warm meals and a food bank on Fridays' : 'Advice',
  organization: 'Example Council',
  categories: i % 2 ? [] : ['food'],
  location: { address: `${i} High Street, Leeds`, postcode: 'LS1 1AA', lat: 53.8, lng: -1.55 },
});

const auditOf = (t: TestServer, action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('the services page', () => {
  let t: TestServer;
  let viewer: { cookie: string; csrfToken: string };
  before(async () => {
    t = await testServer({ seed: 'none' });
    for (let i = 0; i < 15; i++)
      assert.equal((await t.admin('PUT', `/services/${service(i).id}`, service(i))).statusCode, 200);
    await addUser(
      t.db,
      { email: 'viewer@council.example', role: 'viewer', password: 'a viewer passphrase' },
      new Date(),
    );
    const signedIn = await t.post('/api/v1/admin/session', {
      email: 'viewer@council.example',
      password: 'a viewer passphrase',
    });
    viewer = {
      cookie: `civic_session=${/civic_session=([^;]+)/.exec(String(signedIn.headers['set-cookie']))?.[1]}`,
      csrfToken: (t.json(signedIn) as { csrfToken: string }).csrfToken,
    };
  });
  after(() => t.close());

  const search = async (query: string) => t.json(await t.admin('GET', `/services${query}`)) as unknown as ServicePage;

  it('pages through every service by name, each once, with the total and categories', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const found = await search(`?pageSize=4&page=${page}`);
      assert.equal(found.total, 15);
      seen.push(...found.items.map((item) => item.name as string));
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 15 }, (_, i) => `Service ${String(i).padStart(2, '0')}`),
    );
    const food = await search('?category=food&pageSize=100');
    assert.equal(food.total, 8);
    assert.ok(food.items.every((item) => (item.categories as string[]).includes('food')));
    const text = await search('?q=meals');
    assert.deepEqual(
      text.items.map((item) => item.id),
      ['svc-07'],
    );
    assertProblem(await t.admin('GET', '/services?pageSize=1000'), 422, 'validation');
    assertProblem(await t.admin('GET', '/services?category=not%20an%20id'), 422, 'validation');
  });

  it('lets a viewer search but refuses every change with 403, storing nothing', async () => {
    const headers = { cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken };
    const asViewer = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      t.app.inject({
        method,
        url: `/api/v1/admin${url}`,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    assert.equal((await asViewer('GET', '/services')).statusCode, 200);
    assert.equal((await asViewer('GET', '/categories')).statusCode, 200);
    assertProblem(await asViewer('PUT', '/services/svc-01', { ...service(1), name: 'Renamed' }), 403, 'forbidden');
    assertProblem(await asViewer('POST', '/categories', { id: 'viewers', label: 'Viewers' }), 403, 'forbidden');
    assertProblem(await asViewer('PUT', '/categories/food', { label: 'Renamed' }), 403, 'forbidden');
    assertProblem(await asViewer('POST', '/services/import', fixture), 403, 'forbidden');
    const stored = await t.db
      .selectFrom('services')
      .select('name')
      .where('id', '=', 'svc-01')
      .executeTakeFirstOrThrow();
    assert.equal(stored.name, 'Service 01');
    assert.equal((await t.db.selectFrom('categories').selectAll().where('id', '=', 'viewers').execute()).length, 0);
  });

  it('edits a service: a value the schema refuses is a 422 naming the field; a valid one is stored and audited', async () => {
    const bad = await t.admin('PUT', '/services/svc-03', {
      ...service(3),
      email: 'not an address',
      location: { ...service(3).location, lat: 100 },
    });
    assertProblem(bad, 422, 'validation');
    const paths = ((t.json(bad).errors as { path: string }[]) ?? []).map((error) => error.path).sort();
    assert.deepEqual(paths, ['email', 'location.lat']);
    const hours = { timeZone: 'Europe/London', weekly: [{ day: 'mo', opens: '09:00', closes: '17:00' }] };
    // A zone the clock cannot read would break "open now" for every resident's search: refused by name.
    const noZone = await t.admin('PUT', '/services/svc-03', {
      ...service(3),
      hours: { ...hours, timeZone: 'Mars/Olympus' },
    });
    assertProblem(noZone, 422, 'validation');
    assert.deepEqual(
      (t.json(noZone).errors as { path: string }[]).map((error) => error.path),
      ['hours.timeZone'],
    );
    const edited = await t.admin('PUT', '/services/svc-03', {
      ...service(3),
      name: 'Advice Centre',
      phone: '0113 000 0003',
      categories: ['food', 'advice'],
      hours,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const row = await t.db.selectFrom('services').selectAll().where('id', '=', 'svc-03').executeTakeFirstOrThrow();
    assert.equal(row.name, 'Advice Centre');
    assert.equal(row.phone, '0113 000 0003');
    assert.deepEqual(JSON.parse(row.hours!), hours);
    const links = await t.db
      .selectFrom('service_categories')
      .select('category_id')
      .where('service_id', '=', 'svc-03')
      .orderBy('category_id')
      .execute();
    assert.deepEqual(
      links.map((link) => link.category_id),
      ['advice', 'food'],
    );
    assert.deepEqual(
      (await search('?q=advice%20centre')).items.map((item) => item.id),
      ['svc-03'],
      'the search index follows the edit',
    );
    const entries = await auditOf(t, 'service.update');
    assert.equal(entries.filter((entry) => entry.target === 'service:svc-03').length, 1, 'the refused edit wrote none');
  });

  it('adds a category (refusing an id in use) and renames one, each audited', async () => {
    const added = await t.admin('POST', '/categories', { id: 'housing', label: 'Housing' });
    assert.equal(added.statusCode, 201, added.body);
    assertProblem(await t.admin('POST', '/categories', { id: 'housing', label: 'Other' }), 409, 'exists');
    assertProblem(await t.admin('POST', '/categories', { id: 'no spaces', label: 'Bad' }), 422, 'validation');
    assertProblem(await t.admin('POST', '/categories', { id: 'empty', label: '' }), 422, 'validation');
    assert.equal((await t.admin('PUT', '/categories/food', { label: 'Food and meals' })).statusCode, 200);
    const categories = (t.json(await t.admin('GET', '/categories')) as { items: Json[] }).items;
    assert.deepEqual(
      categories.find((c) => c.id === 'housing'),
      { id: 'housing', label: 'Housing', count: 0 },
    );
    assert.deepEqual(
      categories.find((c) => c.id === 'food'),
      { id: 'food', label: 'Food and meals', count: 9 },
    );
    assert.deepEqual(
      (await auditOf(t, 'category.create')).map((entry) => entry.target),
      ['category:housing'],
    );
    assert.deepEqual(
      (await auditOf(t, 'category.put')).map((entry) => entry.target),
      ['category:food'],
    );
  });

  it('checks an HSDS file without writing, then imports it: the refusals explained, one audit entry of counts', async () => {
    const before = await t.db.selectFrom('services').select('id').execute();
    const checked = await t.admin('POST', '/services/import?dryRun=true', fixture);
    assert.equal(checked.statusCode, 200, checked.body);
    const report = t.json(checked) as { dryRun: boolean; imported: number; skipped: Json[] };
    assert.equal(report.dryRun, true);
    assert.equal(report.imported, 1);
    assert.deepEqual(
      report.skipped.sort((a, b) => String(a.id).localeCompare(String(b.id))),
      [
        { id: 'sal-no-location', name: 'Homeless Service', reason: 'no location' },
        { id: 'sal-wrong-coordinates', name: 'Broken Place', reason: 'invalid coordinates' },
      ],
    );
    assert.equal((await t.db.selectFrom('services').select('id').execute()).length, before.length, 'nothing written');
    assert.equal((await auditOf(t, 'service.import')).length, 0, 'a check is not a change');

    const imported = await t.admin('POST', '/services/import', fixture);
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal((t.json(imported) as { dryRun: boolean }).dryRun, false);
    const row = await t.db
      .selectFrom('services')
      .selectAll()
      .where('id', '=', 'sal-counselling-headingley')
      .executeTakeFirst();
    assert.equal(row?.name, 'Community Counselling');
    assert.equal(
      (await t.db.selectFrom('services').select('id').where('id', '=', 'sal-wrong-coordinates').execute()).length,
      0,
    );
    const entries = await auditOf(t, 'service.import');
    assert.equal(entries.length, 1);
    assert.deepEqual(JSON.parse(entries[0]!.details), { imported: 1, skipped: 2 });
    assert.equal(entries[0]!.actor, 'token', 'the bearer token of a script');
  });

  it("names the field the protocol's schema refused, for a record the mapping let through", async () => {
    // The mapping aims at the schema, so a refusal needs a setting it does not check: a time zone too long.
    const report = await importHsds(t.db, fixture, { dryRun: true, timeZone: 'x'.repeat(80) });
    assert.equal(report.imported, 0);
    const refused = report.skipped.find((record) => record.id === 'sal-counselling-headingley');
    assert.equal(refused?.name, 'Community Counselling');
    assert.equal(refused?.field, 'hours.timeZone');
    assert.match(refused?.reason ?? '', /^invalid/);
  });

  it('refuses a file over the limit with 413 and a file that is not JSON with 400, writing nothing', async () => {
    const big = JSON.stringify({ contents: [{ filler: 'x'.repeat(IMPORT_LIMIT_BYTES) }] });
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/services/import',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      payload: big,
    });
    assertProblem(tooLarge, 413, 'too-large');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/services/import',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      payload: '{"contents": [',
    });
    assertProblem(notJson, 400);
    assert.equal((await auditOf(t, 'service.import')).length, 1);
  });
});
