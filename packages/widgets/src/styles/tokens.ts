import { type CSSResult, unsafeCSS } from 'lit';

/**
 * Every design token a widget reads, with its default: the one place a default is written. A page sets
 * `--civic-<name>` anywhere above a widget to theme it (docs/theming.md); widgets only read them, through
 * `themed()`. Colours meet WCAG AA as text on white and on light grey page backgrounds (surfaces are transparent,
 * so the page's background is behind them): accent 6.7:1, danger 6.5:1, success 7.1:1, muted 7.6:1.
 */
export const tokens = {
  'color-accent': '#1d4ed8',
  'color-on-accent': '#fff',
  'color-danger': '#b91c1c',
  'color-success': '#166534',
  'color-border': '#6b7280',
  'color-muted': '#4b5563',
  'color-surface': 'transparent',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  radius: '4px',
  'focus-ring': '3px solid #1e3a8a',
  'font-size-heading': '1.375em',
} as const;

export type TokenName = keyof typeof tokens;

/**
 * The stylesheet with each `var(--civic-<name>)` given its default from `tokens`: styles name a token and never
 * write its default. (Not an interpolation per token: the CDN build's CSS minifier sees every `${}` as the same
 * placeholder, and merges neighbouring rules that then look alike.) `unsafeCSS` is safe here: the text is our own
 * stylesheet and the constants above, never input. (An unknown name gets `undefined`, which tokens.test.ts
 * catches.)
 */
export function themed(sheet: CSSResult): CSSResult {
  return unsafeCSS(
    sheet.cssText.replace(
      /var\(--civic-([\w-]+)\)/g,
      (_, name: string) => `var(--civic-${name}, ${tokens[name as TokenName]})`,
    ),
  );
}
