// Single sign-on in real Chromium (issue 16): an officer chooses "Sign in with your council account" by keyboard,
// signs in at the council's provider (oidc-provider, run in-process: its own login and consent pages) and lands
// in the console signed in with the role the provider gave; an account without a role comes back refused, told
// why. Axe on each console state; the refusal at 320 px wide.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../packages/server/src/test-support/oidc-provider.js';
import { deepFocus, newPage, tabTo } from './support/browser.js';
import { axeViolations } from './support/console.js';
import { type E2E, startE2E } from './support/e2e.js';

/** A free loopback port: the console's callback address must be registered at the provider before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('single sign-on in the officers’ console', () => {
  let e2e: E2E;
  let provider: TestProvider;
  before(async () => {
    const port = await freePort();
    const redirectUrl = `http://localhost:${port}/api/v1/admin/oidc/callback`;
    provider = await startTestProvider(redirectUrl);
    provider.account('chief', { email: 'chief@council.example', email_verified: true, civic_role: 'admin' });
    provider.account('visitor', { email: 'visitor@council.example', email_verified: true });
    e2e = await startE2E({
      port,
      oidc: {
        issuer: provider.issuer,
        clientId: TEST_CLIENT_ID,
        clientSecret: TEST_CLIENT_SECRET,
        roleClaim: 'civic_role',
        scopes: 'openid email civic',
        redirectUrl,
      },
    });
  });
  after(async () => {
    await e2e?.close();
    await provider?.close();
  });

  /** A page whose requests beyond this machine (the provider's pages ask for web fonts) fail at once. */
  async function loopbackPage() {
    const opened = await newPage(e2e);
    await opened.context.route(
      (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
      (route) => route.abort(),
    );
    return opened;
  }

  /** At the provider (its pages, not ours): log in as `login`, and consent when asked. */
  async function atProvider(page: Page, login: string) {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('an admin signs in with their council account by keyboard and lands in the console as an admin', async () => {
    const { page } = await loopbackPage();
    // The console's own errors only: the provider's development pages ask for fonts on the internet.
    const problems: string[] = [];
    page.on('pageerror', (error) => page.url().startsWith(e2e.apiUrl) && problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(e2e.apiUrl)) problems.push(message.text());
    });
    await page.goto(`${e2e.apiUrl}/admin/`);
    const button = page.getByRole('link', { name: 'Sign in with your council account' });
    await button.waitFor();
    // The password form stays for local accounts.
    await page.getByLabel('Password').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page with single sign-on');

    await tabTo(page, (focus) => focus.name === 'Sign in with your council account');
    await page.keyboard.press('Enter');
    await atProvider(page, 'chief');

    await page.getByText('Signed in as chief@council.example (admin).').waitFor();
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/');
    // An admin's page: the audit log, which shows the sign-in through the provider.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('session.start').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'signed in through single sign-on');

    const user = await e2e.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'chief@council.example')
      .executeTakeFirstOrThrow();
    assert.equal(user.role, 'admin');
    assert.equal(user.oidc_subject, 'chief');
    // Signing out ends the session at the provider too, which sends the browser back to the console.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('link', { name: 'Sign in with your council account' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/');
    assert.equal(
      await e2e.db.selectFrom('sessions').select('user_id').where('user_id', '=', user.id).executeTakeFirst(),
      undefined,
    );

    // Asking who is signed in before signing in is answered 401, as it should be.
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
    );
  });

  it('an account without a role comes back refused, told why, at 320 px', async () => {
    const { page } = await loopbackPage();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByRole('link', { name: 'Sign in with your council account' }).click();
    await atProvider(page, 'visitor');

    const alert = page.getByRole('alert');
    await alert.getByText('Your council account has no role in this console.', { exact: false }).waitFor();
    const focus = await deepFocus(page);
    assert.equal(focus.id, 'error', 'focus on the message');
    assert.equal(new URL(page.url()).search, '', 'the reason leaves the address once said');
    await page.getByRole('link', { name: 'Sign in with your council account' }).waitFor();
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
      false,
      'no sideways scrolling at 320 px',
    );
    assert.deepEqual(await axeViolations(page), [], 'refused sign-in');
    const stored = await e2e.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'visitor@council.example')
      .execute();
    assert.deepEqual(stored, []);
  });
});
