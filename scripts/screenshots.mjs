// `npm run screenshots`: the demo portal's pages as PNGs in docs/images/ (the README shows them). Builds the CDN
// files, starts the reference server on a free port with a fresh database and the demo seed, and opens each page
// in the system's Chromium (playwright-core; nothing is downloaded) at 1280×900. A page that logs an error or
// throws fails the run, so this doubles as a smoke test of the portal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { args, executablePath } from '../e2e/support/chromium.mjs';
import { createServer } from '../packages/server/src/server.ts';
import { DEMO_VENDOR } from './demo-vendor.mjs';

const OUT = 'docs/images';
const TOKEN = 'screenshots-admin-token-0123456789';

/**
 * Each page, its file name, and what to do before the picture: `scroll` brings an element into view (the
 * feedback at a page's foot), `act` drives the page.
 * @type {{ path: string, name: string, scroll?: string, act?: (page: import('playwright-core').Page) => Promise<void> }[]}
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
  },
];

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
const app = await createServer({
  dbFile: join(dataDir, 'civic.sqlite'),
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
