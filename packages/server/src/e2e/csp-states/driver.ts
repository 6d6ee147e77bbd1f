// What the strict-policy state matrix (csp-states.test.ts) gives each case, and what the cases share: one file
// per widget beside this one lists that widget's states.
import assert from 'node:assert/strict';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { CommonStrings } from '../../../../widgets/src/i18n/strings.js';
import { type E2E, until } from '../support.js';

/** What a case gets to drive its widget. */
export interface Driver {
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
  drive(d: Driver): Promise<void>;
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

/** The languages besides English, each its own chunk per catalog. */
export const LOCALES = ['fr', 'es', 'ar', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalog of the widgets' sources in every language: `translations('petition/i18n/{locale}')`. */
export async function translations<T>(file: string): Promise<Record<'en' | Locale, T>> {
  const entries = await Promise.all(
    (['en', ...LOCALES] as const).map(async (locale) => {
      const path = `../../../../widgets/src/${file.replace('{locale}', locale)}.js`;
      const module = (await import(path)) as { strings: T };
      return [locale, module.strings] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<'en' | Locale, T>;
}

export const common = await translations<CommonStrings>('i18n/{locale}');

/** `{count}` plural forms as a pattern, whatever the number's digits and separators in that language. */
export const pluralPattern = (forms: Record<string, string>) =>
  new RegExp(
    Object.values(forms)
      .map((form) =>
        form
          .split('{count}')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\d\\s\\u00a0\\u202f,.\\u066b\\u066c\\u0660-\\u0669]+'),
      )
      .join('|'),
  );

/**
 * Sets `lang` on the widget and waits until it shows that language (its wrapper's `lang` changes once the locale's
 * chunks have settled) with a text of that language; `ar` must also turn the widget right to left.
 */
export async function switchLanguage(d: Driver, text: (locale: Locale) => string | RegExp) {
  const base = d.widget.locator('[part="base"]').first();
  for (const locale of LOCALES) {
    await d.widget.evaluate((el, lang) => el.setAttribute('lang', lang), locale);
    await until(`the widget in "${locale}"`, async () => (await base.getAttribute('lang')) === locale, 10_000);
    await d.widget.getByText(text(locale)).first().waitFor();
    assert.equal(await base.getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
  }
}
