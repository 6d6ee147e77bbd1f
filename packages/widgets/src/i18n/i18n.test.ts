import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { checkCatalog } from '../test-support/catalog.js';
import { asCompared } from '../test-support/engine.js';
import { commonCatalog, LocalizeController, matchLocale } from './localize.js';

checkCatalog('common', commonCatalog);

describe('matchLocale', () => {
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

class NumberHost extends LitElement {
  l10n = new LocalizeController(this);
}
customElements.define('i18n-number-host', NumberHost);

describe('LocalizeController.number', () => {
  // The number formats are shared by every widget on the page, one per language, and small whole numbers skip
  // Intl where the language always writes Latin digits: each tag must still get what Intl gives, its own digits and
  // separators (Egyptian Arabic and `-u-nu-` tags write other digits than their language's default).
  for (const lang of ['en', 'fr-CA', 'es', 'zh-Hans-CN', 'ar', 'ar-EG', 'en-u-nu-arab', 'zh-u-nu-hanidec']) {
    it(`writes numbers as Intl.NumberFormat does in ${lang}`, async () => {
      const host = await fixture<NumberHost>(html`<i18n-number-host lang=${lang}></i18n-number-host>`);
      await host.l10n.ready;
      await host.updateComplete;
      expect(host.l10n.lang).to.equal(lang);
      const intl = new Intl.NumberFormat(lang);
      const values = [0, 7, 10, 999, 1000, 1234567, 2.5, -3];
      expect(values.map((value) => asCompared(host.l10n.number(value)))).to.deep.equal(
        values.map((value) => asCompared(intl.format(value))),
      );
    });
  }

  it('formats with Intl options (a unit, a percentage), each set of options its own format', async () => {
    const host = await fixture<NumberHost>(html`<i18n-number-host lang="fr"></i18n-number-host>`);
    await host.l10n.ready;
    await host.updateComplete;
    const km = { style: 'unit', unit: 'kilometer' } as const;
    const percent = { style: 'percent' } as const;
    expect(host.l10n.number(5, km)).to.equal(new Intl.NumberFormat('fr', km).format(5));
    expect(host.l10n.number(0.25, percent)).to.equal(new Intl.NumberFormat('fr', percent).format(0.25));
    expect(host.l10n.number(5)).to.equal('5');
  });
});
