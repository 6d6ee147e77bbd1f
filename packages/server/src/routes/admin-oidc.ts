// Single sign-on for the officers' console (auth/oidc.ts): GET /admin/sign-in-options tells the sign-in page
// whether to offer it; GET /admin/oidc/start sends the browser to the council's provider and GET
// /admin/oidc/callback takes the provider's answer, then starts the same session as a password sign-in would
// and returns to the console. A refusal returns to the console with its reason (`?sign-in-error=no-role`),
// which the sign-in page shows in words. Outside the admin guard: nobody is signed in yet.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OidcSignInError, providerFor, SIGN_IN_WINDOW_MS } from '../auth/oidc.js';
import { officerFromClaims } from '../auth/oidc-officer.js';
import { endSession, SESSION_COOKIE, startSession } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { audit } from '../store/audit.js';

/** Holds the key to the sign-in under way; Lax, not Strict: it must come back with the provider's redirect. */
const SIGN_IN_COOKIE = 'civic_oidc';
const SIGN_IN_COOKIE_PATH = '/api/v1/admin/oidc/';
const CONSOLE = '/admin/';

export async function oidcRoutes(app: FastifyInstance, ctx: AppContext) {
  const { config } = ctx;
  app.get('/sign-in-options', async () => ({ singleSignOn: config.oidc !== undefined }));
  if (!config.oidc) return;
  const provider = providerFor(config.oidc);
  const roleClaim = config.oidc.roleClaim;
  const redirectUrl = config.oidc.redirectUrl;

  app.get('/oidc/start', async (request, reply) => {
    try {
      const { url, key } = await provider.start(ctx.db, ctx.now());
      reply.setCookie(SIGN_IN_COOKIE, key, {
        httpOnly: true,
        sameSite: 'lax',
        path: SIGN_IN_COOKIE_PATH,
        secure: request.protocol === 'https',
        maxAge: SIGN_IN_WINDOW_MS / 1000,
      });
      return reply.redirect(url.href, 303);
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.get('/oidc/callback', async (request, reply) => {
    const key = request.cookies[SIGN_IN_COOKIE];
    reply.clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_COOKIE_PATH });
    try {
      // The provider's answer as addressed to our registered redirect URL (a proxy may have rewritten the host).
      const callbackUrl = new URL(redirectUrl);
      callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
      const { claims, idToken } = await provider.finish(ctx.db, key, callbackUrl, ctx.now());
      const officer = await officerFromClaims(ctx.db, claims, roleClaim, ctx.now());
      // A session the browser already had is ended, and a new one starts: no session fixation.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await endSession(ctx.db, previous);
      const { token } = await startSession(ctx.db, officer.id, ctx.now(), idToken);
      await audit(
        ctx.db,
        officer,
        'session.start',
        `user:${officer.email}`,
        { via: 'oidc', role: officer.role },
        ctx.now(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
      });
      return reply.redirect(CONSOLE, 303);
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  /** Back to the console with the reason; the log keeps the reason and the library's error code, never claims. */
  function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (!(error instanceof OidcSignInError)) throw error;
    const cause = error.cause as { code?: unknown; error?: unknown } | undefined;
    request.log.warn({ reason: error.reason, code: cause?.code, error: cause?.error }, 'single sign-on refused');
    return reply.redirect(`${CONSOLE}?sign-in-error=${error.reason}`, 303);
  }
}
