import { type Kysely, PostgresAdapter } from 'kysely';

/** The engines the store runs on. Code that differs between them asks `dialectOf` and keeps to one module. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Which engine a Kysely instance or transaction talks to. The adapter is where Kysely itself records the engine,
 * and a transaction shares its parent's, so store code needs no extra parameter to know it.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema; only the engine is read
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
