import type { TemplateResult } from 'lit';

/**
 * One documented state of a widget. `*.examples.ts` files export `examples: Example[]`; `describeExamples`
 * runs axe on each, and the docs link to them.
 */
export interface Example {
  /** Names the state, e.g. `validation errors`. */
  name: string;
  /** The markup, with whatever fake client the state needs. */
  render: () => TemplateResult;
  /** Brings the element into the state after it has rendered (fill a form, submit, wait for data). */
  setup?: (element: HTMLElement) => Promise<void>;
}
