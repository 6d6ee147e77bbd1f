// A real OpenID Connect provider for the single sign-on tests: `oidc-provider` (a certified OpenID provider) on a
// loopback port, with one confidential client and the accounts a test gives. Its own development pages do the
// login (any password) and the consent; the accounts' claims (email, role) come from UserInfo, as many
// providers give them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'civic-console';
export const TEST_CLIENT_SECRET = 'a-client-secret-for-tests-only-0123456789';

export interface TestProvider {
  issuer: string;
  /** Adds or replaces an account: the login name at the provider is its subject. */
  account(subject: string, claims: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Starts a provider that sends officers back to `redirectUri` (the console's registered callback). */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [new URL('/admin/', redirectUri).href],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], civic: ['civic_role', 'groups'] },
    scopes: ['openid', 'email', 'civic'],
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    findAccount: async (_ctx, subject) =>
      accounts.has(subject)
        ? { accountId: subject, claims: async () => ({ sub: subject, ...accounts.get(subject) }) }
        : undefined,
  });
  http.on('request', provider.callback());
  return {
    issuer,
    account: (subject, claims) => void accounts.set(subject, claims),
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
