import { css } from 'lit';
import { themed } from '../styles/tokens.js';

export const petitionStartStyles = themed(css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  .similar {
    border-inline-start: 4px solid var(--civic-color-accent);
    padding-inline-start: var(--civic-space-m);
  }
  .similar ul {
    margin: 0;
    padding-inline-start: var(--civic-space-l);
  }
  .similar li + li {
    margin-block-start: var(--civic-space-s);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs) var(--civic-space-l);
  }
  .meta div {
    display: flex;
    gap: var(--civic-space-xs);
  }
  .meta dt {
    font-weight: bold;
  }
  .meta dd {
    margin: 0;
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--civic-space-s);
  }
  .share .field {
    flex: 1 1 16rem;
  }
  /* Clipped in place rather than moved off-screen, as the petition's: an off-screen box widens a right-to-left page. */
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`);
