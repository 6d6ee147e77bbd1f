import { css } from 'lit';
import { token } from '../styles/tokens.js';

export const feedbackStyles = css`
  .feedback,
  section {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  .question {
    font-weight: bold;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-m')};
  }
  h2 {
    font-size: ${token('font-size-heading')};
    margin: 0;
  }
  .launcher {
    position: fixed;
    inset-block-end: ${token('space-m')};
    inset-inline-end: ${token('space-m')};
    z-index: 2147483000;
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .close {
    float: inline-end;
  }
`;
