import type { Kysely } from 'kysely';
import type { Dialect } from './dialect.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

export type { Dialect } from './dialect.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens the store at `location`, a `postgres://` URL or a SQLite file (`:memory:` for tests), and brings its
 * schema up to date. Several instances may start at once: the migrations run once (see `migrate`).
 */
export async function openStore(location: string): Promise<Store> {
  const dialect: Dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  const db = dialect === 'postgres' ? await openPostgres(location) : openSqlite(location);
  try {
    await migrate(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}
