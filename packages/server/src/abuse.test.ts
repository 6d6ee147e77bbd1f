// Abuse from the outside: other sites posting as a resident, spoofed client addresses, link scanners.
// Every case checks the stored rows, not only the status code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { assertProblem, newKey, type TestServer, testServer } from './test-support/harness.js';

const COUNCIL = 'https://www.council.example';
const signature = { name: 'Sam', email: 'sam@example.org', consent: true };
const writes = [
  ['/api/v1/petitions/safer-crossings/signatures', signature],
  ['/api/v1/polls/park-name/votes', { choices: ['heron-green'] }],
  ['/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 1 } }],
] as const;

/** Rows in every table a submission can touch, to prove that a refusal changed nothing. */
async function rowCounts(t: TestServer) {
  const counts: Record<string, number> = {};
  for (const table of ['signatures', 'votes', 'vote_choices', 'feedback', 'idempotency_keys', 'outbox'] as const) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('abuse', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer({ allowedOrigins: [COUNCIL] });
    assert.equal(
      (await t.admin('PATCH', '/petitions/safer-crossings', { requiresConfirmation: true })).statusCode,
      200,
    );
  });
  after(() => t.close());

  it('stores nothing a page on a site not on the list sends, and takes the listed site and our own', async () => {
    for (const [url, body] of writes) {
      const before = await rowCounts(t);
      assertProblem(await t.post(url, body, { origin: 'https://evil.example' }), 403, 'origin-not-allowed');
      assertProblem(await t.post(url, body, { origin: 'null' }), 403, 'origin-not-allowed');
      assert.deepEqual(await rowCounts(t), before, url);
    }
    const fromCouncil = await t.post('/api/v1/feedback', writes[2][1], { origin: COUNCIL });
    assert.equal(fromCouncil.statusCode, 201);
    // The demo portal is served by the API's own host, seen here as plain HTTP behind a TLS proxy.
    const fromOurPages = await t.post('/api/v1/feedback', writes[2][1], {
      host: 'participate.council.example',
      origin: 'https://participate.council.example',
    });
    assert.equal(fromOurPages.statusCode, 201, fromOurPages.body);
    const noOrigin = await t.post('/api/v1/feedback', writes[2][1]);
    assert.equal(noOrigin.statusCode, 201);
  });

  it('stores nothing a cross-site HTML form can send (urlencoded, multipart, plain text)', async () => {
    const forms = [
      ['application/x-www-form-urlencoded', 'name=Sam&email=sam%40example.org&consent=true&choices=heron-green'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nSam\r\n--x--\r\n'],
      ['text/plain', '{"name":"Sam","email":"sam@example.org","consent":true,"choices":["heron-green"]}'],
    ] as const;
    for (const [url] of writes) {
      for (const [type, payload] of forms) {
        const before = await rowCounts(t);
        // A form on a listed site is refused too: only JSON is ever read.
        const response = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type, origin: COUNCIL, 'idempotency-key': newKey() },
          payload,
        });
        assertProblem(response, 415, 'unsupported-media-type');
        assert.deepEqual(await rowCounts(t), before, `${url} as ${type}`);
      }
    }
  });

  it('changes nothing when a confirmation link is fetched with GET or HEAD, as mail scanners do', async () => {
    const signed = await t.post('/api/v1/petitions/safer-crossings/signatures', {
      ...signature,
      email: 'scanned@example.org',
    });
    assert.equal(t.json(signed).status, 'pending_confirmation');
    const link = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+/.exec(t.mails.at(-1)?.text ?? '')?.[0];
    assert.ok(link);
    const status = async () =>
      (
        await t.db
          .selectFrom('signatures')
          .select('status')
          .where('email', '=', 'scanned@example.org')
          .executeTakeFirstOrThrow()
      ).status;
    const before = await rowCounts(t);
    for (const method of ['GET', 'HEAD', 'GET', 'HEAD'] as const) {
      const response: LightMyRequestResponse = await t.app.inject({ method, url: link });
      assert.equal(response.statusCode, 200, method);
    }
    assert.equal(await status(), 'pending_confirmation');
    assert.deepEqual(await rowCounts(t), before);
  });
});

describe('client addresses behind proxies', () => {
  const feedback = (t: TestServer, remoteAddress: string, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': newKey(),
        'x-forwarded-for': forwardedFor,
      },
      payload: JSON.stringify({ topic: 'bins', rating: { scale: 'thumbs', value: 1 } }),
    });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const t = await testServer({ writeLimitPerMinute: 2 });
    try {
      // One client inventing a new address for each request is still one client.
      const statuses = [];
      for (let i = 1; i <= 4; i++) statuses.push((await feedback(t, '198.51.100.7', `203.0.113.${i}`)).statusCode);
      assert.deepEqual(statuses, [201, 201, 429, 429]);
      // Another peer still has its own allowance.
      assert.equal((await feedback(t, '198.51.100.8', '203.0.113.1')).statusCode, 201);
    } finally {
      await t.close();
    }
  });

  it('tells clients apart by X-Forwarded-For when the peer is the configured proxy', async () => {
    const t = await testServer({ writeLimitPerMinute: 1, trustProxy: '10.0.0.2' });
    try {
      assert.equal((await feedback(t, '10.0.0.2', '203.0.113.1')).statusCode, 201);
      assert.equal((await feedback(t, '10.0.0.2', '203.0.113.1')).statusCode, 429);
      assert.equal((await feedback(t, '10.0.0.2', '203.0.113.2')).statusCode, 201);
    } finally {
      await t.close();
    }
  });
});
