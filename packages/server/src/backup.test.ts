// The backup and restore commands of docs/deploy.md, run as written against a database the server filled:
// the restored copy opens, counts as migrated, and holds the same submissions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from './db/database.js';
import { isMigrated } from './db/migrations.js';
import { createServer } from './server.js';
import { testClusterUrl, testEngine } from './test-support/engine.js';
import { newKey } from './test-support/harness.js';
import { binDir, createDatabase } from './test-support/pg-cluster.js';

async function fill(location: string) {
  const store = await openStore(location);
  const app = await createServer({ store, seed: 'demo', writeLimitPerMinute: 0, readLimitPerMinute: 0, logger: false });
  for (let i = 0; i < 5; i++) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-crossings/signatures',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
      payload: JSON.stringify({ name: 'Backed Up', email: `backup-${i}@example.org`, consent: true }),
    });
    assert.equal(response.statusCode, 201);
  }
  return { store, app };
}

async function assertSameSignatures(original: Store, restoredLocation: string) {
  const restored = await openStore(restoredLocation);
  try {
    assert.ok(await isMigrated(restored.db, restored.dialect));
    const read = (store: Store) => store.db.selectFrom('signatures').select(['id', 'email']).orderBy('id').execute();
    const copy = await read(restored);
    assert.equal(copy.length, 5);
    assert.deepEqual(copy, await read(original));
  } finally {
    await restored.close();
  }
}

describe(`backups and restore as docs/deploy.md says (${testEngine})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-backup-'));
  let filled: Awaited<ReturnType<typeof fill>>;
  const drops: (() => Promise<void>)[] = [];
  before(async () => {
    if (testEngine === 'postgres') {
      const database = await createDatabase(await testClusterUrl());
      drops.push(database.drop);
      filled = await fill(database.url);
    } else {
      filled = await fill(join(dir, 'civic.sqlite'));
    }
  });
  after(async () => {
    await filled?.app.close();
    await filled?.store.close();
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  if (testEngine === 'postgres') {
    it('pg_dump --format=custom while the server runs, pg_restore --no-owner into a new database', async () => {
      const url = (await testClusterUrl()).replace(/\/postgres$/, '');
      const source = await filled.store.db
        .selectNoFrom((eb) => eb.fn<string>('current_database').as('name'))
        .executeTakeFirstOrThrow();
      const dump = join(dir, 'civic.dump');
      execFileSync(join(binDir(), 'pg_dump'), ['--format=custom', `--file=${dump}`, `${url}/${source.name}`]);
      const target = await createDatabase(await testClusterUrl());
      drops.push(target.drop);
      execFileSync(join(binDir(), 'pg_restore'), ['--no-owner', `--dbname=${target.url}`, dump]);
      await assertSameSignatures(filled.store, target.url);
    });
  } else {
    it('sqlite3 .backup while the server runs, and the copy opens in place of the original', async () => {
      const copy = join(dir, 'copy.sqlite');
      execFileSync('sqlite3', [join(dir, 'civic.sqlite'), `.backup '${copy}'`]);
      await assertSameSignatures(filled.store, copy);
    });
  }
});
