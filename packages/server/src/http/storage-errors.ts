import { HttpProblem } from './problems.js';

// "The storage cannot take a write now", in each engine's words.
// SQLite's result codes: a read-only file or mount, a full disk, a lock held past the busy timeout, an I/O error.
// Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, ...) share the prefix.
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|FULL|BUSY|LOCKED|IOERR|CANTOPEN)/;
// PostgreSQL's SQLSTATE classes 08 (connection exception), 53 (insufficient resources: disk full, too many
// connections), 57P (the server shutting down or starting up), 25006 (read-only transaction), 40001/40P01
// (serialization failure, deadlock: retried by the client), and the network errors of a server that is gone.
const POSTGRES_UNAVAILABLE = /^(08|53|57P|25006$|40001$|40P01$|E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$)/;

/** Errors of `pg` that carry no code: the connection ended under the query, or the pool waited too long for one. */
const POSTGRES_GONE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

export function isStorageUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return SQLITE_UNAVAILABLE.test(code) || POSTGRES_UNAVAILABLE.test(code);
  return typeof message === 'string' && POSTGRES_GONE.test(message);
}

/**
 * A storage fault answered as `503` with `Retry-After`, so that clients keep the submission (in their outbox)
 * and send it again later, instead of a `500` they would give up on. Nothing was stored: the write's
 * transaction rolled back with the error.
 */
export function storageUnavailable(error: unknown): HttpProblem | undefined {
  if (!isStorageUnavailable(error)) return undefined;
  return new HttpProblem(503, 'unavailable', 'The service cannot store submissions right now', {
    detail: 'Nothing was stored. Try again later.',
    headers: { 'Retry-After': '30' },
  });
}
