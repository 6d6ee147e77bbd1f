import { css } from 'lit';

/** The console's look, on the widgets' `--civic-*` tokens so that a council's theme reaches both. */
export const consoleStyles = css`
  :host {
    display: block;
    font-family: var(--civic-font-family, system-ui, sans-serif);
    color: var(--civic-color-text, #0b0c0c);
    line-height: 1.5;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block: 1rem 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    box-sizing: border-box;
    inline-size: min(100%, 40rem);
    padding: 0.5rem;
    border: 2px solid var(--civic-color-border, #0b0c0c);
    border-radius: var(--civic-radius, 0);
  }
  textarea {
    min-block-size: 8rem;
  }
  button {
    font: inherit;
    margin-block-start: 1rem;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: var(--civic-radius, 0);
    background: var(--civic-color-primary, #00703c);
    color: var(--civic-color-on-primary, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--civic-color-link, #1d70b8);
    text-decoration: underline;
    padding: 0;
  }
  :focus-visible {
    outline: 3px solid var(--civic-color-focus, #fd0);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--civic-color-text, #0b0c0c);
  }
  [role='alert'] {
    border-inline-start: 5px solid var(--civic-color-error, #d4351c);
    padding-inline-start: 0.75rem;
    color: var(--civic-color-error, #d4351c);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem;
    border-block-end: 1px solid var(--civic-color-border, #b1b4b6);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* Filters side by side when there is room, one under another at 320 px. */
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .fields input,
  .fields select {
    inline-size: 12rem;
    max-inline-size: 100%;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin-block-start: 1rem;
  }
  .check input {
    inline-size: auto;
  }
  .check label {
    margin: 0;
  }
  .cards {
    list-style: none;
    padding: 0;
  }
  .cards > li {
    border-block-end: 1px solid var(--civic-color-border, #b1b4b6);
    padding-block: 0.5rem 1rem;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--civic-color-text-secondary, #505a5f);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }
  /* A wide table scrolls inside its own region at 320 px rather than the page. */
  .scroll {
    overflow-x: auto;
    /* Holds the visually hidden texts of its cells, which would otherwise widen the page. */
    position: relative;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    list-style: none;
    padding: 0;
  }
  a {
    color: var(--civic-color-link, #1d70b8);
  }
  a[aria-current='page'] {
    font-weight: 700;
    text-decoration: none;
  }
  .field-error {
    color: var(--civic-color-error, #d4351c);
    font-weight: 600;
    margin: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--civic-color-error, #d4351c);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin-block-start: 1rem;
  }
  legend {
    font-weight: 600;
  }
`;
