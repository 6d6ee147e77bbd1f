import { expect, fixture } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import type { Example } from './examples.js';

// WCAG 2.2's target size (2.5.8, 24 by 24 CSS pixels or enough spacing) is off by default in axe-core 4; it is
// part of the AA we promise, so every axe check here includes it. chai-a11y-axe uses this same window.axe.
(window as unknown as { axe: { configure(spec: unknown): void } }).axe.configure({
  rules: [{ id: 'target-size', enabled: true }],
});

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
