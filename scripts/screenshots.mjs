// `npm run screenshots`: the demo portal's pages as PNGs in docs/images/ (the README shows them). Builds the CDN
// files, starts the reference server on a free port with a fresh database and the demo seed, and opens each page
// in the system's Chromium (playwright-core; nothing is downloaded) at 1280×900. A page that logs an error or
// throws fails the run, so this doubles as a smoke test of the portal. The officers' console's pages follow,
// signed in as the demo officer, over a few weeks of residents' ratings added for the pictures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { args, executablePath } from '../e2e/support/chromium.mjs';
import { openStore } from '../packages/server/src/db/database.ts';
import { createServer } from '../packages/server/src/server.ts';
import { DEMO_VENDOR } from './demo-vendor.mjs';

const OUT = 'docs/images';
const TOKEN = 'screenshots-admin-token-0123456789';

/**
 * Each page, its file name, and what to do before the picture: `scroll` brings an element into view (the
 * feedback at a page's foot), `act` drives the page.
 * `console` signs in to the officers' console first.
 * @type {{ path: string, name: string, scroll?: string, console?: boolean, act?: (page: import('playwright-core').Page) => Promise<void> }[]}
 */
const SHOTS = [
  { path: '/', name: 'home' },
  { path: '/bins.html', name: 'service-page-feedback', scroll: '.page-feedback' },
  { path: '/petition.html', name: 'petitions' },
  { path: '/poll.html', name: 'consultations' },
  {
    path: '/service-locator.html?postcode=LS1+3AB',
    name: 'find-a-service',
    act: (page) => page.locator('civic-service-locator #r0').waitFor(),
  },
  { path: '/feedback.html', name: 'feedback-scales' },
  { path: '/govuk.html', name: 'govuk-frontend' },
  { path: '/uswds.html', name: 'uswds' },
  { path: '/ar.html', name: 'arabic' },
  {
    path: '/admin.html',
    name: 'admin',
    act: async (page) => {
      await page.locator('#token').fill(TOKEN);
      await page.getByRole('button', { name: 'Use this token' }).click();
      await page.getByText('Token accepted.').waitFor();
      await page.locator('#petition').selectOption('safer-crossings');
      await page.getByLabel('Summary (shown first)').fill('The council will build both crossings by next March.');
      await page.getByRole('button', { name: 'Publish the response' }).click();
      await page.getByText('Published.').waitFor();
    },
  },
  // The two-way loop: the response just published, as a resident sees it.
  {
    path: '/petition.html',
    name: 'petition-responded',
    act: (page) => page.getByText('The council will build both crossings by next March.').first().waitFor(),
  }, // The officers' console (docs/console.md).
  {
    path: '/admin/',
    name: 'console-landing',
    console: true,
    act: (page) => page.getByRole('heading', { name: 'All petitions' }).waitFor(),
  },
  {
    path: '/admin/#feedback',
    name: 'console-inbox',
    console: true,
    act: (page) =>
      page
        .getByRole('button', { name: /^Mark as actioned/ })
        .first()
        .waitFor(),
  },
  {
    path: '/admin/#trends',
    name: 'console-trends',
    console: true,
    act: async (page) => {
      await page.getByLabel('Topic (optional)').fill('bins');
      await page.getByRole('button', { name: 'Show the trends' }).click();
      await page.getByRole('status').getByText('Trends for bins shown.').waitFor();
    },
  },
  {
    path: '/admin/#polls',
    name: 'console-consultation-preview',
    console: true,
    act: async (page) => {
      await page.getByLabel('Question', { exact: true }).fill('Which day should the market move to?');
      await page.getByLabel(/^Options \(one a line/).fill('Tuesday\nThursday\nSaturday');
      const preview = page.getByRole('region', { name: 'Preview: the consultation as residents will see it' });
      await preview.getByRole('radio', { name: 'Saturday' }).waitFor();
      await preview.scrollIntoViewIfNeeded();
    },
  },
  {
    path: '/admin/#services',
    name: 'console-hsds-import',
    console: true,
    act: async (page) => {
      await page
        .getByLabel('HSDS file', { exact: true })
        .setInputFiles('packages/server/src/hsds/fixtures/services.json');
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByRole('heading', { name: 'What the file holds' }).scrollIntoViewIfNeeded();
    },
  },
  {
    path: '/admin/#audit',
    name: 'console-audit',
    console: true,
    act: (page) => page.getByRole('cell', { name: 'session.start' }).first().waitFor(),
  },
];

/** Residents' ratings over the last eight weeks, so that the inbox and the trends have something to show. */
async function addRatings(dbFile) {
  const store = await openStore(dbFile);
  const comments = ['The bin was not emptied on Tuesday.', 'Clear page, thank you.', null, 'Could not find the date.'];
  const rows = Array.from({ length: 40 }, (_, i) => ({
    id: `screenshot-${i}`,
    topic: 'bins',
    rating_scale: i % 2 ? 'stars' : 'thumbs',
    rating_value: i % 2 ? 1 + ((i * 7) % 5) : (i * 3) % 4 ? 1 : 0,
    comment: comments[i % comments.length],
    reasons: null,
    fields: null,
    page_url: 'https://council.example/bins',
    locale: 'en',
    created_at: new Date(Date.now() - i * 1.4 * 86_400_000).toISOString(),
    triage_status: null,
    triage_note: null,
    triaged_at: null,
    triaged_by: null,
  }));
  await store.db.insertInto('feedback').values(rows).execute();
  await store.close();
}

/** Every civic-* element defined and done loading (or showing why it cannot), as the axe suite waits. */
function widgetsSettled() {
  return [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('civic-'))
    .every((el) => {
      if (!customElements.get(el.localName)) return false;
      if (el.searching) return false;
      return !('loadStatus' in el) || el.configProblem !== undefined || /loaded|error/.test(el.loadStatus);
    });
}

const build = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(join(tmpdir(), 'civic-screenshots-'));
const dbFile = join(dataDir, 'civic.sqlite');
const app = await createServer({
  dbFile,
  consoleDir: resolve('dist/admin'),
  demoOfficer: true,
  seed: 'demo',
  cdnDir: resolve('dist/cdn'),
  demoDir: resolve('demo'),
  demoVendor: Object.fromEntries(Object.entries(DEMO_VENDOR).map(([name, dir]) => [name, resolve(dir)])),
  adminToken: TOKEN,
  writeLimitPerMinute: 0,
  readLimitPerMinute: 0,
  logger: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
await addRatings(dbFile);
const base = `http://127.0.0.1:${app.server.address().port}`;
const browser = await chromium.launch({ executablePath, args });
mkdirSync(OUT, { recursive: true });

const failures = [];
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('requestfailed', (request) => problems.push(`${request.failure()?.errorText}: ${request.url()}`));
    page.on(
      'response',
      (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`),
    );
    if (shot.console) {
      await page.goto(`${base}/admin/`);
      await page.getByLabel('Email address').fill(app.demoOfficer.email);
      await page.getByLabel('Password').fill(app.demoOfficer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
      // Before signing in, the console asks who is signed in and is told nobody: that 401 is expected.
      problems.length = 0;
    }
    await page.goto(base + shot.path);
    await page.waitForFunction(widgetsSettled, undefined, { polling: 100, timeout: 10_000 });
    await shot.act?.(page);
    if (shot.scroll) await page.locator(shot.scroll).scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    const file = join(OUT, `${shot.name}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    const kb = Math.round(statSync(file).size / 1024);
    console.log(`${file.padEnd(40)} ${String(kb).padStart(4)} KB  ${problems.length ? 'PROBLEMS' : 'ok'}`);
    for (const problem of problems) failures.push(`${shot.path}: ${problem}`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\n${failures.length} problem(s):\n${failures.join('\n')}`);
  process.exit(1);
}
