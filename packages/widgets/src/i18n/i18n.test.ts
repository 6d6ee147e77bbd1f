import { expect } from '@open-wc/testing';
import { checkCatalog } from '../test-support/catalog.js';
import { commonCatalog, matchLocale } from './localize.js';

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
