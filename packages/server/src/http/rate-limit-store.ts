import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps each client's window in the database, so that instances behind
 * a load balancer count one client's requests together. One upsert per request counts the hit and starts a
 * new window when the last one has ended, atomically on both engines. The windows of a single SQLite process
 * stay in memory (the plugin's own store): the database would only add a write to every read.
 */
export function databaseRateLimitStore(db: Kysely<Database>) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number) {
      const now = Date.now();
      const expired = now - timeWindow;
      db.insertInto('rate_limits')
        .values({ key, window_start: now, hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            hits: eb
              .case()
              .when('rate_limits.window_start', '<=', expired)
              .then(1)
              .else(eb('rate_limits.hits', '+', 1))
              .end(),
            window_start: eb
              .case()
              .when('rate_limits.window_start', '<=', expired)
              .then(now)
              .else(eb.ref('rate_limits.window_start'))
              .end(),
          })),
        )
        .returning(['hits', 'window_start'])
        .executeTakeFirstOrThrow()
        .then(
          (row) => callback(null, { current: row.hits, ttl: Number(row.window_start) + timeWindow - now }),
          (error: Error) => callback(error),
        );
    }

    child() {
      return this;
    }
  };
}
