// Each locale of the console against English: the same keys (none missing, none extra), the same `{placeholders}`,
// no empty text, and for every count the plural forms its language uses. The checker is itself checked on
// broken catalogues, so that it cannot pass by checking nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCALES, type Locale, loadCatalog, pickLocale } from '../languages.js';
import { type Catalog, en } from '../strings.js';

type Tree = { [key: string]: string | Tree };

const isPlural = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && 'other' in value;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
const withoutCount = (names: string[]) => names.filter((name) => name !== 'count');

/** What is wrong with `strings` as the `locale` version of `english`, one line a problem; empty when nothing. */
function catalogProblems(locale: Locale, strings: Tree, english: Tree, path = ''): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  for (const key of Object.keys(strings)) {
    if (!(key in english)) problems.push(`${path}${key}: not in English`);
  }
  for (const [key, source] of Object.entries(english)) {
    const at = `${path}${key}`;
    const value = strings[key];
    if (value === undefined) {
      problems.push(`${at}: missing`);
    } else if (typeof source === 'string') {
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${at}: no text`);
      else if (placeholders(value).join() !== placeholders(source).join()) {
        problems.push(`${at}: placeholders {${placeholders(value)}} instead of {${placeholders(source)}}`);
      }
    } else if (isPlural(source)) {
      if (!isPlural(value)) {
        problems.push(`${at}: not plural forms`);
        continue;
      }
      const forms = Object.keys(value).sort();
      if (forms.join() !== [...categories].sort().join()) {
        problems.push(`${at}: forms ${forms} instead of ${[...categories].sort()}`);
      }
      // The forms for one, two or none may say the number in words; `other` always shows it.
      const english = placeholders(source.other ?? '');
      for (const [form, text] of Object.entries(value)) {
        const names = placeholders(text);
        const same =
          form === 'other'
            ? names.join() === english.join()
            : withoutCount(names).join() === withoutCount(english).join();
        if (!same) problems.push(`${at}.${form}: placeholders {${names}} instead of {${english}}`);
        if (text.trim() === '') problems.push(`${at}.${form}: no text`);
      }
    } else if (typeof value !== 'object' || isPlural(value)) {
      problems.push(`${at}: not a section`);
    } else {
      problems.push(...catalogProblems(locale, value, source, `${at}.`));
    }
  }
  return problems;
}

describe('the console’s catalogues', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: every English key, no other, the same placeholders, its language’s plural forms`, async () => {
      const strings = await loadCatalog[locale as Exclude<Locale, 'en'>]();
      assert.deepEqual(catalogProblems(locale, strings as unknown as Tree, en as unknown as Tree), []);
    });
  }

  it('the check finds a missing key, an extra key, a changed placeholder and a missing plural form', async () => {
    const fr = structuredClone(await loadCatalog.fr()) as unknown as Tree & { [k: string]: Tree };
    delete fr.app!.signOut;
    (fr.app as Tree).extra = 'Pas en anglais';
    (fr.responses as Tree).respond = 'Répondre à « {titre} »';
    delete (fr.attention!.newComments as Tree).many;
    assert.deepEqual(catalogProblems('fr', fr, en as unknown as Tree), [
      'app.extra: not in English',
      'app.signOut: missing',
      'responses.respond: placeholders {titre} instead of {title}',
      'attention.newComments: forms one,other instead of many,one,other',
    ]);
  });

  it('the check finds a count that `other` drops and a section turned into text', async () => {
    const ar = structuredClone(await loadCatalog.ar()) as unknown as Tree & { [k: string]: Tree };
    (ar.polls!.total as Tree).other = 'أصوات كثيرة';
    (ar as Tree).nav = 'لوحة التحكم';
    assert.deepEqual(catalogProblems('ar', ar, en as unknown as Tree), [
      'nav: not a section',
      'polls.total.other: placeholders {} instead of {count}',
    ]);
  });

  it('types a catalogue so that a missing key fails the typecheck', () => {
    const { signOut: _dropped, ...app } = en.app;
    // @ts-expect-error `app.signOut` is missing: `Catalog` requires every key of `en`.
    const incomplete: Catalog = { ...en, app };
    assert.ok(incomplete);
  });
});

describe('the console’s language', () => {
  it('takes the officer’s remembered choice first', () => {
    assert.equal(pickLocale('ar', ['fr-FR', 'en']), 'ar');
  });
  it('else the first of the browser’s languages that the console has', () => {
    assert.equal(pickLocale(null, ['de-DE', 'zh-Hant-TW', 'fr']), 'zh');
    assert.equal(pickLocale(null, ['es-MX']), 'es');
  });
  it('else English, ignoring a stored value that is no locale', () => {
    assert.equal(pickLocale('klingon', ['de', 'it']), 'en');
  });
});
