import { css } from 'lit';

export const serviceLocatorStyles = css`
  form,
  .results,
  article {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--civic-space-s, 0.5rem) var(--civic-space-m, 1rem);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  li {
    border-block-end: 1px solid var(--civic-color-border, #6b7280);
    padding-block-end: var(--civic-space-m, 1rem);
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
    color: var(--civic-color-muted, #4b5563);
  }
  .open {
    color: var(--civic-color-success, #166534);
  }
  caption,
  td,
  th {
    text-align: start;
    padding-inline-end: var(--civic-space-m, 1rem);
  }
`;
