// Signed-in officers: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only its SHA-256,
// so a copy of the database cannot be used to sign in. A session ends after `idleMinutes` without a request or
// `maxHours` after sign-in, whichever comes first, and at once when its account is disabled.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isRole, type Role } from './roles.js';

export const SESSION_COOKIE = 'civic_session';

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export const sessionLimits = (config: { sessionIdleMinutes: number; sessionMaxHours: number }): SessionLimits => ({
  idleMinutes: config.sessionIdleMinutes,
  maxHours: config.sessionMaxHours,
});

export interface Officer {
  userId: string;
  email: string;
  role: Role;
  csrfToken: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** Only rewrite `last_seen_at` when it moved by this much: a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Starts a session; returns the cookie's token (shown once) and the CSRF token the console sends back. A single
 * sign-on keeps the provider's `idToken`, to sign out there as well.
 */
export async function startSession(db: Kysely<Database>, userId: string, now: Date, idToken?: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      id_token: idToken ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** The officer a cookie's token stands for, or undefined when it is unknown, expired or its account disabled. */
export async function sessionOfficer(
  db: Kysely<Database>,
  token: string,
  limits: SessionLimits,
  now: Date,
): Promise<Officer | undefined> {
  const tokenHash = hashOf(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.email',
      'users.role',
      'users.disabled_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  const ageMs = now.getTime() - Date.parse(row.created_at);
  if (
    row.disabled_at ||
    !isRole(row.role) ||
    idleMs > limits.idleMinutes * 60_000 ||
    ageMs > limits.maxHours * 3_600_000
  ) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return undefined;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { userId: row.user_id, email: row.email, role: row.role, csrfToken: row.csrf_token };
}

/** Ends a session; returns the provider's ID token when it was a single sign-on (to sign out there too). */
export async function endSession(db: Kysely<Database>, token: string): Promise<string | undefined> {
  const ended = await db
    .deleteFrom('sessions')
    .where('token_hash', '=', hashOf(token))
    .returning('id_token')
    .executeTakeFirst();
  return ended?.id_token ?? undefined;
}
