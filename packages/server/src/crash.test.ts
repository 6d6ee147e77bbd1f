import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStore, type Store } from './db/database.js';
import { testEngine } from './test-support/engine.js';
import { exited, runUntilExit, type SharedDatabase, sharedDatabase, startInstance } from './test-support/instances.js';

/** SIGKILLs under load: 10 in `npm test`, 50 in `npm run test:nightly` (CIVIC_NIGHTLY=1). */
const CYCLES = process.env.CIVIC_NIGHTLY ? 50 : 10;

function submit(base: string, key: string) {
  return fetch(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ topic: 'crash-test', rating: { scale: 'stars', value: 3 }, comment: key }),
  });
}

describe(`crash safety of the real server (${testEngine})`, () => {
  let database: SharedDatabase;
  /** A connection of the test's own, to read what the servers stored. */
  let store: Store;
  const start = () => startInstance(database.env);
  before(async () => {
    database = await sharedDatabase();
  });
  after(async () => {
    await store?.close();
    await database.drop();
  });

  it(`keeps every acknowledged submission exactly once across ${CYCLES} SIGKILLs`, async () => {
    const acknowledged = new Map<string, string>();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { child, base } = await start();
      // Eight submissions in flight at a time, until the kill lands at a random moment mid-stream: after a random
      // number of acknowledgements (the machine's speed does not matter), plus a random few milliseconds.
      let killed = false;
      let acknowledgedNow = 0;
      const killAt = 3 + Math.floor(Math.random() * 8);
      const kill = () => {
        killed = true;
        child.kill('SIGKILL');
      };
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (!killed) {
            const key = randomUUID();
            try {
              const response = await submit(base, key);
              if (response.status === 201) {
                acknowledged.set(key, ((await response.json()) as { receiptId: string }).receiptId);
                if (++acknowledgedNow === killAt) setTimeout(kill, Math.random() * 30);
              }
            } catch {
              // The connection died with the server: this submission was never acknowledged.
            }
          }
        }),
      );
      await exited(child);
    }
    assert.ok(acknowledged.size > 20, `only ${acknowledged.size} submissions were acknowledged`);

    store = await openStore(database.location);
    if (store.dialect === 'sqlite') {
      const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      assert.deepEqual(rows, [{ integrity_check: 'ok' }]);
    }
    const rows = await store.db
      .selectFrom('feedback')
      .select(['id', 'comment'])
      .where('topic', '=', 'crash-test')
      .execute();
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.comment!, [...(byKey.get(row.comment!) ?? []), row.id]);
    for (const [key, receiptId] of acknowledged) assert.deepEqual(byKey.get(key), [receiptId], key);
    // Nothing was stored twice, acknowledged or not.
    for (const ids of byKey.values()) assert.equal(ids.length, 1);

    // After a restart a retry of an acknowledged key gets the same receipt and stores nothing.
    const { child, base } = await start();
    try {
      const [key, receiptId] = [...acknowledged][0]!;
      const retry = await submit(base, key);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await retry.json()) as { receiptId: string }).receiptId, receiptId);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited(child), 0);
    }
  });

  it('stores one row when two server processes get the same key at once', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    try {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          submit(i % 2 ? a.base : b.base, key).then(async (r) => [r.status, await r.text()]),
        ),
      );
      assert.deepEqual(new Set(responses.map(([status]) => status)), new Set([201]));
      assert.equal(new Set(responses.map(([, body]) => body)).size, 1);
      store ??= await openStore(database.location);
      const stored = await store.db.selectFrom('feedback').select('id').where('comment', '=', key).execute();
      assert.equal(stored.length, 1);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([exited(a.child), exited(b.child)]);
    }
  });

  it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
    const { child, base } = await start();
    // Open keep-alive connections first, so that the next requests are on the wire when the signal lands.
    await Promise.all(Array.from({ length: 10 }, () => submit(base, randomUUID())));
    const inFlight = Array.from({ length: 20 }, () => submit(base, randomUUID()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');
    const settled = await Promise.allSettled(inFlight);
    const answered = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value.status);
    // Every request that reached the server before the signal got its answer; none was cut off with a 5xx.
    for (const status of answered) assert.ok(status === 201 || status === 503, String(status));
    assert.ok(answered.includes(201), 'no request was allowed to finish');
    // Closing ends with the last answer, not when the answered keep-alive sockets time out (72 s).
    const lastAnswer = Date.now();
    assert.equal(await exited(child), 0);
    assert.ok(Date.now() - lastAnswer < 30_000, `exited ${Date.now() - lastAnswer} ms after the last answer`);
  });

  it('refuses to start on a bad configuration, naming the variable', async () => {
    const { code, stderr } = await runUntilExit({ ...database.env, PORT: 'eighty' });
    assert.equal(code, 78);
    assert.match(stderr, /^Configuration error: PORT must be a whole number/m);
  });
});
