import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Petition, Poll, Service } from '@civic-widgets/client/schemas';
import { ADMIN_TOKEN, assertProblem, assertValid, newKey, testServer } from '../test-support/harness.js';

const ROUTES: [string, string][] = [
  ['POST', '/petitions'],
  ['GET', '/petitions/safer-crossings'],
  ['PATCH', '/petitions/safer-crossings'],
  ['PUT', '/petitions/safer-crossings/response'],
  ['GET', '/petitions/safer-crossings/signatures.csv'],
  ['POST', '/polls'],
  ['PATCH', '/polls/park-name'],
  ['POST', '/polls/park-name/close'],
  ['GET', '/polls/park-name/votes.csv'],
  ['GET', '/feedback.csv'],
  ['PUT', '/services/central-library'],
  ['DELETE', '/services/central-library'],
  ['PUT', '/categories/food'],
  ['GET', '/audit'],
];

const newPetition = {
  id: 'bus-shelters',
  title: 'More bus shelters',
  summary: 'Shelters at every stop on route 4.',
  thresholds: [{ count: 100, label: 'Council responds' }],
  signerFields: ['postcode'],
  privacyNoticeUrl: 'https://example.gov/privacy',
};

describe('admin API', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  it('refuses anonymous and wrong-token requests on every route, with no data and no change', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').execute();
    for (const [method, url] of ROUTES) {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`]) {
        const response = await t.app.inject({
          method: method as 'GET',
          url: `/api/v1/admin${url}`,
          headers: {
            ...(authorization ? { authorization } : {}),
            'content-type': 'application/json',
            'idempotency-key': newKey(),
          },
          payload: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(newPetition),
        });
        const problem = assertProblem(response, 401, 'unauthorized');
        assert.deepEqual(Object.keys(problem).sort(), ['instance', 'status', 'title', 'type']);
        assert.equal(response.headers['www-authenticate'], 'Bearer');
      }
    }
    assert.equal((await t.db.selectFrom('audit_log').select('id').execute()).length, before.length);
    assert.equal(
      (await t.db.selectFrom('petitions').select('id').where('id', '=', 'bus-shelters').execute()).length,
      0,
    );
  });

  it('creates, edits and answers a petition, writing audit rows', async () => {
    const created = await t.admin('POST', '/petitions', newPetition);
    assert.equal(created.statusCode, 201, created.body);
    assertValid(Petition, created.json());
    assert.equal(t.json(created).status, 'open');
    assert.equal(t.json(created).signatureCount, 0);
    assertProblem(await t.admin('POST', '/petitions', newPetition), 409, 'exists');
    assertProblem(await t.admin('POST', '/petitions', { ...newPetition, id: 'x', title: '' }), 422, 'validation');

    const edited = await t.admin('PATCH', '/petitions/bus-shelters', {
      title: 'Bus shelters now',
      closesAt: '2027-01-01T00:00:00Z',
    });
    assert.equal(edited.statusCode, 200);
    assert.equal(t.json(edited).title, 'Bus shelters now');
    // Stored in UTC, so that closing times compare correctly whatever offset they came with.
    assert.equal(t.json(edited).closesAt, '2027-01-01T00:00:00.000Z');
    const adminView = await t.admin('GET', '/petitions/bus-shelters');
    assert.equal(t.json(adminView).requiresConfirmation, false);
    assertProblem(await t.admin('PATCH', '/petitions/nope', { title: 'x' }), 404);

    const answered = await t.admin('PUT', '/petitions/bus-shelters/response', { summary: 'We will build them.' });
    assert.equal(answered.statusCode, 200);
    assert.equal(t.json(answered).status, 'responded');
    const publicView = t.json(await t.get('/api/v1/petitions/bus-shelters'));
    assert.equal((publicView.response as { summary: string }).summary, 'We will build them.');

    const actions = (await t.db.selectFrom('audit_log').select(['action', 'target']).execute()).map(
      (r) => `${r.action} ${r.target}`,
    );
    assert.deepEqual(actions, [
      'petition.create petition:bus-shelters',
      'petition.update petition:bus-shelters',
      'petition.respond petition:bus-shelters',
    ]);
  });

  it('creates, edits and closes polls', async () => {
    const poll = {
      id: 'bins-day',
      question: 'Which day for bins?',
      kind: 'multiple',
      maxChoices: 2,
      options: [
        { id: 'mon', label: 'Monday' },
        { id: 'tue', label: 'Tuesday' },
        { id: 'wed', label: 'Wednesday' },
      ],
      resultsVisibility: 'always',
    };
    const created = await t.admin('POST', '/polls', poll);
    assert.equal(created.statusCode, 201, created.body);
    assertValid(Poll, created.json());
    assertProblem(
      await t.admin('POST', '/polls', { ...poll, id: 'dup-options', options: [poll.options[0], poll.options[0]] }),
      422,
    );
    assertProblem(await t.admin('POST', '/polls', { ...poll, id: 'single-max', kind: 'single' }), 422);
    assert.equal((await t.post('/api/v1/polls/bins-day/votes', { choices: ['mon'] })).statusCode, 201);
    assertProblem(
      await t.admin('PATCH', '/polls/bins-day', { options: poll.options.slice(0, 2) }),
      409,
      'poll-has-votes',
    );
    assert.equal(t.json(await t.admin('PATCH', '/polls/bins-day', { question: 'Bin day?' })).question, 'Bin day?');
    const closed = await t.admin('POST', '/polls/bins-day/close');
    assert.equal(t.json(closed).status, 'closed');
    assertProblem(await t.post('/api/v1/polls/bins-day/votes', { choices: ['tue'] }), 409, 'poll-closed');
  });

  it('creates, replaces and deletes services', async () => {
    const service = {
      id: 'new-hub',
      name: 'Northfield Hub',
      organization: 'City of Example Council',
      categories: ['advice', 'brand-new'],
      location: { address: '1 High Street, Leeds', postcode: 'LS6 1AN', lat: 53.8197, lng: -1.5768 },
    };
    const created = await t.admin('PUT', '/services/new-hub', service);
    assert.equal(created.statusCode, 200, created.body);
    assertValid(Service, created.json());
    assert.equal((t.json(await t.get('/api/v1/services?q=northfield')).total as number) >= 1, true);
    assertProblem(await t.admin('PUT', '/services/other-id', service), 422, 'validation');
    assertProblem(
      await t.admin('PUT', '/services/new-hub', { ...service, location: { ...service.location, lat: 100 } }),
      422,
    );
    assert.equal((await t.admin('PUT', '/categories/brand-new', { label: 'Brand new' })).statusCode, 200);
    const categories = t.json(await t.get('/api/v1/services/categories')) as unknown as { id: string; label: string }[];
    assert.equal(categories.find((c) => c.id === 'brand-new')?.label, 'Brand new');
    assert.equal((await t.admin('DELETE', '/services/new-hub')).statusCode, 204);
    assert.equal(t.json(await t.get('/api/v1/services?q=northfield')).total, 0);
    assertProblem(await t.admin('DELETE', '/services/new-hub'), 404);
  });

  it('exports CSV with formulas neutralised and audits the export', async () => {
    await t.post('/api/v1/petitions/safer-crossings/signatures', {
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'formula@example.org',
      postcode: '+LS1',
      consent: true,
    });
    await t.post('/api/v1/feedback', {
      topic: 'bins',
      rating: { scale: 'nps', value: 0 },
      comment: '@SUM(1+1)\nsecond line, "quoted"',
    });
    const signatures = await t.admin('GET', '/petitions/safer-crossings/signatures.csv');
    assert.equal(signatures.statusCode, 200);
    assert.match(String(signatures.headers['content-type']), /^text\/csv/);
    assert.match(String(signatures.headers['content-disposition']), /attachment/);
    const line = signatures.body.split('\r\n').find((l) => l.includes('formula@example.org'));
    assert.ok(line);
    assert.match(line, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",formula@example\.org,'\+LS1,/);

    const feedback = await t.admin('GET', '/feedback.csv');
    assert.match(feedback.body, /"'@SUM\(1\+1\)\nsecond line, ""quoted"""/);
    assert.doesNotMatch(feedback.body, /(^|,)[=+@-]/m);

    const votes = await t.admin('GET', '/polls/park-name/votes.csv');
    assert.equal(votes.statusCode, 200);
    assert.match(votes.body, /^\uFEFFreceipt_id,voted_at,option_id,rank\r\n/);

    const audit = t.json(await t.admin('GET', '/audit')) as unknown as { action: string; details: { rows?: number } }[];
    assert.ok(audit.some((a) => a.action === 'petition.export' && a.details.rows === 1));
    assert.ok(audit.some((a) => a.action === 'feedback.export'));
    for (const row of audit) assert.doesNotMatch(JSON.stringify(row), /formula@example|HYPERLINK/);
  });
});

describe('admin API without a token configured', () => {
  it('refuses every bearer token: only signed-in officers get in', async () => {
    const t = await testServer({ adminToken: undefined });
    try {
      assertProblem(await t.get('/api/v1/admin/audit', { authorization: 'Bearer anything' }), 401, 'unauthorized');
      assertProblem(await t.get('/api/v1/admin/feedback.csv'), 401, 'unauthorized');
    } finally {
      await t.close();
    }
  });
});
