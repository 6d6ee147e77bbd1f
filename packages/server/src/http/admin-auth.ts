// Who is calling the admin API, and whether they may: an officer signed in to the console (session cookie, with
// the CSRF token on every change), or a script with the bearer token (CIVIC_ADMIN_TOKEN, acting as an admin).
// Every admin route declares the least role it needs (auth/roles.ts); this checks it on every request.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { allows, type Role } from '../auth/roles.js';
import { SESSION_COOKIE, type SessionLimits, sessionOfficer } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { HttpProblem } from './problems.js';

/** The caller of an admin route: `email` is what the audit log records (`token` for the bearer token). */
export interface AdminActor {
  email: string;
  role: Role;
  /** A signed-in officer's CSRF token (none for the bearer token). */
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin guard on every admin route. */
    actor?: AdminActor;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (given: string, expected: Buffer) => timingSafeEqual(digest(given), expected);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The same bare 401 for a missing, wrong or expired credential: no hint, no data. */
const unauthorized = () =>
  new HttpProblem(401, 'unauthorized', 'Unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });

export interface AdminGuardOptions {
  db: Kysely<Database>;
  /** The bearer token of scripts; without it, only signed-in officers get in. */
  token?: string;
  sessions: SessionLimits;
  now: () => Date;
}

/** Identifies the caller, checks the CSRF token of a session's changes, then the route's role. */
export function adminGuard({ db, token, sessions, now }: AdminGuardOptions) {
  const expected = token ? digest(token) : undefined;
  return async (request: FastifyRequest) => {
    const actor = await identify(request);
    const needed = request.routeOptions.config.role;
    // A route without a role is a programming error: refuse rather than let it through.
    if (!needed || !allows(actor.role, needed)) {
      throw new HttpProblem(403, 'forbidden', 'Your role does not allow this', {
        detail: needed ? `This needs the ${needed} role; you have ${actor.role}.` : undefined,
      });
    }
    request.actor = actor;
  };

  async function identify(request: FastifyRequest): Promise<AdminActor> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      // Constant time (comparing digests, so the length leaks nothing).
      const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!expected || !bearer || !sameSecret(bearer, expected)) throw unauthorized();
      return { email: 'token', role: 'admin' };
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    const officer = sessionToken ? await sessionOfficer(db, sessionToken, sessions, now()) : undefined;
    if (!officer) throw unauthorized();
    // SameSite=Strict already keeps the cookie off other sites' requests; the token is the second lock, for
    // browsers or proxies that do not honour it.
    if (!SAFE_METHODS.has(request.method)) {
      const csrf = request.headers['x-csrf-token'];
      if (typeof csrf !== 'string' || !sameSecret(csrf, digest(officer.csrfToken))) {
        throw new HttpProblem(403, 'csrf', 'This change did not come from the console', {
          detail: 'Reload the console and try again.',
        });
      }
    }
    return { email: officer.email, role: officer.role, csrfToken: officer.csrfToken };
  }
}
