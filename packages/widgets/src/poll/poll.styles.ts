import { css } from 'lit';
import { token } from '../styles/tokens.js';

export const pollStyles = css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  .ranking,
  .chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: ${token('space-s')};
  }
  .ranking li {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
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
    padding: ${token('space-xs')} ${token('space-s')};
  }
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .chart li {
    display: grid;
    gap: ${token('space-xs')};
  }
  meter {
    inline-size: 100%;
    block-size: 1rem;
  }
  meter::-webkit-meter-bar {
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: 0;
  }
  meter::-webkit-meter-optimum-value {
    background: ${token('color-accent')};
  }
  meter::-moz-meter-bar {
    background: ${token('color-accent')};
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: ${token('space-xs')} ${token('space-s')};
    border-block-end: 1px solid ${token('color-border')};
  }
`;
