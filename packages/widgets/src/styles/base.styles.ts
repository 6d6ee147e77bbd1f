import { css } from 'lit';
import { textReset } from './text-reset.styles.js';
import { themed } from './tokens.js';

/**
 * The styles every widget starts from. Design tokens are read, never set, so that a page can theme every widget
 * from `:root`; each gets its default from `tokens.ts` (`themed()`), so a widget looks right with no
 * stylesheet at all. Text inherits the page's font and colour, and nothing else of the page's text styles
 * (`textReset`). Layout uses logical properties so that right-to-left languages mirror.
 */
export const baseStyles = themed(css`
  ${textReset}
  :host {
    display: block;
    font: inherit;
    color: inherit;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  h2,
  h3,
  p,
  ul,
  dl,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: var(--civic-font-size-heading);
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
  }
  a {
    color: var(--civic-color-accent);
  }
  :focus-visible {
    outline: var(--civic-focus-ring);
    outline-offset: 2px;
  }
  .muted,
  .hint {
    color: var(--civic-color-muted);
  }
  /* No negative margin (the older pattern): it puts the text 1px outside the widget's box, and an RTL page with
     the widget at its left edge then scrolls sideways by that pixel. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .notice {
    padding: var(--civic-space-m);
    border-inline-start: 4px solid var(--civic-color-accent);
    background: var(--civic-color-surface);
  }
  .notice.error {
    border-color: var(--civic-color-danger);
  }
  .notice.success {
    border-color: var(--civic-color-success);
  }
`);
