// PostgreSQL going wrong: unreachable or missing at start (a configuration error, exit 78, the password
// masked), and restarted while the server runs (503 with Retry-After, nothing half-written, the pool
// reconnects). Runs in the PostgreSQL pass of the server suite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from './db/database.js';
import { createServer } from './server.js';
import { postgresTestsOff, testClusterUrl, testEngine } from './test-support/engine.js';
import { assertProblem, newKey } from './test-support/harness.js';
import { runUntilExit } from './test-support/instances.js';
import { type Cluster, createDatabase, freePort, startCluster } from './test-support/pg-cluster.js';

const skip =
  testEngine !== 'postgres' &&
  (postgresTestsOff
    ? 'PostgreSQL tests skipped (CIVIC_TEST_PG=0)'
    : 'runs in the PostgreSQL pass (CIVIC_TEST_ENGINE=postgres, as npm test does)');

describe('PostgreSQL at start-up', { skip }, () => {
  it('stops with code 78 and a masked DATABASE_URL when nothing listens there', async () => {
    const port = await freePort();
    const { code, stderr } = await runUntilExit({ DATABASE_URL: `postgres://civic:hunter2@127.0.0.1:${port}/civic` });
    assert.equal(code, 78);
    assert.match(
      stderr,
      /^Configuration error: DATABASE_URL postgres:\/\/civic:\*\*\*@127\.0\.0\.1:\d+\/civic: cannot connect/m,
    );
    assert.match(stderr, /is PostgreSQL running/);
    assert.doesNotMatch(stderr, /hunter2/);
  });

  it('stops with code 78 when the database does not exist', async () => {
    const url = new URL(await testClusterUrl());
    url.pathname = '/no_such_database';
    const { code, stderr } = await runUntilExit({ DATABASE_URL: url.href });
    assert.equal(code, 78);
    assert.match(stderr, /DATABASE_URL .*no_such_database: cannot connect: the database does not exist/);
  });

  it('stops with code 78 on a URL that cannot be a database', async () => {
    for (const url of ['mysql://civic@db/civic', 'postgres://db:99999/civic', 'postgres://db:5432/']) {
      const { code, stderr } = await runUntilExit({ DATABASE_URL: url });
      assert.equal(code, 78, url);
      assert.match(stderr, /^Configuration error: DATABASE_URL/m, url);
    }
  });
});

describe('PostgreSQL restarted while the server runs', { skip }, () => {
  // A cluster of this test's own: stopping the suite's shared one would fail every other test.
  let cluster: Cluster;
  let store: Store;
  let app: FastifyInstance;
  const sign = (email: string, key = newKey()) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-crossings/signatures',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      payload: JSON.stringify({ name: 'Restart', email, consent: true }),
    });

  before(async () => {
    cluster = await startCluster();
    const database = await createDatabase(cluster.url);
    store = await openStore(database.url);
    app = await createServer({ store, seed: 'demo', writeLimitPerMinute: 0, readLimitPerMinute: 0, logger: false });
  });
  after(async () => {
    await app?.close();
    await store?.close();
    cluster?.stop();
  });

  it('answers 503 with Retry-After while it is down, stores nothing, and works again once it is back', async () => {
    assert.equal((await sign('before@example.org')).statusCode, 201);
    cluster.halt();
    const key = newKey();
    try {
      const refused = await sign('during@example.org', key);
      assertProblem(refused, 503, 'unavailable');
      assert.equal(refused.headers['retry-after'], '30');
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503);
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      cluster.resume();
    }
    // The pool reconnects on its own; the client's retry (same key) is stored once.
    const retried = await sign('during@example.org', key);
    assert.equal(retried.statusCode, 201, retried.body);
    assert.equal((await sign('during@example.org', key)).headers['idempotent-replayed'], 'true');
    const rows = await store.db
      .selectFrom('signatures')
      .select('id')
      .where('email', '=', 'during@example.org')
      .execute();
    assert.equal(rows.length, 1);
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });
});
