import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/**
 * Runs `work` while this instance holds the named lock, so that instances sharing a PostgreSQL database do it
 * one at a time (seeding an empty database, the retention job). The lock is a session-level advisory lock held
 * by one pooled connection while `work` runs on the others; it ends with that session, even if the process
 * dies. `wait: false` skips `work` (and returns undefined) when another instance holds the lock: that instance
 * is doing the job. On SQLite, one file has one writer at a time already, and `work` simply runs.
 */
export async function exclusively<T>(
  db: Kysely<Database>,
  name: string,
  work: () => Promise<T>,
  { wait = true } = {},
): Promise<T | undefined> {
  if (dialectOf(db) !== 'postgres') return work();
  return db.connection().execute(async (session) => {
    if (wait) {
      await sql`SELECT pg_advisory_lock(hashtext(${name}))`.execute(session);
    } else {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(hashtext(${name})) AS locked`.execute(
        session,
      );
      if (!rows[0]?.locked) return undefined;
    }
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(session);
    }
  });
}
