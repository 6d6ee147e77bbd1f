import { css } from 'lit';
import { themed } from '../styles/tokens.js';

export const serviceLocatorStyles = themed(css`
  form,
  .results,
  article {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--civic-space-s) var(--civic-space-m);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  li {
    border-block-end: 1px solid var(--civic-color-border);
    padding-block-end: var(--civic-space-m);
  }
  h3,
  h4,
  dl,
  dd,
  p {
    margin: 0;
  }
  dt {
    font-weight: bold;
  }
  .muted {
    color: var(--civic-color-muted);
  }
  .open {
    color: var(--civic-color-success);
  }
  caption,
  td,
  th {
    text-align: start;
    padding-inline-end: var(--civic-space-m);
  }
`);
