import { HttpProblem } from './problems.js';

// SQLite's result codes for "the storage cannot take a write now": a read-only file or mount, a full disk, a
// lock held past the busy timeout, an I/O error. Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE,
// ...) share the prefix.
const UNAVAILABLE = /^SQLITE_(READONLY|FULL|BUSY|LOCKED|IOERR|CANTOPEN)/;

/**
 * A storage fault answered as `503` with `Retry-After`, so that clients keep the submission (in their outbox)
 * and send it again later, instead of a `500` they would give up on. Nothing was stored: the write's
 * transaction rolled back with the error.
 */
export function storageUnavailable(error: unknown): HttpProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNAVAILABLE.test(code)) return undefined;
  return new HttpProblem(503, 'unavailable', 'The service cannot store submissions right now', {
    detail: 'Nothing was stored. Try again later.',
    headers: { 'Retry-After': '30' },
  });
}
