import { css, html, nothing, svg } from 'lit';

// The console's charts, drawn in SVG from Lit (no library, no inline style, so the strict CSP holds). A chart is
// only a picture: every caller puts the same numbers in a table beside it, which is what a screen reader reads.

/** One bar of a chart over time; `value` null draws nothing there (a gap), which is not a zero. */
export interface Column {
  value: number | null;
  /** Drawn fainter: a figure resting on few answers. */
  faint?: boolean;
}

/**
 * Bars in time order, on a baseline at zero (below it for negative values, as NPS can be). `low` and `high` fix
 * the scale (0–1 for shares, 1–5 for stars); otherwise it runs from zero to the highest value.
 */
export function columnChart(label: string, columns: Column[], scale: { low?: number; high?: number } = {}) {
  const values = columns.map((c) => c.value).filter((v): v is number => v !== null);
  const low = Math.min(scale.low ?? 0, 0, ...values);
  const high = Math.max(scale.high ?? 0, ...values, low + 1);
  const y = (value: number) => 100 - ((value - low) / (high - low)) * 98;
  const zero = y(0);
  const width = columns.length * 10;
  return html`<svg class="chart" viewBox="0 0 ${width} 100" preserveAspectRatio="none" role="img" aria-label=${label}>
    ${columns.map((column, i) => {
      if (column.value === null) return nothing;
      const top = Math.min(y(column.value), zero);
      return svg`<rect class=${column.faint ? 'faint' : ''} x=${i * 10 + 1} y=${top} width="8" height=${Math.max(Math.abs(y(column.value) - zero), 0.5)}></rect>`;
    })}
    <line x1="0" y1=${zero} x2=${width} y2=${zero} stroke-width="2"></line>
  </svg>`;
}

/**
 * One horizontal bar per item, its label and number written beside it (a consultation's options). The list is
 * a picture with a name: the table that follows it is the text alternative.
 */
export function barList(label: string, bars: { label: string; value: number | null; text: string }[]) {
  const highest = Math.max(...bars.map((bar) => bar.value ?? 0), 1);
  return html`<div class="bar-list" role="img" aria-label=${label}>
    ${bars.map(
      (bar) => html`<div class="bar">
        <span><bdi>${bar.label}</bdi>: ${bar.text}</span>
        <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
          <rect x="0" y="0" height="4" width=${((bar.value ?? 0) / highest) * 100}></rect>
        </svg>
      </div>`,
    )}
  </div>`;
}

/** How the charts look, on the `--civic-*` tokens. */
export const chartStyles = css`
  svg.chart {
    display: block;
    inline-size: 100%;
    block-size: 8rem;
    margin-block: 1rem;
  }
  rect {
    fill: var(--civic-color-primary, #00703c);
  }
  rect.faint {
    fill-opacity: 0.4;
  }
  line {
    stroke: var(--civic-color-text, #0b0c0c);
  }
  .bar-list {
    margin-block: 1rem;
  }
  .bar svg {
    display: block;
    inline-size: 100%;
    block-size: 1rem;
    margin-block-end: 0.5rem;
  }
`;
