// A database that cannot take writes (read-only file or mount, full disk) must answer 503 with Retry-After,
// never a 201 without a stored row; the same request sent again once the storage is back is stored once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RawBuilder, sql } from 'kysely';
import { assertProblem, newKey, type TestServer, testEngine, testServer } from './test-support/harness.js';

const writes = [
  ['/api/v1/petitions/safer-crossings/signatures', { name: 'Sam', email: 'fault@example.org', consent: true }],
  ['/api/v1/polls/park-name/votes', { choices: ['heron-green'], voterToken: 'storage-fault-voter-01' }],
  ['/api/v1/feedback', { topic: 'storage-fault', rating: { scale: 'stars', value: 4 } }],
] as const;

async function submissions(t: TestServer) {
  const { rows } = await sql<{ n: number }>`SELECT
    (SELECT count(*) FROM signatures) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM feedback)
    + (SELECT count(*) FROM idempotency_keys) AS n`.execute(t.db);
  return Number(rows[0]!.n);
}

const bigFeedback = {
  topic: 'storage-fault',
  rating: { scale: 'stars', value: 2 },
  comment: 'c'.repeat(2000),
  reasons: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(100, 'r')),
};

type Db = TestServer['db'];
const run =
  (...statements: RawBuilder<unknown>[]) =>
  async (db: Db) => {
    for (const statement of statements) await statement.execute(db);
  };

/**
 * PostgreSQL read-only: new sessions start read-only, the pool's other sessions are ended (it replaces them),
 * and the one session doing this turns read-only itself before going back to the pool.
 */
const postgresReadOnly = (on: boolean) => async (db: Db) =>
  db.connection().execute(async (session) => {
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(session);
    const database = sql.id(rows[0]!.name);
    if (!on) await sql`SET SESSION default_transaction_read_only = off`.execute(session);
    await (on
      ? sql`ALTER DATABASE ${database} SET default_transaction_read_only = on`
      : sql`ALTER DATABASE ${database} RESET default_transaction_read_only`
    ).execute(session);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(session);
    if (on) await sql`SET SESSION default_transaction_read_only = on`.execute(session);
  });

/** Each storage fault of the engine under test: how to cause it on the live database, how to undo it, the writes it refuses. */
const faults =
  testEngine === 'postgres'
    ? // A full disk has no cheap stand-in on PostgreSQL (its class 53 errors are mapped all the same).
      { 'read-only': { cause: postgresReadOnly(true), undo: postgresReadOnly(false), writes } }
    : {
        'read-only': { cause: run(sql`PRAGMA query_only = ON`), undo: run(sql`PRAGMA query_only = OFF`), writes },
        // No free page and no growth: a body bigger than a page needs new overflow pages, so the disk is "full".
        'full disk': {
          cause: run(sql`VACUUM`, sql`PRAGMA max_page_count = 1`),
          undo: run(sql`PRAGMA max_page_count = 1073741823`),
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
      await cause(t.db);
      try {
        for (const [i, [url, body]] of writes.entries()) {
          const response = await t.post(url, body, { 'idempotency-key': keys[i]! });
          assertProblem(response, 503, 'unavailable');
          assert.equal(response.headers['retry-after'], '30');
        }
        // Reads still work while writes cannot.
        assert.equal((await t.get('/api/v1/petitions/safer-crossings')).statusCode, 200);
      } finally {
        await undo(t.db);
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
