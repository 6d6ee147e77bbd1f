// Single sign-on through the council's OpenID Connect provider, with `openid-client` (a certified relying party
// library): the authorization code flow with PKCE, state and nonce, the provider found by discovery. What waits
// between leaving for the provider and coming back (state, nonce, PKCE verifier) stays in the database; the
// browser only carries a random key to it, in a short-lived cookie, so the answer is bound to the browser that
// asked and used once.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.js';
import type { Database } from '../db/schema.js';

/** How long an officer has at the provider before the sign-in must start again. */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** Why a sign-in through the provider was refused; the console shows each in words (strings `oidc.errors`). */
export type OidcRefusal = 'failed' | 'unavailable' | 'no-role' | 'no-email' | 'disabled';

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcRefusal,
    options?: { cause?: unknown },
  ) {
    super(`single sign-on refused: ${reason}`, options);
  }
}

const providers = new WeakMap<OidcConfig, ReturnType<typeof oidcProvider>>();

/** The provider of this configuration, shared by the sign-in and sign-out routes (one discovery). */
export function providerFor(config: OidcConfig) {
  if (!providers.has(config)) providers.set(config, oidcProvider(config));
  return providers.get(config)!;
}

/** The provider as discovered, once per server (again after a failure: the provider may have been down). */
function oidcProvider(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(config.issuer);
    const authentication = config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None();
    // Plain http is only accepted for a provider on this machine (config.ts), such as the tests' own.
    const insecure = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    return client.discovery(issuer, config.clientId, undefined, authentication, insecure);
  };
  const configuration = async () => {
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined;
      throw new OidcSignInError('unavailable', { cause: error });
    });
    return discovered;
  };

  return {
    /** Starts a sign-in: the provider's URL to send the browser to, and the key the browser keeps meanwhile. */
    async start(db: Kysely<Database>, now: Date): Promise<{ url: URL; key: string }> {
      const provider = await configuration();
      const key = randomBytes(32).toString('base64url');
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      // Sign-ins abandoned at the provider are cleared as new ones start.
      const stale = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
      await db.deleteFrom('oidc_sign_ins').where('created_at', '<', stale).execute();
      await db
        .insertInto('oidc_sign_ins')
        .values({ key_hash: hashOf(key), state, nonce, code_verifier: codeVerifier, created_at: now.toISOString() })
        .execute();
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUrl,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, key };
    },

    /**
     * Completes a sign-in from the provider's answer (`callbackUrl`, as the browser requested it) and the
     * browser's key: the verified claims of the ID token, completed from the UserInfo endpoint, and the ID token
     * itself (the hint for signing out at the provider). Throws
     * OidcSignInError('failed') for an unknown, used or expired key, a wrong state or any check that fails.
     */
    async finish(db: Kysely<Database>, key: string | undefined, callbackUrl: URL, now: Date) {
      const provider = await configuration();
      const pending = key ? await takeSignIn(db, key) : undefined;
      if (!pending || now.getTime() - Date.parse(pending.created_at) > SIGN_IN_WINDOW_MS) {
        throw new OidcSignInError('failed');
      }
      try {
        const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims()!;
        // Providers differ in what they put in the ID token; the rest of the asked claims are at UserInfo.
        const userInfo = provider.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub)
          : {};
        const claims = { ...userInfo, ...idClaims } as Record<string, unknown> & { iss: string; sub: string };
        return { claims, idToken: tokens.id_token! };
      } catch (error) {
        throw new OidcSignInError('failed', { cause: error });
      }
    },

    /**
     * Where to send the browser to end the officer's session at the provider as well (RP-initiated logout),
     * coming back to `returnTo`; undefined when the provider offers no such endpoint or cannot be reached.
     */
    async logoutUrl(idToken: string, returnTo: string): Promise<URL | undefined> {
      const provider = await configuration().catch(() => undefined);
      if (!provider?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(provider, { id_token_hint: idToken, post_logout_redirect_uri: returnTo });
    },
  };
}

/** The sign-in waiting under `key`, removed as it is read: a provider's answer is used once. */
async function takeSignIn(db: Kysely<Database>, key: string) {
  const keyHash = hashOf(key);
  const row = await db.selectFrom('oidc_sign_ins').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  if (!row) return undefined;
  const { numDeletedRows } = await db.deleteFrom('oidc_sign_ins').where('key_hash', '=', keyHash).executeTakeFirst();
  // Two requests with the same key at once: only the one that deleted the row goes on.
  return numDeletedRows > 0n ? row : undefined;
}
