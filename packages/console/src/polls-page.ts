import type { PollResults } from '@civic-widgets/client/schemas';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type AdminPoll, ApiError, api, endsSession, type Officer, votesCsvUrl } from './api.js';
import { barList, chartStyles } from './bar-chart.js';
import { format, number, plural, t, when } from './strings.js';
import { consoleStyles } from './styles.js';
import './poll-form.js';

const s = t.polls;

/**
 * Consultations: every poll with its status and votes, a page at a time; its results as a table with the numbers
 * the widget shows (first choices and points for a ranked poll, small counts hidden); an editor closes one or
 * creates one. Fires `session-ended` on a 401.
 */
@customElement('civic-console-polls')
export class CivicConsolePolls extends LitElement {
  static override styles = [consoleStyles, chartStyles];

  @property({ attribute: false }) officer?: Officer;
  @state() private polls?: AdminPoll[];
  @state() private next: number | null = null;
  @state() private loadError?: string;
  @state() private results?: { poll: AdminPoll; results: PollResults };
  @state() private announcement = '';
  @query('#results-heading') private resultsHeading?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get mayEdit() {
    return this.officer?.role === 'editor' || this.officer?.role === 'admin';
  }

  private async load(page = 1) {
    try {
      const list = await api.polls(page);
      this.polls = page === 1 ? list.items : [...(this.polls ?? []), ...list.items];
      this.next = list.next;
      this.loadError = undefined;
    } catch (error) {
      this.fail(error, () => {
        this.loadError = t.common.loadError;
      });
    }
  }

  private fail(error: unknown, otherwise: () => void) {
    if (!endsSession(error, this)) otherwise();
  }

  private async handleResults(poll: AdminPoll) {
    try {
      this.results = { poll, results: await api.pollResults(poll.id) };
      await this.updateComplete;
      this.resultsHeading?.focus();
    } catch (error) {
      this.fail(error, () => {
        this.announcement = t.common.loadError;
      });
    }
  }

  private async handleClose(poll: AdminPoll) {
    try {
      await api.closePoll(poll.id);
      this.announcement = format(s.closed, { question: poll.question });
      await this.load();
    } catch (error) {
      this.fail(error, () => {
        this.announcement = error instanceof ApiError ? error.message : t.common.sendError;
      });
    }
  }

  private async handleCreated(event: CustomEvent<AdminPoll>) {
    this.announcement = format(s.created, { question: event.detail.question, id: event.detail.id });
    await this.load();
  }

  override render() {
    return html`
      <p role="status">${this.announcement}</p>
      ${this.renderList()} ${this.results ? this.renderResults(this.results.poll, this.results.results) : nothing}
      ${this.mayEdit ? html`<civic-console-poll-form @poll-created=${this.handleCreated}></civic-console-poll-form>` : nothing}
    `;
  }

  private renderList() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    if (!this.polls) return html`<p>${t.common.loading}</p>`;
    if (!this.polls.length) return html`<p>${s.empty}</p>`;
    return html`
      <div class="scroll" role="region" aria-labelledby="polls-caption" tabindex="0">
        <table>
          <caption id="polls-caption" class="visually-hidden">${s.list}</caption>
          <thead>
            <tr><th scope="col">${s.question}</th><th scope="col">${s.status}</th><th scope="col">${s.votes}</th><th scope="col">${s.window}</th><th scope="col"><span class="visually-hidden">${s.actions}</span></th></tr>
          </thead>
          <tbody>
            ${this.polls.map((poll) => this.renderRow(poll))}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<button type="button" class="secondary" @click=${() => this.load(this.next!)}>${t.common.showMore}</button>` : nothing}
    `;
  }

  private renderRow(poll: AdminPoll) {
    const span = [poll.opensAt && when(poll.opensAt), poll.closesAt && when(poll.closesAt)];
    return html`<tr>
      <th scope="row">${poll.question}</th>
      <td>${s.statuses[poll.status]}</td>
      <td class="number">${number(poll.totalVotes ?? 0)}</td>
      <td>${span.some(Boolean) ? `${span[0] || '…'} – ${span[1] || '…'}` : s.always}</td>
      <td>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.handleResults(poll)}>${format(s.showResults, { question: poll.question })}</button>
          ${this.mayEdit ? html`<a href=${votesCsvUrl(poll.id)} download>${format(s.csv, { question: poll.question })}</a>` : nothing}
          ${
            this.mayEdit && poll.status !== 'closed'
              ? html`<button type="button" class="secondary" @click=${() => this.handleClose(poll)}>${format(s.close, { question: poll.question })}</button>`
              : nothing
          }
        </div>
      </td>
    </tr>`;
  }

  /** The widget's numbers as a table: votes (first choices when ranked), points when ranked, hidden when small. */
  private renderResults(poll: AdminPoll, results: PollResults) {
    const ranked = poll.kind === 'ranked';
    const hidden = format(s.hidden, { count: results.suppressBelow ?? 0 });
    const shown = (value: number | null | undefined) => (value === null ? hidden : number(value ?? 0));
    return html`
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" tabindex="-1">${format(s.results, { question: poll.question })}</h2>
        <p>${plural(s.total, results.totalVotes)}</p>
        ${barList(
          format(t.trends.resultsChart, { question: poll.question }),
          poll.options.map((option) => {
            const votes = results.options.find((o) => o.id === option.id)?.votes;
            return { label: option.label, value: votes ?? null, text: shown(votes) };
          }),
        )}
        <div class="scroll" role="region" aria-labelledby="results-heading" tabindex="0">
          <table>
            <thead>
              <tr><th scope="col">${s.option}</th><th scope="col">${ranked ? s.firstChoices : s.votes}</th>${ranked ? html`<th scope="col">${s.points}</th>` : nothing}</tr>
            </thead>
            <tbody>
              ${poll.options.map(
                (option) => html`<tr>
                  <th scope="row">${option.label}</th>
                  <td class="number">${shown(results.options.find((o) => o.id === option.id)?.votes)}</td>
                  ${ranked ? html`<td class="number">${shown(results.borda?.find((b) => b.id === option.id)?.points)}</td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-polls': CivicConsolePolls;
  }
}
