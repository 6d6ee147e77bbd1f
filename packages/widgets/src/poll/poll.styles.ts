import { css } from 'lit';
import { themed } from '../styles/tokens.js';

export const pollStyles = themed(css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  .ranking,
  .chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-s);
  }
  .ranking li {
    display: flex;
    align-items: center;
    gap: var(--civic-space-s);
    padding: var(--civic-space-xs);
    border: 1px solid var(--civic-color-border);
    border-radius: var(--civic-radius);
    cursor: grab;
  }
  .ranking .label {
    flex: 1;
  }
  .rank {
    font-weight: bold;
    min-inline-size: 1.5em;
    text-align: center;
  }
  .ranking button {
    padding: var(--civic-space-xs) var(--civic-space-s);
  }
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .chart li {
    display: grid;
    gap: var(--civic-space-xs);
  }
  meter {
    inline-size: 100%;
    block-size: 1rem;
  }
  meter::-webkit-meter-bar {
    background: var(--civic-color-surface);
    border: 1px solid var(--civic-color-border);
    border-radius: 0;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--civic-color-accent);
  }
  meter::-moz-meter-bar {
    background: var(--civic-color-accent);
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--civic-space-xs) var(--civic-space-s);
    border-block-end: 1px solid var(--civic-color-border);
  }
`);
