// The upgrade path: a database an older release left is brought up to date on start-up, and keeps its data.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { findPetition } from '../store/petitions.js';
import { testStoreLocation } from '../test-support/engine.js';
import { isMigrated, migrate, migrateUpTo } from './migrations.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

describe('migrations', () => {
  const opened: { db: Kysely<Database>; drop(): Promise<void> }[] = [];
  after(async () => {
    for (const { db, drop } of opened) {
      await db.destroy();
      await drop();
    }
  });

  async function emptyDatabase() {
    const { location, drop } = await testStoreLocation();
    const postgres = location.startsWith('postgres');
    const db = postgres ? await openPostgres(location) : openSqlite(location);
    opened.push({ db, drop });
    return { db, dialect: postgres ? ('postgres' as const) : ('sqlite' as const) };
  }

  it("moves each petition's count into its tallies, and the count reads the same", async () => {
    const { db, dialect } = await emptyDatabase();
    await migrateUpTo(db, dialect, '0008-mail-claim-lease');
    assert.equal(await isMigrated(db, dialect), false);
    for (const [id, count] of [
      ['counted', 4321],
      ['new', 0],
    ] as const) {
      await sql`
        insert into petitions (id, title, summary, status, thresholds, signer_fields, allow_public_name,
          privacy_notice_url, requires_confirmation, signature_count, created_at, updated_at)
        values (${id}, 'Title', 'Summary', 'open', '[]', '[]', 0, 'https://example.org/privacy', 0, ${count},
          '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db);
    }

    await migrate(db, dialect);

    assert.equal(await isMigrated(db, dialect), true);
    assert.equal((await findPetition(db, 'counted'))?.signatureCount, 4321);
    assert.equal((await findPetition(db, 'new'))?.signatureCount, 0);
    const tallies = await db.selectFrom('signature_tallies').select(['petition_id', 'tally']).execute();
    assert.deepEqual(tallies, [{ petition_id: 'counted', tally: 4321 }]);
  });
});
