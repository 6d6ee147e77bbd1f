import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type AdminPetition, api, endsSession } from './api.js';
import { chartStyles, columnChart } from './bar-chart.js';
import { format, number, onDay, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.petitions;
const DAY = 24 * 60 * 60 * 1000;
/** The longest span drawn day by day: a year; older days still appear in the table. */
const MAX_DAYS = 366;

/** Every day from the first to the last with signatures, the quiet ones as zero, so that the bars keep time. */
export function everyDay(days: { day: string; count: number }[]) {
  if (!days.length) return [];
  const byDay = new Map(days.map((d) => [d.day, d.count]));
  const last = Date.parse(days.at(-1)!.day);
  const first = Math.max(Date.parse(days[0]!.day), last - (MAX_DAYS - 1) * DAY);
  const all = [];
  for (let time = first; time <= last; time += DAY) {
    const day = new Date(time).toISOString().slice(0, 10);
    all.push({ day, count: byDay.get(day) ?? 0 });
  }
  return all;
}

/**
 * A petition's signatures per day: a bar chart drawn in SVG, and the same numbers as a table, since a chart
 * alone tells a screen reader nothing. Its heading takes focus when it opens.
 */
@customElement('civic-console-signatures-chart')
export class CivicConsoleSignaturesChart extends LitElement {
  static override styles = [consoleStyles, chartStyles];

  /** The petition whose signatures are counted. */
  @property({ attribute: false }) petition?: AdminPetition;
  @state() private days?: { day: string; count: number }[];
  @state() private loadError = false;
  @query('h2') private heading?: HTMLElement;

  override async updated(changed: Map<string, unknown>) {
    if (!changed.has('petition') || !this.petition) return;
    this.days = undefined;
    try {
      this.days = (await api.signaturesPerDay(this.petition.id)).days;
      this.loadError = false;
    } catch (error) {
      if (!endsSession(error, this)) this.loadError = true;
    }
    await this.updateComplete;
    this.heading?.focus();
  }

  override render() {
    if (!this.petition) return nothing;
    return html`
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading" tabindex="-1">${format(s.perDay, { title: this.petition.title })}</h2>
        ${this.loadError ? html`<p role="alert">${t.common.loadError}</p>` : nothing}
        ${this.days ? this.renderDays(this.days) : this.loadError ? nothing : html`<p>${t.common.loading}</p>`}
      </section>
    `;
  }

  private renderDays(days: { day: string; count: number }[]) {
    if (!days.length) return html`<p>${s.noSignatures}</p>`;
    const all = everyDay(days);
    const label = format(s.chartLabel, { first: onDay(all[0]!.day), last: onDay(all.at(-1)!.day) });
    return html`
      ${columnChart(
        label,
        all.map((d) => ({ value: d.count })),
      )}
      <div class="scroll" role="region" aria-labelledby="chart-heading" tabindex="0">
        <table>
          <thead><tr><th scope="col">${s.day}</th><th scope="col">${s.signatures}</th></tr></thead>
          <tbody>
            ${days.map((d) => html`<tr><th scope="row">${onDay(d.day)}</th><td class="number">${number(d.count)}</td></tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-signatures-chart': CivicConsoleSignaturesChart;
  }
}
