import { expect } from '@open-wc/testing';
import { LOCALES, loadCatalog } from '../i18n/localize.js';
import type { Catalog } from '../i18n/strings.js';

/** Every key path of a strings object; plural forms are leaves (each language has its own categories). */
function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null && !('other' in child)
      ? keys(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Checks one section's locale files against English: the same keys, no empty text, the same `{placeholders}`,
 * and each plural with every category its language uses.
 */
export function checkCatalog(name: string, catalog: Catalog<object>): void {
  describe(`${name} strings`, () => {
    for (const locale of LOCALES) {
      it(`${locale}: complete, with the English keys and placeholders and its own plural forms`, async () => {
        const strings = (await loadCatalog(catalog, locale)) as Record<string, unknown>;
        const english = catalog.en as Record<string, unknown>;
        expect(keys(strings).sort()).to.deep.equal(keys(english).sort());
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, value] of Object.entries(strings)) {
          if (typeof value === 'string') {
            expect(value.trim(), `${locale} ${key}`).not.to.equal('');
            expect(placeholders(value), `${locale} ${key}`).to.deep.equal(placeholders(english[key] as string));
          } else {
            for (const category of categories) expect(value, `${locale} ${key}`).to.have.property(category);
          }
        }
      });
    }
  });
}
