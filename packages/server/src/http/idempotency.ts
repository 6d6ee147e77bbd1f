import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpProblem } from './problems.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's `Idempotency-Key`: every POST needs one, so that a retried submission is never stored twice. */
export function idempotencyKey(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new HttpProblem(400, 'idempotency-key-required', 'An Idempotency-Key header is required', {
      detail: 'Send a unique value (for example a UUID) of 1 to 200 visible ASCII characters, the same on every retry.',
    });
  }
  return key;
}

/** What the key is bound to: the same key with another route or body is a client bug, not a retry. */
export function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * Another process or instance won a race: it inserted the same key (a unique violation: SQLite's CONSTRAINT,
 * PostgreSQL's 23505), or committed while our transaction held an older snapshot (SQLite's BUSY_SNAPSHOT,
 * which waiting cannot cure), or PostgreSQL broke a deadlock by ending our transaction (40P01). All end the
 * same way: run again, and find the winner's response.
 */
const lostRace = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  /^(SQLITE_(CONSTRAINT|BUSY)|23505$|40001$|40P01$)/.test(String(error.code));

/**
 * Runs `work` and records its response under `key` in one transaction. A repeat of the key gets the first
 * response back and writes nothing. Within this process the transaction serialises requests; across
 * processes the primary key on `idempotency_keys` decides, and the loser reads the winner's response.
 * Only successful responses are recorded: a refused request stored nothing, so retrying it is harmless.
 */
export async function once(
  db: Kysely<Database>,
  key: string,
  print: string,
  work: (trx: Transaction<Database>) => Promise<StoredResponse>,
  now: () => Date,
): Promise<StoredResponse & { replayed: boolean }> {
  const attempt = () =>
    db.transaction().execute(async (trx) => {
      const earlier = await trx
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status', 'body'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (earlier) {
        if (earlier.fingerprint !== print) {
          throw new HttpProblem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request');
        }
        return { status: earlier.status, body: JSON.parse(earlier.body) as unknown, replayed: true };
      }
      const response = await work(trx);
      if (response.status < 300) {
        await trx
          .insertInto('idempotency_keys')
          .values({
            key,
            fingerprint: print,
            status: response.status,
            body: JSON.stringify(response.body),
            created_at: now().toISOString(),
          })
          .execute();
      }
      return { ...response, replayed: false };
    });
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error) || tries >= 8) throw error;
      // The winner may still hold the write lock for a moment (its fsync): back off 1, 2, 4, ... ms, jittered.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** tries));
    }
  }
}
