import { css } from 'lit';

// Kept apart from the base styles so that widgets without a form (the petition counter) do not download them.
/** Native form controls and the error summary, shared by every widget with a form. */
export const formStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  fieldset {
    border: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  legend {
    font-weight: bold;
    padding: 0;
    margin-block-end: var(--civic-space-s, 0.5rem);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs, 0.25rem);
  }
  label {
    font-weight: bold;
  }
  .check {
    display: flex;
    gap: var(--civic-space-s, 0.5rem);
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
    accent-color: var(--civic-color-accent, #1d4ed8);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--civic-color-surface, transparent);
    padding: var(--civic-space-xs, 0.25rem) var(--civic-space-s, 0.5rem);
    border: 2px solid var(--civic-color-border, #6b7280);
    border-radius: var(--civic-radius, 4px);
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--civic-color-danger, #b91c1c);
  }
  .error {
    color: var(--civic-color-danger, #b91c1c);
    font-weight: bold;
  }
  .error-summary {
    padding: var(--civic-space-m, 1rem);
    border: 3px solid var(--civic-color-danger, #b91c1c);
    border-radius: var(--civic-radius, 4px);
  }
  .error-summary ul {
    padding-inline-start: var(--civic-space-l, 1.5rem);
  }
  .error-summary a {
    color: var(--civic-color-danger, #b91c1c);
    font-weight: bold;
  }
  button {
    font: inherit;
    align-self: flex-start;
    cursor: pointer;
    padding: var(--civic-space-s, 0.5rem) var(--civic-space-m, 1rem);
    border: 2px solid var(--civic-color-accent, #1d4ed8);
    border-radius: var(--civic-radius, 4px);
    background: var(--civic-color-accent, #1d4ed8);
    color: var(--civic-color-on-accent, #fff);
  }
  button.secondary {
    background: transparent;
    color: var(--civic-color-accent, #1d4ed8);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
