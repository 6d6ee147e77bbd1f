import { css } from 'lit';
import { token } from './tokens.js';

// Kept apart from the base styles so that widgets without a form (the petition counter) do not download them.
/** Native form controls and the error summary, shared by every widget with a form. */
export const formStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  fieldset {
    border: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  legend {
    font-weight: bold;
    padding: 0;
    margin-block-end: ${token('space-s')};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
  }
  label {
    font-weight: bold;
  }
  .check {
    display: flex;
    gap: ${token('space-s')};
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
    accent-color: ${token('color-accent')};
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: ${token('color-surface')};
    padding: ${token('space-xs')} ${token('space-s')};
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    max-inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .error {
    color: ${token('color-danger')};
    font-weight: bold;
  }
  .error-summary {
    padding: ${token('space-m')};
    border: 3px solid ${token('color-danger')};
    border-radius: ${token('radius')};
  }
  .error-summary ul {
    padding-inline-start: ${token('space-l')};
  }
  .error-summary a {
    color: ${token('color-danger')};
    font-weight: bold;
  }
  button {
    font: inherit;
    align-self: flex-start;
    cursor: pointer;
    padding: ${token('space-s')} ${token('space-m')};
    border: 2px solid ${token('color-accent')};
    border-radius: ${token('radius')};
    background: ${token('color-accent')};
    color: ${token('color-on-accent')};
  }
  button.secondary {
    background: transparent;
    color: ${token('color-accent')};
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
