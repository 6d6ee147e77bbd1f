import { css } from 'lit';

export const pollStyles = css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  .ranking,
  .chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-s, 0.5rem);
  }
  .ranking li {
    display: flex;
    align-items: center;
    gap: var(--civic-space-s, 0.5rem);
    padding: var(--civic-space-xs, 0.25rem);
    border: 1px solid var(--civic-color-border, #6b7280);
    border-radius: var(--civic-radius, 4px);
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
    padding: var(--civic-space-xs, 0.25rem) var(--civic-space-s, 0.5rem);
  }
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .chart li {
    display: grid;
    gap: var(--civic-space-xs, 0.25rem);
  }
  meter {
    inline-size: 100%;
    block-size: 1rem;
  }
  meter::-webkit-meter-bar {
    background: var(--civic-color-surface, #fff);
    border: 1px solid var(--civic-color-border, #6b7280);
    border-radius: 0;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--civic-color-accent, #1d4ed8);
  }
  meter::-moz-meter-bar {
    background: var(--civic-color-accent, #1d4ed8);
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--civic-space-xs, 0.25rem) var(--civic-space-s, 0.5rem);
    border-block-end: 1px solid var(--civic-color-border, #6b7280);
  }
`;
