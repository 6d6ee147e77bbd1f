// What the strict-policy state matrix (csp-states.test.ts) gives each case, and what the cases share: one file
// per widget beside this one lists that widget's states. The steps a resident takes come from the widget
// drivers (../drivers); a case says which state it wants and how it knows the widget is in it.
import assert from 'node:assert/strict';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { LOCALES, type Locale } from '../drivers/strings.js';
import type { E2E } from '../support/e2e.js';
import { until } from '../support/until.js';

/** What a case gets to drive its widget. */
export interface CaseContext {
  e2e: E2E;
  page: Page;
  context: BrowserContext;
  /** The case's widget (its first match on the page). */
  widget: Locator;
  /** Opens the case's page (after any routes the case set up) and checks the policy header came with it. */
  open(): Promise<void>;
  /** Waits until the case's widget has the custom state. */
  inState(name: string): Promise<void>;
  /** Holds requests whose URL matches until the returned function is called. */
  hold(url: string | RegExp, method?: string): Promise<() => void>;
  /** Answers requests whose URL matches with a problem document of `status`, without the server. */
  refuse(url: string | RegExp, status: number, method?: string): Promise<void>;
}

/** One widget in one state. */
export interface StateCase {
  widget: string;
  state: string;
  /** The page's body: by default the widget's tag with `endpoint` and `attrs`. */
  body?: (e2e: E2E) => string;
  attrs?: string;
  /** Which element is the case's widget, when not the first of its tag. */
  selector?: string;
  /** The CDN file the page loads; by default the widget's own. */
  script?: string;
  context?: BrowserContextOptions;
  /** Chunks loaded on demand that this state needs (file names without the hash): each must have loaded. */
  chunks?: string[];
  /** Gets the widget into the state, and checks that it is in it (its custom state or its visible text). */
  drive(d: CaseContext): Promise<void>;
}

/** A widget's states, and what the server or the host must hold before they run. */
export interface WidgetStates {
  setUp?(e2e: E2E): Promise<void>;
  cases: StateCase[];
}

/** `<tag endpoint="…" attrs></tag>`. */
export const tag =
  (name: string, attrs = '') =>
  (e2e: E2E) =>
    `<${name} endpoint="${e2e.endpoint}" ${attrs}></${name}>`;

/** A JSON file for the host to serve (`e2e.serve`). */
export const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });

/** Fails unless an admin call created what it was asked to. */
export function assertCreated(answer: { status: number; body: string }) {
  assert.equal(answer.status, 201, answer.body);
}

/** The languages besides English. */
const OTHER_LOCALES = LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en');

/**
 * Sets `lang` on the widget and waits until it shows that language (its wrapper's `lang` changes once the locale's
 * chunks have settled) with a text of that language; `ar` must also turn the widget right to left.
 */
export async function switchLanguage(d: CaseContext, text: (locale: Locale) => string | RegExp) {
  const base = d.widget.locator('[part="base"]').first();
  for (const locale of OTHER_LOCALES) {
    await d.widget.evaluate((el, lang) => el.setAttribute('lang', lang), locale);
    await until(`the widget in "${locale}"`, async () => (await base.getAttribute('lang')) === locale, 10_000);
    await d.widget.getByText(text(locale)).first().waitFor();
    assert.equal(await base.getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
  }
}
