// A petition's count lives in a few rows (see `SignatureTallyTable`): one random row takes each new signature,
// and the count is their sum. Both engines run the same queries.
import { randomInt } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * More shards than a server's concurrent transactions rarely collide; the sum still reads a handful of rows
 * through the primary key.
 */
const SHARDS = 16;

/** Adds `amount` counted signatures to a petition, in the caller's transaction. */
export async function addToTally(trx: Transaction<Database>, petitionId: string, amount = 1): Promise<void> {
  await trx
    .insertInto('signature_tallies')
    .values({ petition_id: petitionId, shard: randomInt(SHARDS), tally: amount })
    .onConflict((oc) =>
      oc.columns(['petition_id', 'shard']).doUpdateSet((eb) => ({ tally: eb('signature_tallies.tally', '+', amount) })),
    )
    .execute();
}

/** The sum of a petition's tallies (0 when it has none). */
const total = () => sql<number | string>`coalesce(sum(signature_tallies.tally), 0)`.as('total');

/** A column for queries over `petitions`: the petition's count, as `signature_count`. */
export const signatureCount = (eb: ExpressionBuilder<Database, 'petitions'>) =>
  eb
    .selectFrom('signature_tallies')
    .select(total())
    .whereRef('signature_tallies.petition_id', '=', 'petitions.id')
    .as('signature_count');

/** The sum as the engine returns it (PostgreSQL's `sum` of integers is a `bigint`, which `pg` gives as text). */
export const toCount = (value: number | string | null) => Number(value ?? 0);

/** A petition's count now, as this transaction sees it. */
export async function currentCount(db: Db, petitionId: string): Promise<number> {
  const row = await db
    .selectFrom('signature_tallies')
    .select(total())
    .where('petition_id', '=', petitionId)
    .executeTakeFirstOrThrow();
  return toCount(row.total);
}
