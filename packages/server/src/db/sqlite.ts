import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type DatabaseConnection, type Driver, Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import type { Database } from './schema.js';

/**
 * Opens (and creates) a SQLite database file. WAL lets readers run beside the writer; `synchronous=FULL` makes
 * every commit durable before we answer, so an acknowledged submission survives a crash or a power cut.
 */
export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the import command, a backup, a second instance) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new FaultKeepingSqliteDialect(sqlite) });
}

/**
 * SQLite itself rolls a transaction back when a write fails with a full disk or an I/O error. Kysely then sends
 * its own ROLLBACK, which fails with "no transaction is active" and replaces the error that mattered: the
 * server would answer 500 instead of telling the client the storage is unavailable (503, try again later).
 * This driver skips the ROLLBACK when SQLite has already done it.
 */
class FaultKeepingSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection) {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
}
