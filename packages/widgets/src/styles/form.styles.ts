import { css } from 'lit';
import { themed } from './tokens.js';

// Kept apart from the base styles so that widgets without a form (the petition counter) do not download them.
/** Native form controls and the error summary, shared by every widget with a form. */
export const formStyles = themed(css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  fieldset {
    border: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  legend {
    font-weight: bold;
    padding: 0;
    margin-block-end: var(--civic-space-s);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs);
  }
  label {
    font-weight: bold;
  }
  .check {
    display: flex;
    gap: var(--civic-space-s);
    align-items: flex-start;
  }
  .check label {
    font-weight: normal;
  }
  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.125em 0 0;
    flex: none;
    accent-color: var(--civic-color-accent);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--civic-color-surface);
    padding: var(--civic-space-xs) var(--civic-space-s);
    border: 2px solid var(--civic-color-border);
    border-radius: var(--civic-radius);
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--civic-color-danger);
  }
  .error {
    color: var(--civic-color-danger);
    font-weight: bold;
  }
  .error-summary {
    padding: var(--civic-space-m);
    border: 3px solid var(--civic-color-danger);
    border-radius: var(--civic-radius);
  }
  .error-summary ul {
    padding-inline-start: var(--civic-space-l);
  }
  .error-summary a {
    color: var(--civic-color-danger);
    font-weight: bold;
  }
  button {
    font: inherit;
    align-self: flex-start;
    cursor: pointer;
    padding: var(--civic-space-s) var(--civic-space-m);
    border: 2px solid var(--civic-color-accent);
    border-radius: var(--civic-radius);
    background: var(--civic-color-accent);
    color: var(--civic-color-on-accent);
  }
  button.secondary {
    background: transparent;
    color: var(--civic-color-accent);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`);
