import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, endsSession, type TrendFilter, type TrendWeek } from './api.js';
import { chartStyles, columnChart } from './bar-chart.js';
import { format, onDay, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.trends;
const DAY = 24 * 60 * 60 * 1000;
/** Below this many answers a week's figure is marked: one or two residents can swing it. */
export const FEW = 10;
const whole = new Intl.NumberFormat('en-GB');
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

type Figure = 'yes' | 'stars' | 'csat' | 'nps';

/** Each chart: how its value reads, and the scale its bars are drawn on. */
const FIGURES: Record<Figure, { text: (value: number) => string; low?: number; high?: number }> = {
  yes: { text: (v) => percent.format(v), high: 1 },
  stars: { text: (v) => decimal.format(v), high: 5 },
  csat: { text: (v) => percent.format(v), high: 1 },
  nps: { text: (v) => whole.format(Math.round(v)), low: -100, high: 100 },
};

/** "Week 23, 2026 (from 1 Jun 2026)": the ISO week a Monday starts; its Thursday says which year it belongs to. */
export function weekName(monday: string) {
  const thursday = new Date(Date.parse(monday) + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return format(s.weekOf, { number, year, day: onDay(monday) });
}

/**
 * Feedback trends: for one topic or page (or everything), by ISO week, how many answered, the share of "yes",
 * the average stars, CSAT and NPS. Each figure is a bar chart with its numbers in a table; an empty week is a
 * gap, and a figure resting on few answers is marked in both. Fires `session-ended` on a 401.
 */
@customElement('civic-console-trends')
export class CivicConsoleTrends extends LitElement {
  static override styles = [consoleStyles, chartStyles];

  @state() private weeks?: TrendWeek[];
  @state() private subject = s.everything;
  @state() private loadError?: string;
  @state() private filterError?: string;
  @state() private announcement = '';
  @query('#trends-error') private errorElement?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load({});
  }

  private async load(filter: TrendFilter) {
    try {
      this.weeks = await api.feedbackTrends(filter);
      this.subject = [filter.topic, filter.page].filter(Boolean).join(', ') || s.everything;
      this.loadError = undefined;
      this.announcement = format(s.shown, { subject: this.subject });
    } catch (error) {
      if (!endsSession(error, this))
        this.loadError = error instanceof ApiError && error.status === 422 ? error.message : t.common.loadError;
    }
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const filter: TrendFilter = { topic: text('topic') || undefined, page: text('page') || undefined };
    filter.weeks = Number(text('weeks')) || undefined;
    if (filter.page && !/^https?:\/\/\S+$/.test(filter.page)) {
      // What was typed stays in the form; only the message is new.
      this.filterError = s.badPage;
      await this.updateComplete;
      this.errorElement?.focus();
      return;
    }
    this.filterError = undefined;
    await this.load(filter);
  }

  override render() {
    return html`
      <p>${s.intro}</p>
      <form @submit=${this.handleSubmit} novalidate aria-label=${t.common.filter}>
        ${this.filterError ? html`<p role="alert" id="trends-error" tabindex="-1">${this.filterError}</p>` : nothing}
        <div class="fields">
          <div><label for="trend-topic">${s.topic}</label><input id="trend-topic" name="topic" maxlength="100" /></div>
          <div>
            <label for="trend-page">${s.page}</label>
            <input id="trend-page" name="page" type="url" maxlength="2000" aria-invalid=${this.filterError ? 'true' : nothing} aria-describedby=${this.filterError ? 'trends-error' : nothing} />
          </div>
          <div>
            <label for="trend-weeks">${s.weeks}</label>
            <select id="trend-weeks" name="weeks">
              ${[26, 13, 52].map((weeks) => html`<option value=${weeks}>${weeks}</option>`)}
            </select>
          </div>
        </div>
        <div><button type="submit">${s.show}</button></div>
      </form>
      <p role="status">${this.announcement}</p>
      ${this.renderTrends()}
    `;
  }

  private renderTrends() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    const weeks = this.weeks;
    if (!weeks) return html`<p>${t.common.loading}</p>`;
    const span = { first: onDay(weeks[0]!.week), last: onDay(weeks.at(-1)!.week) };
    const withAnswers = (Object.keys(FIGURES) as Figure[]).filter((f) => weeks.some((w) => w[f].answers > 0));
    const without = (Object.keys(FIGURES) as Figure[]).filter((f) => !withAnswers.includes(f));
    return html`
      <h2>${format(s.heading, { subject: this.subject, ...span })}</h2>
      <p>${format(s.fewNote, { count: FEW })}</p>
      ${this.renderChart('answers', weeks, span)}
      ${withAnswers.map((figure) => this.renderChart(figure, weeks, span))}
      ${without.length ? html`<p>${format(s.noData, { charts: without.map((f) => s.charts[f]).join('; ') })}</p>` : nothing}
    `;
  }

  /** One figure: its heading, the chart, and the table behind it with the answers each week rests on. */
  private renderChart(figure: Figure | 'answers', weeks: TrendWeek[], span: { first: string; last: string }) {
    const id = `trend-${figure}`;
    const title = s.charts[figure];
    const point = (week: TrendWeek) =>
      figure === 'answers' ? { answers: week.answers, value: week.answers || null } : week[figure];
    const text = (week: TrendWeek) => {
      const { answers, value } = point(week);
      if (value === null) return s.noAnswers;
      if (figure === 'answers') return whole.format(value);
      const shown = FIGURES[figure].text(value);
      return answers < FEW ? format(s.few, { value: shown, count: answers }) : shown;
    };
    const scale = figure === 'answers' ? {} : FIGURES[figure];
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${title}</h3>
      ${columnChart(
        format(s.chartLabel, { title, ...span }),
        weeks.map((week) => {
          const { answers, value } = point(week);
          return { value, faint: figure !== 'answers' && answers < FEW };
        }),
        scale,
      )}
      <div class="scroll" role="region" aria-labelledby=${id} tabindex="0">
        <table>
          <thead>
            <tr><th scope="col">${s.week}</th><th scope="col">${title}</th>${figure === 'answers' ? nothing : html`<th scope="col">${s.answers}</th>`}</tr>
          </thead>
          <tbody>
            ${weeks.map(
              (week) => html`<tr>
                <th scope="row">${weekName(week.week)}</th>
                <td class="number">${text(week)}</td>
                ${figure === 'answers' ? nothing : html`<td class="number">${whole.format(point(week).answers)}</td>`}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-trends': CivicConsoleTrends;
  }
}
