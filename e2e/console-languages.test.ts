// The officers' console in its five languages, end to end: an Arabic browser gets the console in Arabic, right to
// left, axe clean, at 320 px; the language chooser switches to French by keyboard, keeps the focus on itself and
// is remembered; an English officer downloads none of the other catalogues. Real server, real Chromium, under the
// console's strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser } from '../packages/server/src/auth/users.js';
import { createPetition } from '../packages/server/src/store/petitions.js';
import { deepFocus, newPage, tabTo } from './support/browser.js';
import { axeViolations, overflows, PASSWORD } from './support/console.js';
import { type E2E, startE2E } from './support/e2e.js';

const CATALOGUES = ['fr.js', 'es.js', 'ar.js', 'zh.js'];

/** The page's language and direction, and the direction the console is actually laid out in. */
const languageOf = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    layout: getComputedStyle(document.querySelector('civic-console')!).direction,
  }));

describe('the officers’ console in five languages', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    await addUser(e2e.db, { email: 'clerk@council.example', role: 'editor', password: PASSWORD }, new Date());
    await e2e.db.transaction().execute((trx) =>
      createPetition(
        trx,
        {
          id: 'play-street',
          title: 'A play street on Elm Road',
          summary: 'Close Elm Road to cars on Saturday mornings so that children can play.',
          status: 'open',
          thresholds: [{ count: 100, label: 'The council responds' }],
          signerFields: ['postcode'],
          privacyNoticeUrl: 'https://council.example/privacy',
          requiresConfirmation: false,
        },
        new Date(),
        1234,
      ),
    );
  });
  after(() => e2e?.close());

  it('an Arabic browser gets it in Arabic, right to left; the chooser switches to French by keyboard', async () => {
    const context = await e2e.browser.newContext({ locale: 'ar-EG' });
    const { page, problems } = await newPage(e2e, context);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
    await page.setViewportSize({ width: 320, height: 900 });

    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByRole('heading', { name: 'تسجيل الدخول إلى لوحة تحكم الموظفين' }).waitFor();
    assert.deepEqual(await languageOf(page), { lang: 'ar', dir: 'rtl', layout: 'rtl' });
    assert.equal(await page.title(), 'لوحة تحكم الموظفين');
    assert.deepEqual(
      CATALOGUES.filter((file) => fetched.includes(file)),
      ['ar.js'],
      'only the Arabic catalogue is downloaded',
    );
    await page.getByRole('group', { name: 'اللغة:' }).getByRole('button', { name: 'العربية', pressed: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page in Arabic');
    assert.equal(await overflows(page), false, 'nothing scrolls sideways at 320 px');

    await page.getByLabel('عنوان البريد الإلكتروني').fill('clerk@council.example');
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.getByRole('heading', { name: 'العرائض', level: 1 }).waitFor();
    // Numbers in the officer's language (Egyptian Arabic writes Arabic-Indic digits), through Intl.
    const count = await page.evaluate(() => new Intl.NumberFormat('ar').format(1234));
    await page.getByRole('cell', { name: count, exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'petitions page in Arabic');
    assert.equal(await overflows(page), false, 'the signed-in console at 320 px');

    // Keyboard only: to the chooser's French button, Enter; the console comes back in French with the focus on it.
    // Past the petitions page's controls and the eight pages' links: more than the default 40 presses.
    await tabTo(page, (focus) => focus.name.trim() === 'Français', { max: 80 });
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Pétitions', level: 1 }).waitFor();
    assert.deepEqual(await languageOf(page), { lang: 'fr', dir: 'ltr', layout: 'ltr' });
    await page.getByRole('button', { name: 'Français', pressed: true }).waitFor();
    assert.equal((await deepFocus(page)).name.trim(), 'Français', 'the focus stays on the chooser');
    await page.getByText('Connecté·e en tant que clerk@council.example (editor).').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'petitions page in French');

    // Remembered in this browser: a new visit is French though the browser still prefers Arabic.
    const again = await context.newPage();
    await again.goto(`${e2e.apiUrl}/admin/`);
    await again.getByRole('heading', { name: 'Pétitions', level: 1 }).waitFor();
    assert.equal((await languageOf(again)).lang, 'fr');

    // Asking who is signed in before signing in is answered 401 by design.
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
      'no script error and no policy violation',
    );
    await context.close();
  });

  it('an English officer downloads none of the other catalogues', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB' });
    const { page } = await newPage(e2e, context);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByRole('heading', { name: "Sign in to the officers' console" }).waitFor();
    assert.deepEqual(await languageOf(page), { lang: 'en', dir: 'ltr', layout: 'ltr' });
    assert.ok(fetched.includes('app.js'), 'the console itself was fetched');
    assert.deepEqual(
      CATALOGUES.filter((file) => fetched.includes(file)),
      [],
    );
    await context.close();
  });

  it('a catalogue that cannot load leaves the console in English, marked English', async () => {
    const context = await e2e.browser.newContext({ locale: 'fr-FR' });
    await context.route('**/admin/fr.js', (route) => route.abort());
    const { page } = await newPage(e2e, context);
    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByRole('heading', { name: "Sign in to the officers' console" }).waitFor();
    assert.deepEqual(await languageOf(page), { lang: 'en', dir: 'ltr', layout: 'ltr' });
    await page.getByRole('button', { name: 'English', pressed: true }).waitFor();
    await context.close();
  });
});
