// Officers' accounts (issue 16): passwords, sign-in, the session cookie, CSRF, expiry, throttling, disabling,
// and the role every admin route needs, checked for every route and every role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { assertProblem, newKey, type TestServer, testServer } from '../test-support/harness.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { ROLES, type Role } from './roles.js';
import { addUser, disableUser } from './users.js';

const PASSWORD = 'correct horse battery staple';

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified only by the right password', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    assert.match(first, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(first, second, 'a fresh salt each time');
    assert.equal(await verifyPassword(PASSWORD, first), true);
    assert.equal(await verifyPassword('correct horse battery stapler', first), false);
    assert.equal(await verifyPassword(PASSWORD, 'plain-text'), false);
  });
});

/** A clock the tests move. */
function clock(start = Date.parse('2026-12-05T09:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
const MINUTE = 60_000;

function cookieOf(response: LightMyRequestResponse) {
  const header = String(response.headers['set-cookie'] ?? '');
  return { header, value: /civic_session=([^;]+)/.exec(header)?.[1] };
}

describe('signing in to the console', () => {
  const time = clock();
  let t: TestServer;
  before(async () => {
    t = await testServer({ now: time.now, trustProxy: true });
    for (const role of ROLES) {
      await addUser(t.db, { email: `${role}@council.example`, role, password: PASSWORD }, time.now());
    }
  });
  after(() => t.close());

  const signIn = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    t.post('/api/v1/admin/session', { email, password }, headers);
  async function session(email: string) {
    const response = await signIn(email);
    assert.equal(response.statusCode, 200, response.body);
    const { csrfToken } = t.json(response) as { csrfToken: string };
    return { cookie: `civic_session=${cookieOf(response).value}`, csrfToken };
  }

  it('gives an HttpOnly, SameSite=Strict cookie (Secure under https) and the CSRF token', async () => {
    const response = await signIn('Editor@Council.example ');
    assert.equal(response.statusCode, 200);
    const body = t.json(response);
    assert.equal(body.email, 'editor@council.example');
    assert.equal(body.role, 'editor');
    assert.match(String(body.csrfToken), /^[\w-]{43}$/);
    const { header, value } = cookieOf(response);
    assert.match(header, /HttpOnly/);
    assert.match(header, /SameSite=Strict/);
    assert.match(header, /Path=\//);
    assert.doesNotMatch(header, /Secure/);
    assert.ok(value && value.length >= 43);
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(
      stored.every((row) => row.token_hash !== value),
      'the database keeps a digest, not the token',
    );

    const secure = await signIn('viewer@council.example', PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.match(cookieOf(secure).header, /Secure/);
  });

  it('never keeps a session id the browser brought (no session fixation)', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdefghij';
    const response = await signIn('editor@council.example', PASSWORD, { cookie: `civic_session=${planted}` });
    assert.equal(response.statusCode, 200);
    const { value } = cookieOf(response);
    assert.ok(value && value !== planted, 'a new session id on sign-in');
    const withPlanted = await t.get('/api/v1/admin/session', { cookie: `civic_session=${planted}` });
    assertProblem(withPlanted, 401, 'unauthorized');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await signIn('admin@council.example', 'not the password at all');
    const unknown = await signIn('nobody@council.example', 'not the password at all');
    assertProblem(wrong, 401, 'sign-in-failed');
    assertProblem(unknown, 401, 'sign-in-failed');
    assert.equal(wrong.body.replace(/"instance":"[^"]*"/, ''), unknown.body.replace(/"instance":"[^"]*"/, ''));
    assert.equal(wrong.headers['set-cookie'], undefined);
  });

  it('a change needs the CSRF token; the audit log records who made it', async () => {
    const { cookie, csrfToken } = await session('editor@council.example');
    const body = { status: 'closed' };
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    assertProblem(without, 403, 'csrf');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(43) },
      payload: JSON.stringify(body),
    });
    assertProblem(wrong, 403, 'csrf');
    const reading = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { cookie },
    });
    assert.equal(reading.statusCode, 200, 'reads need no token');

    const done = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      payload: JSON.stringify({ title: 'Safer crossings near every school' }),
    });
    assert.equal(done.statusCode, 200, done.body);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'petition.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor, 'editor@council.example');
    assert.equal(entry.target, 'petition:safer-crossings');
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    const idle = await session('viewer@council.example');
    const who = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } });
    time.advance(29 * MINUTE);
    assert.equal((await who(idle.cookie)).statusCode, 200);
    time.advance(29 * MINUTE);
    assert.equal((await who(idle.cookie)).statusCode, 200, 'each request restarts the idle time');
    time.advance(31 * MINUTE);
    assertProblem(await who(idle.cookie), 401, 'unauthorized');

    const busy = await session('viewer@council.example');
    // A request every 20 minutes for 11 h 40 min, then one 21 minutes later: idle for less than 30, but 12 h 1 min old.
    for (let i = 0; i < 35; i++) {
      time.advance(20 * MINUTE);
      assert.equal((await who(busy.cookie)).statusCode, 200);
    }
    time.advance(21 * MINUTE);
    assertProblem(await who(busy.cookie), 401, 'unauthorized');
  });

  it('signing out ends the session', async () => {
    const { cookie, csrfToken } = await session('viewer@council.example');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/admin/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /civic_session=;/);
    assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } }), 401);
  });

  it('throttles an account after 5 failed sign-ins for 15 minutes, even with the right password', async () => {
    await addUser(t.db, { email: 'guessed@council.example', role: 'viewer', password: PASSWORD }, time.now());
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 5; i++) assertProblem(await signIn('guessed@council.example', `guess number ${i}`, from), 401);
    const locked = await signIn('guessed@council.example', PASSWORD, { 'x-forwarded-for': '198.51.100.9' });
    assertProblem(locked, 429, 'sign-in-throttled');
    assert.ok(Number(locked.headers['retry-after']) > 14 * 60);
    time.advance(15 * MINUTE);
    assert.equal((await signIn('guessed@council.example', PASSWORD, from)).statusCode, 200);
  });

  it('throttles an address that guesses across many accounts', async () => {
    const from = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 5; i++)
      assertProblem(await signIn(`someone${i}@council.example`, 'a guess that fails', from), 401);
    assertProblem(await signIn('admin@council.example', PASSWORD, from), 429, 'sign-in-throttled');
    assert.equal((await signIn('admin@council.example', PASSWORD)).statusCode, 200, 'other addresses are not locked');
    const keys = await t.db.selectFrom('sign_in_failures').select('key').execute();
    assert.ok(
      keys.every((row) => !row.key.includes('192.0.2.44')),
      'addresses are stored as digests',
    );
  });

  it('a disabled account loses its sessions and cannot sign in', async () => {
    await addUser(t.db, { email: 'leaver@council.example', role: 'editor', password: PASSWORD }, time.now());
    const { cookie } = await session('leaver@council.example');
    await disableUser(t.db, 'leaver@council.example', time.now());
    assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } }), 401);
    assertProblem(await signIn('leaver@council.example'), 401, 'sign-in-failed');
  });
});

describe('the demo officer of npm start', () => {
  it('is made with a random password when main.ts asks (it prints it), and not otherwise', async () => {
    const first = await testServer({ demoOfficer: true });
    const { email, password } = (first.app as unknown as { demoOfficer: { email: string; password: string } })
      .demoOfficer;
    assert.equal(email, 'officer@demo.example');
    assert.match(password, /^[\w-]{16}$/);
    const signedIn = await first.post('/api/v1/admin/session', { email, password });
    assert.equal(signedIn.statusCode, 200);
    assert.equal(first.json(signedIn).role, 'admin');
    await first.close();
    const plain = await testServer();
    assert.equal((plain.app as unknown as { demoOfficer?: unknown }).demoOfficer, undefined, 'only when asked');
    assertProblem(await plain.post('/api/v1/admin/session', { email, password }), 401);
    await plain.close();
  });
});

/**
 * Every admin route with the least role it needs, and a request that role may make (ids that do not exist, or
 * bodies that fail validation, so that nothing changes). A new route must be added here: the first test fails
 * until it is.
 */
const ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; role: Role }[] = [
  { method: 'GET', url: '/session', role: 'viewer' },
  { method: 'DELETE', url: '/session', role: 'viewer' },
  { method: 'GET', url: '/attention', role: 'viewer' },
  { method: 'GET', url: '/petitions', role: 'viewer' },
  { method: 'GET', url: '/petitions/nope', role: 'viewer' },
  { method: 'GET', url: '/petitions/nope/signatures-per-day', role: 'viewer' },
  { method: 'POST', url: '/petitions', role: 'editor' },
  { method: 'PATCH', url: '/petitions/nope', role: 'editor' },
  { method: 'PUT', url: '/petitions/nope/response', role: 'editor' },
  { method: 'GET', url: '/petitions/nope/signatures.csv', role: 'editor' },
  { method: 'GET', url: '/polls', role: 'viewer' },
  { method: 'GET', url: '/polls/nope/results', role: 'viewer' },
  { method: 'POST', url: '/polls', role: 'editor' },
  { method: 'PATCH', url: '/polls/nope', role: 'editor' },
  { method: 'POST', url: '/polls/nope/close', role: 'editor' },
  { method: 'GET', url: '/polls/nope/votes.csv', role: 'editor' },
  { method: 'GET', url: '/feedback', role: 'viewer' },
  { method: 'PUT', url: '/feedback/nope/triage', role: 'editor' },
  { method: 'GET', url: '/feedback.csv', role: 'editor' },
  { method: 'GET', url: '/feedback/trends', role: 'viewer' },
  { method: 'PUT', url: '/services/nope', role: 'editor' },
  { method: 'DELETE', url: '/services/nope', role: 'editor' },
  { method: 'PUT', url: '/categories/nope', role: 'editor' },
  { method: 'GET', url: '/services', role: 'viewer' },
  { method: 'POST', url: '/services/import', role: 'editor' },
  { method: 'GET', url: '/categories', role: 'viewer' },
  { method: 'POST', url: '/categories', role: 'editor' },
  { method: 'GET', url: '/petition-proposals', role: 'viewer' },
  { method: 'POST', url: '/petition-proposals/nope/publish', role: 'editor' },
  { method: 'POST', url: '/petition-proposals/nope/reject', role: 'editor' },
  { method: 'GET', url: '/outbox', role: 'admin' },
  { method: 'POST', url: '/outbox/nope/retry', role: 'admin' },
  { method: 'GET', url: '/audit', role: 'admin' },
];

describe('roles on every admin route', () => {
  let t: TestServer;
  const sessions = new Map<Role, { cookie: string; csrfToken: string }>();
  before(async () => {
    t = await testServer();
    for (const role of ROLES) {
      await addUser(t.db, { email: `${role}@council.example`, role, password: PASSWORD }, new Date());
      const response = await t.post('/api/v1/admin/session', { email: `${role}@council.example`, password: PASSWORD });
      sessions.set(role, {
        cookie: `civic_session=${cookieOf(response).value}`,
        csrfToken: (t.json(response) as { csrfToken: string }).csrfToken,
      });
    }
  });
  after(() => t.close());

  it('the table lists every admin route the server has', () => {
    const tree = t.app.printRoutes({ commonPrefix: false });
    // Each line of the tree is a path segment under the line above it at one level less ("├── /:id (GET, HEAD)").
    const parents: string[] = [];
    const served: string[] = [];
    for (const line of tree.split('\n')) {
      const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      const path = (parents[depth - 1] ?? '') + match[2];
      parents[depth] = path;
      if (!path.startsWith('/api/v1/admin/')) continue;
      const methods = match[3]!.split(', ').filter((method) => method !== 'HEAD');
      served.push(...methods.map((method) => `${method} ${path.slice('/api/v1/admin'.length)}`));
    }
    assert.ok(served.length >= ROUTES.length, `only ${served.length} admin routes found in:\n${tree}`);
    const listed = ROUTES.map((route) => `${route.method} ${route.url.replace(/nope/g, ':id')}`);
    for (const route of served) {
      // Signing in needs no role (the single sign-on routes, auth/oidc.test.ts, exist only when it is configured).
      if (route === 'POST /session' || route === 'GET /sign-in-options') continue;
      assert.ok(listed.includes(route), `${route} is missing from ROUTES`);
    }
  });

  for (const route of ROUTES) {
    for (const role of ROLES) {
      const allowed = ROLES.indexOf(role) >= ROLES.indexOf(route.role);
      it(`${route.method} ${route.url}: ${role} ${allowed ? 'may' : 'may not'}`, async () => {
        // Sign-out is checked last for each role: it would end the session the other checks use.
        const { cookie, csrfToken } = sessions.get(role)!;
        const response = await t.app.inject({
          method: route.method,
          url: `/api/v1/admin${route.url}`,
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            'idempotency-key': newKey(),
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
        });
        if (allowed) {
          assert.ok(![401, 403].includes(response.statusCode), `${response.statusCode} ${response.body}`);
        } else {
          assertProblem(response, 403, 'forbidden');
        }
        if (route.method === 'DELETE' && route.url === '/session' && allowed) {
          const again = await t.post('/api/v1/admin/session', { email: `${role}@council.example`, password: PASSWORD });
          sessions.set(role, {
            cookie: `civic_session=${cookieOf(again).value}`,
            csrfToken: (t.json(again) as { csrfToken: string }).csrfToken,
          });
        }
      });
    }
  }
});
