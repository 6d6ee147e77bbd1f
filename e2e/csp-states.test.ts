// Every widget in every state under a strict Content-Security-Policy with Trusted Types (support/csp.ts), one
// test per widget × state so that a failure names both. Each test opens the widget's own CDN file on a page of
// its own, drives the widget into the state (through the real server where it can produce it, through Playwright
// routing or the browser going offline where it cannot), checks that the widget really is in that state (its
// custom state or its visible text), then that neither violation listener heard anything and the console has no
// script error and no message of ours. The states come from the code: the custom states each widget sets
// (`submitting`, `submitted`, `user-invalid`, `user-valid`, `results-visible`, `searching`, `details`) and the
// branches of each render method; they are listed per widget in csp-states/. Code loaded on demand (locales, the
// poll's ranking and results, the feedback's presets and extra fields, the locator's details and JSON-LD, the
// adapters) is where a violation would most likely hide: cases name the chunks they must load, and a last test
// checks that the matrix loaded every file of the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type CaseContext, type StateCase, tag, type WidgetStates } from './csp-states/case.js';
import { feedbackStates } from './csp-states/feedback.js';
import { petitionStates } from './csp-states/petition.js';
import { petitionStartStates } from './csp-states/petition-start.js';
import { pollStates } from './csp-states/poll.js';
import { serviceLocatorStates } from './csp-states/service-locator.js';
import { waitForState } from './support/browser.js';
import { CDN_DIR } from './support/cdn.js';
import {
  assertNoViolations,
  serveWatcher,
  strictPolicy,
  violations,
  WATCH_SCRIPT,
  watchedPage,
} from './support/csp.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

/** `<civic-version>`, from its own file and through the all-in-one bundle that loads it on demand. */
const allInOne: WidgetStates = {
  cases: ['civic-version.js', 'civic-widgets.js'].map((script) => ({
    widget: 'civic-version',
    state: `loaded from ${script}`,
    body: () => '<p>Running <civic-version></civic-version></p>',
    script,
    async drive(d: CaseContext) {
      await d.open();
      await d.widget.getByText(/\d+\.\d+\.\d+/).waitFor();
    },
  })),
};

const WIDGETS = [petitionStates, petitionStartStates, pollStates, feedbackStates, serviceLocatorStates, allInOne];
const CASES: StateCase[] = WIDGETS.flatMap((widget) => widget.cases);

/** `chunks/poll-ranking-BL4DP_.js` → `poll-ranking`. */
const chunkName = (file: string) => file.replace(/^chunks\//, '').replace(/-[\w-]{6}\.js$/, '');

describe('every widget in every state under a strict CSP with Trusted Types', () => {
  let e2e: E2E;
  let policy: string;
  /** Every CDN file some test loaded, as `chunks/name-hash.js` or `civic-x.js`. */
  const loaded = new Set<string>();
  let ran = 0;

  before(async () => {
    e2e = await startE2E();
    policy = strictPolicy(e2e.apiUrl);
    serveWatcher(e2e);
    for (const widget of WIDGETS) await widget.setUp?.(e2e);
    CASES.forEach((c, index) => {
      e2e.serve(`/state-${index}.html`, {
        headers: { 'Content-Security-Policy': policy },
        body: hostPage({
          title: `${c.widget}: ${c.state}`,
          scripts: [WATCH_SCRIPT, `${e2e.apiUrl}/cdn/${c.script ?? `${c.widget}.js`}`],
          body: (c.body ?? tag(c.widget, c.attrs))(e2e),
        }),
      });
    });
  });
  after(() => e2e?.close());

  // Three at a time: most of a case is waiting for the browser and the server.
  describe('widget × state', { concurrency: 3 }, () => {
    CASES.forEach((c, index) => {
      it(`${c.widget}: ${c.state}`, async () => {
        const { context, page, problems } = await watchedPage(e2e, c.context ?? {});
        context.setDefaultTimeout(10_000);
        page.on('console', (message) => {
          if (message.type() === 'warning' && message.text().includes('Civic Widgets')) problems.push(message.text());
        });
        const files = new Map<string, number>();
        page.on('response', (response) => {
          const path = response.url().split('/cdn/')[1];
          if (path && response.url().startsWith(e2e.apiUrl)) files.set(path, response.status());
        });
        const widget = page.locator(c.selector ?? c.widget).first();
        const d: CaseContext = {
          e2e,
          page,
          context,
          widget,
          async open() {
            const response = await page.goto(`${e2e.hostUrl}/state-${index}.html`);
            assert.equal(response?.headers()['content-security-policy'], policy);
          },
          inState: (name) => waitForState(page, c.selector ?? c.widget, name, 10_000),
          async hold(url, method = 'GET') {
            let release = () => {};
            const held = new Promise<void>((resolve) => (release = resolve));
            await page.route(url, async (route) => {
              if (route.request().method() !== method) return route.fallback();
              await held;
              await route.fallback();
            });
            return release;
          },
          async refuse(url, status, method = 'GET') {
            await page.route(url, (route) => {
              if (route.request().method() !== method) return route.fallback();
              return route.fulfill({
                status,
                contentType: 'application/problem+json',
                headers: { 'Access-Control-Allow-Origin': e2e.hostUrl, 'Retry-After': '0' },
                body: JSON.stringify({ type: 'about:blank', title: 'Refused by the test', status }),
              });
            });
          },
        };
        try {
          await c.drive(d).catch(async (error: Error) => {
            // A violation or a script error is the likeliest reason the state never came: say so.
            const heard = await violations(page).catch(() => 'unknown');
            const shown = await widget
              .evaluate((el) => (el.shadowRoot ?? el).textContent?.replace(/\s+/g, ' ').slice(0, 300), undefined, {
                timeout: 1000,
              })
              .catch(() => 'unknown');
            const seen = `violations: ${JSON.stringify(heard)}\nconsole: ${JSON.stringify(problems)}\nshown: ${shown}`;
            throw new Error(`${error.message}\n${seen}`, { cause: error });
          });
          await assertNoViolations(page, `${c.widget} in state "${c.state}"`);
          const unexpected = problems.filter((problem) => !/^Failed to load resource: /.test(problem));
          assert.deepEqual(unexpected, [], 'no script error and no message of ours in the console');
          // 304: loaded again from the browser's cache (a state that reloads the page).
          for (const [file, status] of files) assert.ok(status === 200 || status === 304, `${file} loaded: ${status}`);
          const names = new Set([...files.keys()].map(chunkName));
          for (const chunk of c.chunks ?? []) assert.ok(names.has(chunk), `the ${chunk} chunk loaded`);
          for (const file of files.keys()) loaded.add(file);
          ran++;
        } finally {
          await context.close();
        }
      });
    });
  });

  /** Chunks only `civic-client.js` imports (a widget file inlines the same modules, or names them otherwise). */
  const CLIENT_ALONE_CHUNKS = new Set(['civic-client-shared', 'store']);

  it('the matrix loaded every file of the CDN build under the policy', (t) => {
    if (ran !== CASES.length) return t.skip('only when every state ran and passed');
    const built = Object.keys(JSON.parse(readFileSync(join(CDN_DIR, 'integrity.json'), 'utf8')) as object).filter(
      // The client alone is for apps that build their own UI (with its own two chunks: what it shares with its
      // on-demand modules, and the stores it exports); `_tt` runs only when the policy refuses Lit's.
      (file) =>
        file.endsWith('.js') &&
        file !== 'civic-client.js' &&
        !CLIENT_ALONE_CHUNKS.has(chunkName(file)) &&
        !file.startsWith('chunks/_tt-'),
    );
    // Each entry is built on its own, with its own copy of a locale or adapter chunk: the same source compiled
    // once per entry, so one copy of each ran is the proof.
    const ranChunks = new Set([...loaded].map(chunkName));
    assert.deepEqual(
      [...new Set(built.map(chunkName))].filter((name) => !ranChunks.has(name)),
      [],
      'every widget file and chunk (locales, adapters, views loaded on demand) ran under the policy',
    );
  });
});
