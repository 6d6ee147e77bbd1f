import { expect, fixture } from '@open-wc/testing';
import type { Example } from './examples.js';

/** One test per example: render it, bring it into its state, and check it with axe. */
export function describeExamples(examples: Example[]): void {
  describe('examples pass axe', () => {
    for (const example of examples) {
      it(example.name, async () => {
        const element = await fixture<HTMLElement>(example.render());
        await example.setup?.(element);
        await expect(element).to.be.accessible();
      });
    }
  });
}
