// Signing in to the officers' console: POST /admin/session with an email and password gives the session cookie
// and the CSRF token; GET tells the console who is signed in; DELETE signs out. Guessing is throttled per
// account and per address (auth/throttle.ts), and the answer to a wrong email is the same as to a wrong password.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as z from 'zod';
import { providerFor } from '../auth/oidc.js';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../auth/passwords.js';
import { endSession, SESSION_COOKIE, sessionLimits, startSession } from '../auth/sessions.js';
import { clearFailures, lockedFor, recordFailure } from '../auth/throttle.js';
import { findUserForSignIn, normaliseEmail } from '../auth/users.js';
import type { AppContext } from '../context.js';
import { adminGuard } from '../http/admin-auth.js';
import { HttpProblem } from '../http/problems.js';
import { parseOr422 } from '../http/validation.js';
import { audit } from '../store/audit.js';

const SignIn = z.object({ email: z.string().max(254), password: z.string().min(1).max(1024) });

const cookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'strict' as const, path: '/', secure });

/** The sign-in route, outside the admin guard (nobody is signed in yet). */
export async function signInRoutes(app: FastifyInstance, ctx: AppContext) {
  const now = ctx.now;
  app.post('/session', async (request, reply: FastifyReply) => {
    const { email, password } = parseOr422(SignIn, request.body, 'Enter your email and password');
    const accountKey = `account:${normaliseEmail(email)}`;
    // Addresses are personal data: the database keeps a digest of them.
    const addressKey = `address:${createHash('sha256').update(request.ip).digest('hex')}`;
    const wait = await lockedFor(ctx.db, [accountKey, addressKey], now());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpProblem(429, 'sign-in-throttled', 'Too many failed sign-ins', {
        detail: `Try again in ${Math.ceil(seconds / 60)} minutes.`,
        headers: { 'Retry-After': String(seconds) },
      });
    }
    const user = await findUserForSignIn(ctx.db, email);
    // Always verify a hash, so that an unknown email takes as long as a wrong password.
    const matches = await verifyPassword(password, user?.password_hash ?? (await UNKNOWN_ACCOUNT_HASH));
    if (!user?.password_hash || user.disabled_at || !matches) {
      await recordFailure(ctx.db, [accountKey, addressKey], now());
      throw new HttpProblem(401, 'sign-in-failed', 'The email or password is not right');
    }
    await clearFailures(ctx.db, accountKey);
    const { token, csrfToken } = await startSession(ctx.db, user.id, now());
    await audit(ctx.db, user, 'session.start', `user:${user.email}`, {}, now());
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https'));
    return { email: user.email, role: user.role, csrfToken };
  });
}

/** Who is signed in, and signing out: behind the admin guard like the other admin routes. */
export async function sessionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addHook(
    'onRequest',
    adminGuard({ db: ctx.db, token: ctx.config.adminToken, sessions: sessionLimits(ctx.config), now: ctx.now }),
  );
  app.get('/session', { config: { role: 'viewer' } }, async (request) => {
    const { email, role, csrfToken } = request.actor!;
    return { email, role, csrfToken };
  });
  app.delete('/session', { config: { role: 'viewer' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const idToken = token ? await endSession(ctx.db, token) : undefined;
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
    // Signed in through the council's provider: the console then sends the browser there to sign out too.
    const logoutUrl =
      idToken && ctx.config.oidc
        ? await providerFor(ctx.config.oidc).logoutUrl(idToken, new URL('/admin/', ctx.config.oidc.redirectUrl).href)
        : undefined;
    if (logoutUrl) return { logoutUrl: logoutUrl.href };
    return reply.code(204).send();
  });
}
