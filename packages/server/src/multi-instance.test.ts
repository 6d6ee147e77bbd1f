// Several real server processes (as `npm start` runs them) on one PostgreSQL database: what one process used to
// hold alone must now hold across all of them. Runs in the PostgreSQL pass of the server suite.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { exampleSeed } from '@civic-widgets/client/adapters/memory';
import { sql } from 'kysely';
import { openStore, type Store } from './db/database.js';
import { postgresTestsOff, testEngine } from './test-support/engine.js';
import { ADMIN_TOKEN } from './test-support/harness.js';
import {
  exited,
  type Instance,
  type SharedDatabase,
  sharedDatabase,
  startInstance,
  stopInstances,
} from './test-support/instances.js';

const skip =
  testEngine !== 'postgres' &&
  (postgresTestsOff
    ? 'PostgreSQL tests skipped (CIVIC_TEST_PG=0)'
    : 'runs in the PostgreSQL pass (CIVIC_TEST_ENGINE=postgres, as npm test does)');

const post = (base: string, path: string, body: unknown, key = randomUUID()) =>
  fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

const signature = (email: string) => ({ name: 'Instance Tester', email, consent: true });

describe('several instances on one PostgreSQL database', { skip }, () => {
  let database: SharedDatabase;
  let store: Store;
  let instances: Instance[] = [];

  before(async () => {
    database = await sharedDatabase('postgres');
    // Three instances starting together on an empty database: each migrates and seeds if needed.
    instances = await Promise.all(
      [1, 2, 3].map(() =>
        startInstance({
          ...database.env,
          LOG_LEVEL: 'info',
          CIVIC_ADMIN_TOKEN: ADMIN_TOKEN,
          CIVIC_RATE_LIMIT_WRITES: '30',
        }),
      ),
    );
    store = await openStore(database.location);
  });
  after(async () => {
    await stopInstances(...instances);
    await store?.close();
    await database?.drop();
  });

  it('migrate and seed once when three start together', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(store.db);
    assert.equal(rows.length, new Set(rows.map((r) => r.name)).size);
    // The demo seed once, not two or three times (ids are unique, so a second seeding would have failed).
    const example = exampleSeed();
    const petitions = await store.db.selectFrom('petitions').select('id').execute();
    const services = await store.db.selectFrom('services').select('id').execute();
    assert.equal(petitions.length, example.petitions.length);
    assert.equal(services.length, example.services.length + 234);
    for (const instance of instances) {
      assert.equal((await fetch(`${instance.base}/readyz`)).status, 200);
      assert.equal((await fetch(`${instance.base}/healthz`)).status, 200);
    }
  });

  it('store one signature for concurrent duplicates sent to every instance, and count it once', async () => {
    const read = async () =>
      (
        (await (await fetch(`${instances[0]!.base}/api/v1/petitions/safer-crossings`)).json()) as {
          signatureCount: number;
        }
      ).signatureCount;
    const before = await read();
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        post(instances[i % 3]!.base, '/petitions/safer-crossings/signatures', signature('dup@example.org')),
      ),
    );
    // The rate limit (30 a minute per client) is shared: 24 writes stay under it.
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
    const rows = await store.db.selectFrom('signatures').select('id').where('email', '=', 'dup@example.org').execute();
    assert.equal(rows.length, 1);
    assert.equal(await read(), before + 1);
  });

  it('answer one key sent to two instances at once with one row and one receipt', async () => {
    const key = randomUUID();
    const body = { topic: 'bins', rating: { scale: 'stars', value: 4 }, comment: key };
    const responses = await Promise.all([
      post(instances[0]!.base, '/feedback', body, key),
      post(instances[1]!.base, '/feedback', body, key),
    ]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    assert.deepEqual(
      responses.map((r) => r.status),
      [201, 201],
    );
    assert.equal(bodies[0], bodies[1]);
    const rows = await store.db.selectFrom('feedback').select('id').where('comment', '=', key).execute();
    assert.equal(rows.length, 1);
  });

  it("refuse a client's 31st write in a minute whichever instance it reaches", async () => {
    // The earlier tests used 26 of this client's 30 writes: use the rest, spread over the instances.
    const statuses: number[] = [];
    for (let i = 0; statuses.at(-1) !== 429 && i < 40; i++) {
      const response = await post(instances[i % 3]!.base, '/feedback', {
        topic: 'bins',
        rating: { scale: 'stars', value: 3 },
      });
      statuses.push(response.status);
    }
    assert.equal(statuses.filter((s) => s === 201).length, 4, statuses.join());
    assert.equal(statuses.at(-1), 429);
    // Every instance now refuses this client.
    for (const instance of instances) {
      const refused = await post(instance.base, '/feedback', { topic: 'bins', rating: { scale: 'stars', value: 3 } });
      assert.equal(refused.status, 429);
    }
  });
});

describe('several instances: mail and kill -9', { skip }, () => {
  let database: SharedDatabase;
  let store: Store;

  before(async () => {
    database = await sharedDatabase('postgres');
  });
  after(async () => {
    await store?.close();
    await database?.drop();
  });

  it('send each confirmation mail once with two instances delivering', async () => {
    const env = { ...database.env, LOG_LEVEL: 'info', CIVIC_ADMIN_TOKEN: ADMIN_TOKEN };
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    try {
      const patched = await fetch(`${a.base}/api/v1/admin/petitions/safer-crossings`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requiresConfirmation: true }),
      });
      assert.equal(patched.status, 200);
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          post((i % 2 ? a : b).base, '/petitions/safer-crossings/signatures', signature(`mail${i}@example.org`)),
        ),
      );
      assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
      // Both instances deliver after their own commits, each claiming what waits in the shared outbox.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const links = [a, b].flatMap((instance) => instance.output().match(/\/confirmations\/[A-Za-z0-9_-]+/g) ?? []);
      assert.equal(links.length, 40);
      assert.equal(new Set(links).size, 40);
    } finally {
      await stopInstances(a, b);
    }
  });

  it('keep every acknowledged signature once when one of two instances is killed mid-burst', async () => {
    const env = { ...database.env };
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    const acknowledged = new Map<string, string>();
    let killed = false;
    try {
      await Promise.all(
        Array.from({ length: 8 }, async (_, worker) => {
          for (let i = 0; i < 15; i++) {
            const email = `burst-${worker}-${i}@example.org`;
            // The burst goes to both; the killed instance's clients move to the survivor, as behind a balancer.
            const target = worker % 2 && !killed ? a : b;
            try {
              const response = await post(target.base, '/petitions/safer-crossings/signatures', signature(email));
              if (response.status === 201)
                acknowledged.set(email, ((await response.json()) as { receiptId: string }).receiptId);
            } catch {
              // The connection died with the instance: never acknowledged.
            }
            if (!killed && acknowledged.size >= 20) {
              killed = true;
              a.child.kill('SIGKILL');
            }
          }
        }),
      );
      assert.ok(killed);
      await exited(a.child);
      store = await openStore(database.location);
      const rows = await store.db
        .selectFrom('signatures')
        .select(['id', 'email'])
        .where('email', 'like', 'burst-%')
        .execute();
      const byEmail = new Map(rows.map((r) => [r.email, r.id]));
      assert.equal(rows.length, byEmail.size);
      for (const [email, receiptId] of acknowledged) assert.equal(byEmail.get(email), receiptId, email);
    } finally {
      await stopInstances(b);
      if (!killed) await stopInstances(a);
    }
  });
});
