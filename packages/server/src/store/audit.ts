import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Records an administrator's action. `details` says what changed or how much was exported, never whose data. */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  action: string,
  target: string,
  details: Record<string, unknown>,
  now: Date,
) {
  await db
    .insertInto('audit_log')
    .values({ at: now.toISOString(), action, target, details: JSON.stringify(details) })
    .execute();
}
