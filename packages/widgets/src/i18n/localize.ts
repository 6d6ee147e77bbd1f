import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { strings as en } from './en.js';
import type { Catalog, CommonStrings, Plural } from './strings.js';

/** The languages the widgets ship. Any other page language falls back to English. */
export const LOCALES = ['en', 'fr', 'es', 'ar', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** The base's own texts. */
export const commonCatalog: Catalog<CommonStrings> = {
  en,
  others: {
    fr: () => import('./fr.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
    zh: () => import('./zh.js'),
  },
};

/** A widget's sections, by name (besides `common`). */
export type Sections = Record<string, object>;
/** What `l10n.t` holds: the common section and the widget's own. */
export type AllStrings<S extends Sections> = { common: CommonStrings } & S;
/** What `.strings` accepts: any subset of any section. */
export type StringOverrides<S extends Sections = Sections> = {
  [K in keyof AllStrings<S>]?: Partial<AllStrings<S>[K]>;
};
export type Catalogs<S extends Sections> = { [K in keyof S]: Catalog<S[K]> };

// Per catalog and locale: the strings once loaded, and the load in flight, so each file is fetched once per page.
const loaded = new WeakMap<Catalog<object>, Map<Locale, object>>();
const loading = new WeakMap<Catalog<object>, Map<Locale, Promise<object | undefined>>>();
// Files that failed to load are not asked for again on this page (English stands in), so no retry loop.
const failed = new WeakMap<Catalog<object>, Set<Locale>>();
const settled = (catalog: Catalog<object>, locale: Locale) =>
  cached(catalog, locale) !== undefined || failed.get(catalog)?.has(locale) === true;

function cached<S extends object>(catalog: Catalog<S>, locale: Locale): S | undefined {
  return locale === 'en' ? catalog.en : (loaded.get(catalog)?.get(locale) as S | undefined);
}

/** `map`'s entry for `key`, made on first use. */
export function memo<K, V>(
  map: { has(key: K): boolean; get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}

/** Loads one locale of a catalog; resolves to `undefined` (English is used) when the file cannot load. */
export function loadCatalog<S extends object>(catalog: Catalog<S>, locale: Locale): Promise<S | undefined> {
  const ready = cached(catalog, locale);
  if (ready) return Promise.resolve(ready);
  return memo(
    memo(loading, catalog, () => new Map()),
    locale,
    () =>
      catalog.others[locale as Exclude<Locale, 'en'>]().then(
        (module) => {
          memo(loaded, catalog, () => new Map()).set(locale, module.strings);
          return module.strings;
        },
        (error: unknown) => {
          console.warn(`Civic Widgets: could not load the "${locale}" strings; showing English.`, error);
          memo(failed, catalog, () => new Set()).add(locale);
          return undefined;
        },
      ),
  ) as Promise<S | undefined>;
}

/** The shipped locale for a BCP 47 tag: `fr-CA` → `fr`, `zh-Hans-CN` → `zh`, `de` → `en`. */
export function matchLocale(tag: string): Locale {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/** The language of an element: its own `lang`, else the closest ancestor's (across shadow roots), else English. */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : (node.parentElement ?? null);
  }
  return 'en';
}

const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

// One observer per page: any `lang` change in the document (on <html>, an ancestor or the element itself)
// re-renders every widget, which then re-reads its language.
const subscribers = new Set<() => void>();
let observer: MutationObserver | undefined;
function subscribe(callback: () => void) {
  subscribers.add(callback);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const notify of subscribers) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

type Vars = Record<string, string | number>;

// Intl objects are slow to make (a quarter of a millisecond each) and never change: one per language and options
// for the page, shared by every widget, not one per instance.
const formatters = new Map<string, unknown>();
const formatter = <T>(key: string, make: () => T) => memo(formatters, key, make) as T;

// Languages whose every region writes numbers in Latin digits, when the tag asks for no other numbering system
// (`-u-`): there a whole number below 1 000 (no group separator) is its plain digits. The page's first
// Intl.NumberFormat costs 50 ms (ICU's number data), which a rating's "3 stars" on an English page need not pay.
const LATIN_DIGITS = /^(en|fr|es|zh)\b(?!.*-u-)/i;

/** What a host gives the controller: itself, plus the per-instance overrides. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  strings?: object;
}

/**
 * Resolves a widget's language and strings, loads the locale on demand and re-renders when the language changes.
 * Use `t` for the strings, `format`/`plural` for templates, and `number`/`date` for values.
 */
export class LocalizeController<S extends Sections = Sections> implements ReactiveController {
  /** The language tag in effect, as written on the page (e.g. `fr-CA`), or `en` while a locale loads. */
  lang = 'en';
  /** The shipped locale in use. */
  locale: Locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** Settles once the requested locale's strings are in (or failed to load). */
  ready: Promise<unknown> = Promise.resolve();
  #host: LocalizedHost;
  #catalogs: [string, Catalog<object>][];
  #unsubscribe?: () => void;
  #merged?: { locale: Locale; overrides?: object; result: AllStrings<S> };

  constructor(host: LocalizedHost, catalogs: Catalogs<S> = {} as Catalogs<S>) {
    this.#host = host;
    this.#catalogs = [['common', commonCatalog], ...(Object.entries(catalogs) as [string, Catalog<object>][])];
    host.addController(this);
  }

  hostConnected() {
    this.#unsubscribe = subscribe(() => this.#host.requestUpdate());
    this.#resolve();
  }

  hostDisconnected() {
    this.#unsubscribe?.();
  }

  hostUpdate() {
    this.#resolve();
  }

  /** The strings for the current language with the host's `.strings` overrides applied. */
  get t(): AllStrings<S> {
    const overrides = this.#host.strings as Record<string, object> | undefined;
    if (this.#merged?.locale !== this.locale || this.#merged.overrides !== overrides) {
      const result: Record<string, object> = {};
      for (const [section, catalog] of this.#catalogs) {
        result[section] = { ...(cached(catalog, this.locale) ?? catalog.en), ...overrides?.[section] };
      }
      this.#merged = { locale: this.locale, overrides, result: result as AllStrings<S> };
    }
    return this.#merged.result;
  }

  /** Fills `{name}` placeholders. Values are inserted as text by the templates that render the result. */
  format(template: string, vars: Vars = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  }

  /** Picks the plural form for `count` and fills it; `{count}` is the localized number. */
  plural(forms: Plural, count: number, vars: Vars = {}): string {
    const rules = formatter(`plural ${this.lang}`, () => new Intl.PluralRules(this.lang));
    const form = forms[rules.select(count)] ?? forms.other;
    return this.format(form, { count: this.number(count), ...vars });
  }

  /** A number in the reader's language; `options` are Intl.NumberFormat's (a unit, a percentage). */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    const digits = String(value);
    if (!options && /^\d{1,3}$/.test(digits) && LATIN_DIGITS.test(this.lang)) return digits;
    const numbers = formatter(
      `number ${this.lang} ${JSON.stringify(options)}`,
      () => new Intl.NumberFormat(this.lang, options),
    );
    return numbers.format(value);
  }

  /** A date (ISO string or `Date`) in the reader's language; the long date style by default. */
  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const dates = formatter(
      `date ${this.lang} ${JSON.stringify(options)}`,
      () => new Intl.DateTimeFormat(this.lang, options),
    );
    return dates.format(typeof value === 'string' ? new Date(value) : value);
  }

  #resolve() {
    const tag = languageOf(this.#host);
    const wanted = matchLocale(tag);
    if (this.#catalogs.every(([, catalog]) => settled(catalog, wanted))) {
      this.#apply(tag, wanted);
      return;
    }
    // Until the locale arrives, show English rather than nothing.
    this.#apply('en', 'en');
    this.ready = Promise.all(this.#catalogs.map(([, catalog]) => loadCatalog(catalog, wanted))).then(() => {
      if (matchLocale(languageOf(this.#host)) === wanted) this.#host.requestUpdate();
    });
  }

  #apply(tag: string, locale: Locale) {
    // A page in a language we do not ship shows English text, so the text is marked English.
    this.lang = locale === 'en' && !/^en(?:$|-)/i.test(tag) ? 'en' : tag;
    this.locale = locale;
    this.dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  }
}
