// Throttles password guessing: after `limit` failed sign-ins for one account, or from one address, within the
// window, further attempts are refused until the window ends, whether the password is right or not. Kept in the
// database, so every instance counts the same failures.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export const FAILURE_LIMIT = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** Milliseconds until `keys` may try again, or 0 when none of them is locked. */
export async function lockedFor(db: Kysely<Database>, keys: string[], now: Date): Promise<number> {
  const rows = await db.selectFrom('sign_in_failures').selectAll().where('key', 'in', keys).execute();
  let wait = 0;
  for (const row of rows) {
    const ends = Date.parse(row.window_start) + FAILURE_WINDOW_MS;
    if (row.failures >= FAILURE_LIMIT && ends > now.getTime()) wait = Math.max(wait, ends - now.getTime());
  }
  return wait;
}

/**
 * Counts one failure against each key, starting a new window where the last one ended. An upsert and one
 * conditional update, so that instances counting the same key at once neither collide nor lose a failure.
 */
export async function recordFailure(db: Kysely<Database>, keys: string[], now: Date) {
  const at = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const stale = sql<boolean>`window_start <= ${windowOpenedAfter}`;
  for (const key of keys) {
    await db
      .insertInto('sign_in_failures')
      .values({ key, window_start: at, failures: 0 })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
    await db
      .updateTable('sign_in_failures')
      .set({
        failures: sql`case when ${stale} then 1 else failures + 1 end`,
        window_start: sql`case when ${stale} then ${at} else window_start end`,
      })
      .where('key', '=', key)
      .execute();
  }
}

/** A successful sign-in clears the account's failures (not the address's: one address may be guessing many). */
export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
