import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Records an officer's action and who did it. `details` says what changed or how much was exported, never whose
 * data.
 */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  actor: { email: string } | undefined,
  action: string,
  target: string,
  details: Record<string, unknown>,
  now: Date,
) {
  await db
    .insertInto('audit_log')
    .values({ at: now.toISOString(), actor: actor?.email ?? null, action, target, details: JSON.stringify(details) })
    .execute();
}
