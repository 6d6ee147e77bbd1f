// Which language the console speaks: the officer's own choice (remembered in this browser), else the first of the
// browser's preferred languages that the console has, else English. Only English is in the main bundle; the other
// catalogues are chunks of their own, fetched for the officers who read them.
import { type Catalog, install, t } from './strings.js';

export const LOCALES = ['en', 'fr', 'es', 'ar', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, as its readers look for it in a list. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
};

/** The tag Intl formats with: English keeps the British dates and numbers the console has always shown. */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr', es: 'es', ar: 'ar', zh: 'zh-CN' };

const STORAGE_KEY = 'civic-console-language';

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** The console's locale for a BCP 47 tag (`fr-CA` → `fr`, `zh-Hant-TW` → `zh`), if it has one. */
export function localeOf(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : undefined;
}

/** The officer's remembered choice wins; then the browser's languages in their order of preference. */
export function pickLocale(stored: string | null, preferred: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of preferred) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** The locale to show now, from this browser's storage and preferences. */
export function currentLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be refused (a privacy setting): the browser's languages still choose.
  }
  return pickLocale(stored, navigator.languages ?? [navigator.language]);
}

/** Remembers the officer's choice in this browser. */
export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered: the choice lasts for this page only.
  }
}

/** The right-to-left scripts among the console's languages. */
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

/** A non-English catalogue, each a dynamic import so that the build makes it a chunk of its own. */
export const loadCatalog: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  fr: () => import('./locales/fr.js').then((module) => module.fr),
  es: () => import('./locales/es.js').then((module) => module.es),
  ar: () => import('./locales/ar.js').then((module) => module.ar),
  zh: () => import('./locales/zh.js').then((module) => module.zh),
};

let active: Locale = 'en';
/** The locale whose words the console shows. */
export const activeLocale = () => active;

/**
 * Puts a locale's words in place and marks the page with its language and direction. A catalogue that cannot load
 * (the network) leaves the console in English, marked so, rather than not starting.
 */
export async function useLocale(locale: Locale) {
  if (locale !== 'en') {
    try {
      install(await loadCatalog[locale](), INTL_TAGS[locale]);
      active = locale;
    } catch (error) {
      console.warn(`The console could not load its "${locale}" words; it shows English.`, error);
    }
  }
  document.documentElement.lang = active;
  document.documentElement.dir = directionOf(active);
  document.title = t.language.title;
}
