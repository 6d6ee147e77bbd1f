import { css } from 'lit';

export const petitionStyles = css`
  article,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-m, 1rem);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs, 0.25rem) var(--civic-space-l, 1.5rem);
  }
  .meta dt {
    font-weight: bold;
  }
  .meta div {
    display: flex;
    gap: var(--civic-space-xs, 0.25rem);
  }
  .meta dd {
    margin: 0;
  }
  .body p + p {
    margin-block-start: var(--civic-space-s, 0.5rem);
  }
  details > summary {
    cursor: pointer;
    color: var(--civic-color-accent, #1d4ed8);
    text-decoration: underline;
  }
  details[open] > summary {
    margin-block-end: var(--civic-space-s, 0.5rem);
  }
  .count {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs, 0.25rem);
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
    accent-color: var(--civic-color-accent, #1d4ed8);
  }
  .notice {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-s, 0.5rem);
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-s, 0.5rem);
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
`;
