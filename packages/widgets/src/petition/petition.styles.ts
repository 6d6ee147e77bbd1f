import { css } from 'lit';
import { themed } from '../styles/tokens.js';

export const petitionStyles = themed(css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs) var(--civic-space-l);
  }
  .meta dt {
    font-weight: bold;
  }
  .meta div {
    display: flex;
    gap: var(--civic-space-xs);
  }
  .meta dd {
    margin: 0;
  }
  .body p + p {
    margin-block-start: var(--civic-space-s);
  }
  details > summary {
    cursor: pointer;
    color: var(--civic-color-accent);
    text-decoration: underline;
  }
  details[open] > summary {
    margin-block-end: var(--civic-space-s);
  }
  .count {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs);
  }
  .total {
    font-size: 1.25em;
    transform-origin: left;
  }
  [dir='rtl'] .total {
    transform-origin: right;
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    accent-color: var(--civic-color-accent);
  }
  .notice {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-s);
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-s);
  }
  /* Clipped in place rather than moved off-screen: a box 10000px to one side widens the page, which then scrolls
     sideways whenever the widget's direction differs from the page's (an English widget on an Arabic page). */
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .total {
      animation: civic-count-in 0.4s ease-out;
    }
    @keyframes civic-count-in {
      from {
        transform: scale(1.08);
      }
    }
  }
`);
