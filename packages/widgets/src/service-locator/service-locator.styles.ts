import { css } from 'lit';
import { token } from '../styles/tokens.js';

export const serviceLocatorStyles = css`
  form,
  .results,
  article {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-s')} ${token('space-m')};
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  li {
    border-block-end: 1px solid ${token('color-border')};
    padding-block-end: ${token('space-m')};
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
    color: ${token('color-muted')};
  }
  .open {
    color: ${token('color-success')};
  }
  caption,
  td,
  th {
    text-align: start;
    padding-inline-end: ${token('space-m')};
  }
`;
