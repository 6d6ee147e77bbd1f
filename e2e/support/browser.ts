// Headless Chromium for the end-to-end suites, and what they ask of a page: its problems, a widget's custom
// state, its outbox, and where the keyboard focus is (through shadow roots).
import assert from 'node:assert/strict';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { args, executablePath } from './chromium.mjs';

/** The system's Chromium through playwright-core (nothing is downloaded), with the browser tests' flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, args });
}

/** Script errors and console errors of a page, to assert there were none. */
export function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  return problems;
}

/** A new context (its own storage and IndexedDB: one resident) and a page in it, recording its problems. */
export async function newPage(from: { browser: Browser }, context?: BrowserContext) {
  const ctx = context ?? (await from.browser.newContext());
  // Fail within seconds, not Playwright's default 30: every step here takes well under one.
  ctx.setDefaultTimeout(5000);
  ctx.setDefaultNavigationTimeout(10_000);
  const page = await ctx.newPage();
  return { context: ctx, page, problems: problemsOf(page) };
}

/** Waits until `element` (a CSS selector, matched through shadow roots) has the custom state `state`. */
export async function waitForState(page: Page, element: string, state: string, timeout = 5000) {
  await page.waitForFunction(
    ([selector, name]) => [...document.querySelectorAll(selector!)].some((el) => el.matches(`:state(${name})`)),
    [element, state],
    { polling: 50, timeout },
  );
}

/**
 * The submissions in the page's outbox, read from IndexedDB directly (not through the client). The client's
 * storage probe (an entry with an id only, written and removed when the store is first chosen) is not one.
 */
export function outboxEntries(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('civic-widgets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('outbox')) return resolve([]);
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result.filter((entry: { namespace?: string }) => entry.namespace));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The element that has focus, through shadow roots: its tag, id, role and accessible-ish name. */
export function deepFocus(page: Page) {
  return page.evaluate(() => {
    let node: Element | null = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    if (!node) return { tag: '', id: '', role: '', name: '', type: '' };
    const labelledBy = node.getAttribute('aria-labelledby');
    const root = node.getRootNode() as Document | ShadowRoot;
    const labels = 'labels' in node ? [...((node as HTMLInputElement).labels ?? [])] : [];
    // Text as a screen reader gets it: what is aria-hidden (an arrow glyph beside a button's name) is left out.
    // (No inner named functions here: tsx would wrap them in a helper the page does not have.)
    const label = node.getAttribute('aria-label');
    const sources =
      label !== null ? [] : labelledBy ? [root.getElementById(labelledBy)] : labels.length ? labels : [node];
    let name = label ?? '';
    for (const source of sources) {
      const copy = source?.cloneNode(true) as Element | undefined;
      for (const hidden of copy?.querySelectorAll('[aria-hidden="true"]') ?? []) hidden.remove();
      name += ` ${copy?.textContent ?? ''}`;
    }
    return {
      tag: node.localName,
      id: node.id,
      role: node.getAttribute('role') ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      type: node.getAttribute('type') ?? '',
    };
  });
}

export type Focus = Awaited<ReturnType<typeof deepFocus>>;

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element satisfies `wanted`, as a keyboard user would:
 * fails when it is not reached within `max` presses, that is, when it cannot be reached by keyboard.
 */
export async function tabTo(page: Page, wanted: (focus: Focus) => boolean, { max = 40, back = false } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await deepFocus(page);
    if (wanted(focus)) return focus;
    seen.push(`${focus.tag}#${focus.id}[${focus.name.slice(0, 40)}]`);
  }
  assert.fail(`not reached by ${back ? 'Shift+' : ''}Tab in ${max} presses; focus went through ${seen.join(' → ')}`);
}
