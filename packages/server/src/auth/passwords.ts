// Officers' passwords, hashed with scrypt from Node's own crypto: memory-hard (32 MiB per hash with these
// settings), so a stolen database is slow to guess on GPUs, and no native package to build. The settings are
// stored with each hash, so they can be raised later without invalidating older hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
/** Node refuses scrypt above 32 MiB of memory unless told: 128 × N × r is exactly that, plus headroom. */
const MAX_MEMORY = 64 * 1024 * 1024;

/** At least this long: a passphrase rather than rules about symbols (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number, bytes: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, bytes, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P, KEY_BYTES);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`, in constant time; false for a hash in any other format. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p), expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows: verified against when an account does not exist, so timing does not tell. */
export const UNKNOWN_ACCOUNT_HASH = hashPassword(randomBytes(32).toString('base64url'));
