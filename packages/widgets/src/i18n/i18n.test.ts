import { expect } from '@open-wc/testing';
import { strings as en } from './en.js';
import { LOCALES, loadLocale, matchLocale } from './localize.js';
import type { Strings } from './strings.js';

/** Every key path of a strings object, plural forms excluded (each language has its own categories). */
function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null && !('other' in child)
      ? keys(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('locales', () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, every text non-empty, every plural with the forms its language uses`, async () => {
      const strings = (await loadLocale(locale)) as Strings;
      expect(keys(strings).sort()).to.deep.equal(keys(en).sort());
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const section of Object.values(strings)) {
        for (const value of Object.values(section as object)) {
          if (typeof value === 'string') expect(value.trim()).not.to.equal('');
          else for (const category of categories) expect(value, category).to.have.property(category);
        }
      }
    });
  }

  it('keeps the same placeholders as English in every text', async () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of LOCALES) {
      const strings = (await loadLocale(locale)) as Strings;
      for (const [section, values] of Object.entries(en)) {
        for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
          const theirs = (strings as unknown as Record<string, Record<string, unknown>>)[section]![key];
          if (typeof value === 'string') {
            expect(placeholders(theirs as string), `${locale} ${section}.${key}`).to.deep.equal(placeholders(value));
          }
        }
      }
    }
  });

  it('matches page languages to the shipped locales', () => {
    expect(['fr-CA', 'zh-Hans-CN', 'AR', 'es_MX', 'de', ''].map(matchLocale)).to.deep.equal([
      'fr',
      'zh',
      'ar',
      'es',
      'en',
      'en',
    ]);
  });
});
