import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError, maskPassword } from '../config.js';
import type { Database } from './schema.js';

/** Connections per instance: enough for a burst of writes, few enough that several instances fit `max_connections`. */
const POOL_SIZE = 10;

/** Why a first connection failed, in words an operator can act on. */
function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case '3D000':
      return 'the database does not exist (create it with createdb, or fix the name)';
    case '28P01':
    case '28000':
      return 'the user or password was refused';
    case 'ECONNREFUSED':
      return 'nothing accepts connections there (is PostgreSQL running, and is the port right?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    default:
      return `${code ?? 'error'}: ${message ?? String(error)}`;
  }
}

/**
 * Connects a pool to PostgreSQL and checks one connection, so that a wrong URL, a missing database or a server
 * that is down stops the start-up with a configuration error (the password masked) rather than later requests.
 */
export async function openPostgres(url: string): Promise<Kysely<Database>> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
  } catch (error) {
    throw new ConfigError(`DATABASE_URL ${maskPassword(url)}: cannot connect: ${reason(error)}`);
  } finally {
    await probe.end().catch(() => {});
  }
  // No acquisition timeout: a burst of requests queues for the pool's connections rather than failing. While
  // PostgreSQL is down, connecting fails at once (connection refused) and requests get a 503.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // A connection dies when PostgreSQL restarts: the query on it fails (a 503) and the pool drops it and opens
  // new ones. Its error event, idle or not, must not end the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
