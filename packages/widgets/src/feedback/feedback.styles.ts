import { css } from 'lit';
import { themed } from '../styles/tokens.js';

export const feedbackStyles = themed(css`
  .feedback,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  .question {
    font-weight: bold;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--civic-space-m);
  }
  h2 {
    font-size: var(--civic-font-size-heading);
    margin: 0;
  }
  .launcher {
    position: fixed;
    inset-block-end: var(--civic-space-m);
    inset-inline-end: var(--civic-space-m);
    z-index: 2147483000;
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--civic-space-l);
    border: 1px solid var(--civic-color-border);
    border-radius: var(--civic-radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .close {
    float: inline-end;
  }
`);
