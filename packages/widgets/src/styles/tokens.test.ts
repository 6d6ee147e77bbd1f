import { expect } from '@open-wc/testing';
import type { CSSResultGroup } from 'lit';
import * as widgets from '../index.js';
import { tokens } from './tokens.js';

/** The CSS text of an element's `static styles`, however nested. */
function cssText(styles: CSSResultGroup | undefined): string {
  if (!styles) return '';
  if (Array.isArray(styles)) return styles.map((style) => cssText(style as CSSResultGroup)).join('\n');
  return 'cssText' in styles ? styles.cssText : '';
}

type Styled = { styles?: CSSResultGroup };
const elements = (Object.entries(widgets) as [string, unknown][]).filter(
  (entry): entry is [string, Styled] =>
    typeof entry[1] === 'function' && entry[1].prototype instanceof HTMLElement && 'styles' in entry[1],
);

describe('design tokens', () => {
  it('finds the styles of every element', () => {
    expect(elements.map(([name]) => name)).to.include.members([
      'CivicFeedback',
      'CivicPetition',
      'CivicPetitionCounter',
      'CivicPoll',
      'CivicRating',
      'CivicServiceLocator',
    ]);
  });

  for (const [name, element] of elements) {
    it(`${name} reads every --civic-* token with the default of styles/tokens.ts`, () => {
      const css = cssText(element.styles);
      const reads = [...css.matchAll(/var\(\s*--civic-([\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g)];
      const wrong = reads
        .map(([, token, fallback]) => ({ token, fallback: fallback?.trim() }))
        .filter(({ token, fallback }) => fallback !== tokens[token as keyof typeof tokens]);
      expect(wrong, `${name}: a token without the module's default`).to.deep.equal([]);
      // Every other mention of a token is a read above, or one a style sets on itself (which a page could not override).
      expect(css.match(/--civic-/g)?.length ?? 0).to.equal(reads.length);
    });
  }
});
