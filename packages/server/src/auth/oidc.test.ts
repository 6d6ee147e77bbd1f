// Single sign-on (issue 16) against a real OpenID Connect provider run in-process (test-support/oidc-provider.ts):
// the whole authorization code flow as a browser makes it (redirects, the provider's login and consent pages,
// cookies per site), then what the console's session and the database hold.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ConfigError, readConfig } from '../config.js';
import { type TestServer, testServer } from '../test-support/harness.js';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../test-support/oidc-provider.js';
import { roleFromClaims } from './oidc-officer.js';
import { addUser, disableUser } from './users.js';

const CONSOLE = 'http://console.test';
const CALLBACK = `${CONSOLE}/api/v1/admin/oidc/callback`;

interface Answer {
  status: number;
  location?: string;
  body: string;
  cookies: string[];
}

/**
 * A browser enough for the flow: one cookie jar per origin (names and values; paths and expiry are not needed
 * here), redirects followed by hand. The console is reached through `inject`, the provider over loopback.
 */
class FlowBrowser {
  readonly jars = new Map<string, Map<string, string>>();
  constructor(private readonly t: TestServer) {}

  jar(origin: string) {
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    return this.jars.get(origin)!;
  }

  private keep(origin: string, setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '';
      if (expired) this.jar(origin).delete(name);
      else this.jar(origin).set(name, value);
    }
  }

  async request(url: string, form?: Record<string, string>): Promise<Answer> {
    const { origin, pathname, search } = new URL(url);
    const cookie = [...this.jar(origin)].map(([name, value]) => `${name}=${value}`).join('; ');
    let answer: Answer;
    if (origin === CONSOLE) {
      const response = await this.t.app.inject({
        method: 'GET',
        url: pathname + search,
        headers: cookie ? { cookie } : {},
      });
      const setCookie = response.headers['set-cookie'] ?? [];
      answer = {
        status: response.statusCode,
        location: response.headers.location as string | undefined,
        body: response.body,
        cookies: Array.isArray(setCookie) ? setCookie : [setCookie],
      };
    } else {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      answer = {
        status: response.status,
        location: response.headers.get('location') ?? undefined,
        body: await response.text(),
        cookies: response.headers.getSetCookie(),
      };
    }
    this.keep(origin, answer.cookies);
    if (answer.location) answer.location = new URL(answer.location, url).href;
    return answer;
  }

  /**
   * Starts single sign-on at the console and goes through the provider as `login`, filling each page it shows
   * (login, consent). Returns the console's answer to the provider's redirect, and the callback URL it took.
   */
  async signIn(login: string, tamper: (callback: URL) => void = () => {}) {
    let answer = await this.request(`${CONSOLE}/api/v1/admin/oidc/start`);
    assert.equal(answer.status, 303, answer.body);
    for (let step = 0; step < 12; step++) {
      const here: string = answer.location!;
      if (here.startsWith(CALLBACK)) {
        const callback = new URL(here);
        tamper(callback);
        return { answer: await this.request(callback.href), callback };
      }
      answer = await this.request(here);
      if (answer.status === 200) {
        const action = /<form[^>]*action="([^"]+)"/.exec(answer.body)?.[1];
        const prompt = /name="prompt" value="(\w+)"/.exec(answer.body)?.[1];
        assert.ok(action && prompt, `a page without a form at ${here}:\n${answer.body}`);
        const form: Record<string, string> = { prompt };
        if (prompt === 'login') Object.assign(form, { login, password: 'any password' });
        answer = await this.request(new URL(action, here).href, form);
      }
      assert.ok(answer.status >= 300 && answer.status < 400, `${answer.status} at ${here}: ${answer.body}`);
    }
    throw new Error('the flow never came back to the console');
  }
}

const sessionCookie = (answer: Answer) => /civic_session=([^;]+)/.exec(answer.cookies.join('\n'))?.[1];

describe('single sign-on with OpenID Connect', () => {
  let provider: TestProvider;
  let t: TestServer;
  const oidcConfig = (roleClaim = 'civic_role') => ({
    issuer: provider.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    roleClaim,
    scopes: 'openid email civic',
    redirectUrl: CALLBACK,
  });
  before(async () => {
    provider = await startTestProvider(CALLBACK);
    provider.account('ed', { email: 'Ed@Council.example', email_verified: true, civic_role: 'editor' });
    provider.account('vi', { email: 'vi@council.example', email_verified: true, groups: ['staff', 'viewer'] });
    provider.account('norole', { email: 'norole@council.example', email_verified: true });
    provider.account('badrole', { email: 'badrole@council.example', email_verified: true, civic_role: 'superuser' });
    provider.account('gone', { email: 'gone@council.example', email_verified: true, civic_role: 'admin' });
    t = await testServer({ oidc: oidcConfig() });
  });
  after(async () => {
    await t?.close();
    await provider?.close();
  });

  it('tells the sign-in page that single sign-on is offered', async () => {
    const response = await t.get('/api/v1/admin/sign-in-options');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(t.json(response), { singleSignOn: true });
  });

  it('signs an officer in with the role from the claim: the session cookie, the account, the audit entry', async () => {
    const browser = new FlowBrowser(t);
    // A session cookie the browser already had (perhaps planted) is not the one it ends up with.
    browser.jar(CONSOLE).set('civic_session', 'planted-by-someone-else');
    const { answer, callback } = await browser.signIn('ed');
    assert.equal(answer.status, 303, answer.body);
    assert.equal(answer.location, `${CONSOLE}/admin/`);
    assert.ok(callback.searchParams.get('code'), 'the provider sent a code');
    const start = await new FlowBrowser(t).request(`${CONSOLE}/api/v1/admin/oidc/start`);
    const authorize = new URL(start.location!);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256', 'PKCE');
    assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));
    assert.match(
      String(start.cookies),
      /civic_oidc=[\w-]{43}; Max-Age=600; Path=\/api\/v1\/admin\/oidc\/; HttpOnly; SameSite=Lax/,
    );

    const token = sessionCookie(answer);
    assert.ok(token && token !== 'planted-by-someone-else', 'a new session id');
    assert.match(answer.cookies.join('\n'), /civic_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const me = await t.get('/api/v1/admin/session', { cookie: `civic_session=${token}` });
    assert.equal(me.statusCode, 200, me.body);
    assert.equal(t.json(me).email, 'ed@council.example');
    assert.equal(t.json(me).role, 'editor');

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ed@council.example')
      .executeTakeFirst();
    assert.equal(user?.role, 'editor');
    assert.equal(user?.oidc_issuer, provider.issuer);
    assert.equal(user?.oidc_subject, 'ed');
    assert.equal(user?.password_hash, null, 'no password: it signs in through the provider only');
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'session.start')
      .where('actor', '=', 'ed@council.example')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.details), { via: 'oidc', role: 'editor' });

    // Signing in again in the same browser finds the same account, ends the old session and starts a new one.
    const again = await browser.signIn('ed');
    assert.ok(sessionCookie(again.answer));
    assert.notEqual(sessionCookie(again.answer), token);
    assert.equal((await t.get('/api/v1/admin/session', { cookie: `civic_session=${token}` })).statusCode, 401);
    const users = await t.db.selectFrom('users').select('id').where('oidc_subject', '=', 'ed').execute();
    assert.equal(users.length, 1);
  });

  it('signs out at the provider too: the console is given its logout address, and the provider comes back', async () => {
    const browser = new FlowBrowser(t);
    const { answer } = await browser.signIn('ed');
    const cookie = `civic_session=${sessionCookie(answer)}`;
    const { csrfToken } = t.json(await t.get('/api/v1/admin/session', { cookie })) as { csrfToken: string };
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/admin/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(out.statusCode, 200, out.body);
    const logoutUrl = new URL((t.json(out) as { logoutUrl: string }).logoutUrl);
    assert.equal(logoutUrl.origin, provider.issuer);
    assert.ok(logoutUrl.searchParams.get('id_token_hint'));
    assert.equal(logoutUrl.searchParams.get('post_logout_redirect_uri'), `${CONSOLE}/admin/`);
    assert.equal((await t.get('/api/v1/admin/session', { cookie })).statusCode, 401, 'our session ended');

    // At the provider: it asks, the officer confirms, and it sends the browser back to the console.
    const page = await browser.request(logoutUrl.href);
    assert.equal(page.status, 200, page.body);
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(action && xsrf, page.body);
    const confirmed = await browser.request(new URL(action, logoutUrl).href, { xsrf, logout: 'yes' });
    assert.equal(confirmed.location, `${CONSOLE}/admin/`);

    // A password sign-in has nothing to end at the provider.
    await addUser(
      t.db,
      { email: 'pw@council.example', role: 'viewer', password: 'a long enough password' },
      new Date(),
    );
    const local = await t.post('/api/v1/admin/session', {
      email: 'pw@council.example',
      password: 'a long enough password',
    });
    const localCookie = `civic_session=${/civic_session=([^;]+)/.exec(String(local.headers['set-cookie']))?.[1]}`;
    const localOut = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/admin/session',
      headers: { cookie: localCookie, 'x-csrf-token': (t.json(local) as { csrfToken: string }).csrfToken },
    });
    assert.equal(localOut.statusCode, 204);
  });

  it('takes the highest role from a list claim', async () => {
    const other = await testServer({ oidc: oidcConfig('groups') });
    try {
      const { answer } = await new FlowBrowser(other).signIn('vi');
      const me = await other.get('/api/v1/admin/session', { cookie: `civic_session=${sessionCookie(answer)}` });
      assert.equal(t.json(me).role, 'viewer');
    } finally {
      await other.close();
    }
  });

  it('refuses a sign-in without a valid role, with the reason for the console, and stores no account', async () => {
    for (const login of ['norole', 'badrole']) {
      const { answer } = await new FlowBrowser(t).signIn(login);
      assert.equal(answer.status, 303);
      assert.equal(answer.location, `${CONSOLE}/admin/?sign-in-error=no-role`);
      assert.equal(sessionCookie(answer), undefined);
      const user = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${login}@council.example`)
        .execute();
      assert.deepEqual(user, []);
    }
  });

  it('refuses an answer whose state is not the one sent, and an answer used twice', async () => {
    const browser = new FlowBrowser(t);
    const { answer } = await browser.signIn('ed', (callback) => callback.searchParams.set('state', 'forged'));
    assert.equal(answer.location, `${CONSOLE}/admin/?sign-in-error=failed`);
    assert.equal(sessionCookie(answer), undefined);

    // The right answer with the right key, replayed: the pending sign-in was used up by the first.
    const second = new FlowBrowser(t);
    let key = '';
    const { answer: first, callback } = await second.signIn('ed', () => {
      key = second.jar(CONSOLE).get('civic_oidc') ?? '';
    });
    assert.equal(first.location, `${CONSOLE}/admin/`);
    assert.match(key, /^[\w-]{43}$/);
    second.jar(CONSOLE).set('civic_oidc', key);
    const replay = await second.request(callback.href);
    assert.equal(replay.location, `${CONSOLE}/admin/?sign-in-error=failed`);
    assert.equal(sessionCookie(replay), undefined);
  });

  it('refuses an answer that comes back to another browser (no pending sign-in there)', async () => {
    const { callback } = await new FlowBrowser(t).signIn('ed', () => {});
    const stranger = await new FlowBrowser(t).request(callback.href);
    assert.equal(stranger.location, `${CONSOLE}/admin/?sign-in-error=failed`);
  });

  it('keeps a disabled account out, and links a local account by its verified email', async () => {
    await addUser(
      t.db,
      { email: 'gone@council.example', role: 'viewer', password: 'a long enough password' },
      new Date(),
    );
    await disableUser(t.db, 'gone@council.example', new Date());
    const { answer } = await new FlowBrowser(t).signIn('gone');
    assert.equal(answer.location, `${CONSOLE}/admin/?sign-in-error=disabled`);
    assert.equal(sessionCookie(answer), undefined);

    await addUser(
      t.db,
      { email: 'local@council.example', role: 'viewer', password: 'a long enough password' },
      new Date(),
    );
    provider.account('loc', { email: 'local@council.example', email_verified: true, civic_role: 'admin' });
    const linked = await new FlowBrowser(t).signIn('loc');
    assert.equal(linked.answer.location, `${CONSOLE}/admin/`);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'local@council.example')
      .executeTakeFirst();
    assert.equal(user?.oidc_subject, 'loc');
    assert.equal(user?.role, 'admin', 'the provider decides the role');

    // Disabled after signing in: the session ends, and the next sign-in is refused.
    const token = sessionCookie(linked.answer);
    await disableUser(t.db, 'local@council.example', new Date());
    const me = await t.get('/api/v1/admin/session', { cookie: `civic_session=${token}` });
    assert.equal(me.statusCode, 401);
    const refused = await new FlowBrowser(t).signIn('loc');
    assert.equal(refused.answer.location, `${CONSOLE}/admin/?sign-in-error=disabled`);
  });

  it('counts starting a sign-in against the anonymous read limit: each start stores a pending sign-in', async () => {
    const limited = await testServer({ oidc: oidcConfig(), readLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.get('/api/v1/admin/oidc/start')).statusCode);
      assert.deepEqual(codes, [303, 303, 303, 429]);
      const pending = await limited.db.selectFrom('oidc_sign_ins').select('key_hash').execute();
      assert.equal(pending.length, 3);
    } finally {
      await limited.close();
    }
  });

  it('logs a refusal with its reason and nothing personal', async () => {
    const lines: string[] = [];
    const logged = await testServer({
      oidc: oidcConfig(),
      logger: true,
      logLevel: 'info',
      logStream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    try {
      const { answer } = await new FlowBrowser(logged).signIn('norole');
      assert.equal(answer.location, `${CONSOLE}/admin/?sign-in-error=no-role`);
      const refusals = lines.filter((line) => line.includes('single sign-on refused'));
      assert.equal(refusals.length, 1, lines.join(''));
      assert.equal(JSON.parse(refusals[0]!).reason, 'no-role');
      const all = lines.join('');
      for (const personal of ['norole@council.example', 'code=', 'state='])
        assert.ok(!all.includes(personal), personal);
    } finally {
      await logged.close();
    }
  });

  it('sends the officer back told the provider cannot be reached', async () => {
    const down = await testServer({ oidc: { ...oidcConfig(), issuer: 'http://127.0.0.1:1' } });
    try {
      const response = await down.get('/api/v1/admin/oidc/start');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/admin/?sign-in-error=unavailable');
    } finally {
      await down.close();
    }
  });

  it('is not offered, and its routes do not exist, when it is not configured', async () => {
    const plain = await testServer();
    try {
      assert.deepEqual(plain.json(await plain.get('/api/v1/admin/sign-in-options')), { singleSignOn: false });
      assert.equal((await plain.get('/api/v1/admin/oidc/start')).statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('the role claim', () => {
  it('is one role, or the highest role in a list, or a dotted path; anything else is no role', () => {
    assert.equal(roleFromClaims({ civic_role: 'editor' }, 'civic_role'), 'editor');
    assert.equal(roleFromClaims({ roles: ['viewer', 'admin', 'x'] }, 'roles'), 'admin');
    assert.equal(roleFromClaims({ realm_access: { roles: ['editor'] } }, 'realm_access.roles'), 'editor');
    assert.equal(
      roleFromClaims({ 'https://council.example/role': 'viewer' }, 'https://council.example/role'),
      'viewer',
    );
    assert.equal(roleFromClaims({ civic_role: 'Admin' }, 'civic_role'), undefined);
    assert.equal(roleFromClaims({ civic_role: ['owner'] }, 'civic_role'), undefined);
    assert.equal(roleFromClaims({}, 'civic_role'), undefined);
  });
});

describe('single sign-on configuration', () => {
  const base = { CIVIC_OIDC_ISSUER: 'https://login.council.example', CIVIC_OIDC_CLIENT_ID: 'console' };
  it('needs a client id with the issuer, and an issuer with a client id', () => {
    assert.throws(
      () => readConfig({ CIVIC_OIDC_ISSUER: 'https://login.council.example' }),
      (error: Error) => error instanceof ConfigError && /CIVIC_OIDC_CLIENT_ID must be set/.test(error.message),
    );
    assert.throws(() => readConfig({ CIVIC_OIDC_CLIENT_ID: 'console' }), /CIVIC_OIDC_ISSUER must be set/);
    assert.throws(() => readConfig({ CIVIC_OIDC_CLIENT_SECRET: 's' }), /CIVIC_OIDC_ISSUER must be set/);
  });
  it('refuses a provider over plain http except on this machine, and scopes without openid', () => {
    assert.throws(() => readConfig({ ...base, CIVIC_OIDC_ISSUER: 'http://login.council.example' }), /https:\/\//);
    assert.throws(() => readConfig({ ...base, CIVIC_OIDC_ISSUER: 'login.council.example' }), /CIVIC_OIDC_ISSUER/);
    assert.throws(() => readConfig({ ...base, CIVIC_OIDC_SCOPES: 'email profile' }), /must include openid/);
    assert.equal(
      readConfig({ ...base, CIVIC_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer,
      'http://127.0.0.1:9000',
    );
  });
  it('derives the redirect URL from the public address, with defaults for the claim and scopes', () => {
    const config = readConfig({ ...base, CIVIC_PUBLIC_URL: 'https://civic.council.example/' });
    assert.deepEqual(config.oidc, {
      issuer: 'https://login.council.example',
      clientId: 'console',
      clientSecret: undefined,
      roleClaim: 'civic_role',
      scopes: 'openid email',
      redirectUrl: 'https://civic.council.example/api/v1/admin/oidc/callback',
    });
    assert.equal(readConfig({}).oidc, undefined);
    const explicit = readConfig({ ...base, CIVIC_OIDC_REDIRECT_URL: 'https://console.council.example/cb' });
    assert.equal(explicit.oidc?.redirectUrl, 'https://console.council.example/cb');
  });
});
