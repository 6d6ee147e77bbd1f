import { css } from 'lit';

export const feedbackStyles = css`
  .feedback,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  .question {
    font-weight: bold;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--civic-space-m, 1rem);
  }
  h2 {
    font-size: var(--civic-font-size-heading, 1.375em);
    margin: 0;
  }
  .launcher {
    position: fixed;
    inset-block-end: var(--civic-space-m, 1rem);
    inset-inline-end: var(--civic-space-m, 1rem);
    z-index: 2147483000;
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--civic-space-l, 1.5rem);
    border: 1px solid var(--civic-color-border, #6b7280);
    border-radius: var(--civic-radius, 4px);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .close {
    float: inline-end;
  }
`;
