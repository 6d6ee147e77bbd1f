// A database that cannot take writes (read-only file or mount, full disk) must answer 503 with Retry-After,
// never a 201 without a stored row; the same request sent again once the storage is back is stored once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { assertProblem, newKey, type TestServer, testServer } from './test-support/harness.js';

const writes = [
  ['/api/v1/petitions/safer-crossings/signatures', { name: 'Sam', email: 'fault@example.org', consent: true }],
  ['/api/v1/polls/park-name/votes', { choices: ['heron-green'], voterToken: 'storage-fault-voter-01' }],
  ['/api/v1/feedback', { topic: 'storage-fault', rating: { scale: 'stars', value: 4 } }],
] as const;

async function submissions(t: TestServer) {
  const { rows } = await sql<{ n: number }>`SELECT
    (SELECT count(*) FROM signatures) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM feedback)
    + (SELECT count(*) FROM idempotency_keys) AS n`.execute(t.db);
  return rows[0]!.n;
}

const bigFeedback = {
  topic: 'storage-fault',
  rating: { scale: 'stars', value: 2 },
  comment: 'c'.repeat(2000),
  reasons: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(100, 'r')),
};

/** Each storage fault: how to cause it on the live connection, how to undo it, and the writes it refuses. */
const faults = {
  'read-only': { cause: [sql`PRAGMA query_only = ON`], undo: sql`PRAGMA query_only = OFF`, writes },
  // No free page and no growth: a body bigger than a page needs new overflow pages, so the disk is "full".
  'full disk': {
    cause: [sql`VACUUM`, sql`PRAGMA max_page_count = 1`],
    undo: sql`PRAGMA max_page_count = 1073741823`,
    writes: [['/api/v1/feedback', bigFeedback]] as const,
  },
};

describe('storage faults', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  for (const [name, { cause, undo, writes }] of Object.entries(faults)) {
    it(`answers 503 with Retry-After on a ${name} database, stores nothing, and stores a retry once`, async () => {
      const keys = writes.map(() => newKey());
      const before = await submissions(t);
      for (const statement of cause) await statement.execute(t.db);
      try {
        for (const [i, [url, body]] of writes.entries()) {
          const response = await t.post(url, body, { 'idempotency-key': keys[i]! });
          assertProblem(response, 503, 'unavailable');
          assert.equal(response.headers['retry-after'], '30');
        }
        // Reads still work while writes cannot.
        assert.equal((await t.get('/api/v1/petitions/safer-crossings')).statusCode, 200);
      } finally {
        await undo.execute(t.db);
      }
      assert.equal(await submissions(t), before);
      for (const [i, [url, body]] of writes.entries()) {
        const retry = await t.post(url, body, { 'idempotency-key': keys[i]! });
        assert.equal(retry.statusCode, 201, `${url}: ${retry.body}`);
        assert.equal(retry.headers['idempotent-replayed'], 'false');
      }
      // One row per submission plus its key.
      assert.equal(await submissions(t), before + 2 * writes.length);
      await sql`DELETE FROM signatures WHERE email = 'fault@example.org'`.execute(t.db);
      await sql`DELETE FROM vote_choices WHERE vote_id IN (SELECT id FROM votes WHERE voter_token = 'storage-fault-voter-01')`.execute(
        t.db,
      );
      await sql`DELETE FROM votes WHERE voter_token = 'storage-fault-voter-01'`.execute(t.db);
    });
  }
});
