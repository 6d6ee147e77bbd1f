// The widgets' own text in every language, from their locale files (by package name), so that a driver finds a
// control by the role and name a resident hears in that language, and a test checks the text a resident reads.
import type { CommonStrings, PetitionStrings } from '@civic-widgets/widgets';
import type { strings as FeedbackEn } from '@civic-widgets/widgets/feedback/i18n/en';
import type { strings as PresetsEn } from '@civic-widgets/widgets/feedback/i18n/presets.en';
import type { strings as PollEn } from '@civic-widgets/widgets/poll/i18n/en';
import type { strings as RatingEn } from '@civic-widgets/widgets/rating/i18n/en';
import type { strings as LocatorEn } from '@civic-widgets/widgets/service-locator/i18n/en';

export const LOCALES = ['en', 'fr', 'es', 'ar', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** One catalog in every language: `load(locale)` imports that language's file. */
async function catalog<T>(load: (locale: Locale) => Promise<{ strings: T }>): Promise<Record<Locale, T>> {
  const entries = await Promise.all(LOCALES.map(async (locale) => [locale, (await load(locale)).strings] as const));
  return Object.fromEntries(entries) as Record<Locale, T>;
}

export const common = await catalog<CommonStrings>((l) => import(`@civic-widgets/widgets/i18n/${l}`));
export const petition = await catalog<PetitionStrings>((l) => import(`@civic-widgets/widgets/petition/i18n/${l}`));
export const poll = await catalog<typeof PollEn>((l) => import(`@civic-widgets/widgets/poll/i18n/${l}`));
export const feedback = await catalog<typeof FeedbackEn>((l) => import(`@civic-widgets/widgets/feedback/i18n/${l}`));
export const rating = await catalog<typeof RatingEn>((l) => import(`@civic-widgets/widgets/rating/i18n/${l}`));
export const presets = await catalog<typeof PresetsEn>(
  (l) => import(`@civic-widgets/widgets/feedback/i18n/presets.${l}`),
);
export const serviceLocator = await catalog<typeof LocatorEn>(
  (l) => import(`@civic-widgets/widgets/service-locator/i18n/${l}`),
);

/** A message with its `{placeholders}` filled in: `format(poll.en.moveUp, { label: 'C' })`. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The plural form of `forms` for `count` in `locale`, filled in (`{count}`, and `{value}` as the same number). */
export function plural(forms: Record<string, string>, count: number, locale: Locale = 'en'): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? '';
  return format(form, { count, value: count });
}

/** `{count}` plural forms as a pattern, whatever the number's digits and separators in that language. */
export const pluralPattern = (forms: Record<string, string>, { whole = false } = {}) => {
  const alternatives = Object.values(forms)
    .map((form) =>
      form
        .split('{count}')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\d\\s\\u00a0\\u202f,.\\u066b\\u066c\\u0660-\\u0669]+'),
    )
    .join('|');
  return new RegExp(whole ? `^(?:${alternatives})$` : alternatives);
};

/** The digits of a number as a widget shows it ("1,235 signatures" is 1235). */
export const digitsOf = (text: string) => Number(text.replace(/[^\d]/g, ''));
