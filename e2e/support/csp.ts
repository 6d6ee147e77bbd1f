// What the strict-policy suites share (csp.test.ts, csp-states.test.ts): the policy a cautious council sets, the
// two listeners for `securitypolicyviolation`, and a page that has both.
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { newPage } from './browser.js';
import type { E2E } from './e2e.js';

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/**
 * Scripts from our origin and the CDN's only, styles from our origin only (no `'unsafe-inline'` for either), and
 * Trusted Types enforced. Lit creates one Trusted Types policy, `lit-html`, and the bundles nothing else: naming
 * it keeps every other policy out. `connect-src` is left out, so fetches anywhere are allowed.
 */
export function strictPolicy(cdnOrigin: string): string {
  return [
    `script-src 'self' ${cdnOrigin}`,
    "style-src 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** Where each listener keeps what it heard, on `window`. */
const INIT_KEY = '__initViolations';
const PAGE_KEY = '__pageViolations';

/** The host page's own listener: a script on the host origin, so the policy allows it. */
export const WATCH_SCRIPT = '/csp-watch.js';

/** A script that records every violation the page reports into `window[key]`. */
function watcher(key: string) {
  return `(() => {
  const seen = (window[${JSON.stringify(key)}] = []);
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
  });
})();`;
}

/** Serves the page's own listener at `WATCH_SCRIPT`; list it first in the page's scripts. */
export function serveWatcher(e2e: E2E) {
  e2e.serve(WATCH_SCRIPT, { body: watcher(PAGE_KEY), type: 'text/javascript' });
}

/**
 * A page in a new context that records violations from the first moment (an init script, which the policy does
 * not govern) as well as through the host page's own listener, so that both must hear the same events.
 */
export async function watchedPage(e2e: E2E, options?: BrowserContextOptions) {
  const context = options ? await e2e.browser.newContext(options) : undefined;
  const opened = await newPage(e2e, context);
  await opened.page.addInitScript(watcher(INIT_KEY));
  return opened;
}

/** What both listeners have heard so far. */
export async function violations(page: Page): Promise<{ init: Violation[]; page: Violation[] }> {
  return page.evaluate(
    ([init, own]) => {
      const seen = window as unknown as Record<string, Violation[] | undefined>;
      return { init: seen[init!] ?? [], page: seen[own!] ?? [] };
    },
    [INIT_KEY, PAGE_KEY],
  );
}

/** Fails unless both listeners are in place and neither has heard a violation. */
export async function assertNoViolations(page: Page, message?: string) {
  const seen = await violations(page);
  assert.ok(
    await page.evaluate((key) => Array.isArray((window as unknown as Record<string, unknown>)[key]), PAGE_KEY),
    "the page's own listener ran (it is a script of the page, under the policy)",
  );
  assert.deepEqual(seen, { init: [], page: [] }, message);
}
