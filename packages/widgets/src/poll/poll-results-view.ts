import type { Poll, PollResults } from '@civic-widgets/client';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { PollStrings } from './poll.strings.js';
import { type ResultRow, summarize } from './poll-results.js';

type L10n = LocalizeController<{ poll: PollStrings }>;

/**
 * The results: a bar chart of plain HTML (`<meter>` bars, no inline styles, so a strict CSP is fine) with every
 * number written beside its bar, or the same numbers in a table; then what is hidden and why.
 */
export function renderResults(l10n: L10n, poll: Poll, results: PollResults, asTable: boolean, toggle: () => void) {
  const t = l10n.t.poll;
  const summary = summarize(poll, results);
  const ranked = poll.kind === 'ranked';
  const min = l10n.number(results.suppressBelow ?? 0);
  const count = (row: ResultRow) =>
    row.votes === null ? l10n.format(t.fewerThan, { min }) : l10n.plural(ranked ? t.firstChoices : t.votes, row.votes);
  const share = (row: ResultRow) =>
    row.share === null ? t.hidden : l10n.number(row.share, { style: 'percent', maximumFractionDigits: 0 });
  const points = (row: ResultRow) => (row.points == null ? t.hidden : l10n.plural(t.points, row.points));
  const body =
    summary.total === 0
      ? html`<p>${t.noVotes}</p>`
      : html`<button type="button" class="secondary" aria-pressed=${asTable ? 'true' : 'false'} @click=${toggle}>
            ${t.showTable}
          </button>
          ${
            asTable
              ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${t.option}</th>
                      <th scope="col">${ranked ? t.firstChoicesColumn : t.votesColumn}</th>
                      <th scope="col">${t.percentColumn}</th>
                      ${ranked ? html`<th scope="col">${t.pointsColumn}</th>` : nothing}
                    </tr>
                  </thead>
                  <tbody>
                    ${summary.rows.map(
                      (row) => html`<tr>
                        <th scope="row"><bdi>${row.label}</bdi></th>
                        <td>${row.votes === null ? l10n.format(t.fewerThan, { min }) : l10n.number(row.votes)}</td>
                        <td>${share(row)}</td>
                        ${ranked ? html`<td>${row.points == null ? t.hidden : l10n.number(row.points)}</td>` : nothing}
                      </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<ul class="chart">
                  ${summary.rows.map(
                    (row) => html`<li>
                      <span class="label"><bdi>${row.label}</bdi></span>
                      <meter aria-hidden="true" min="0" max="1" .value=${row.share ?? 0}></meter>
                      <span>${count(row)} (${share(row)})${ranked ? html` · ${points(row)}` : nothing}</span>
                    </li>`,
                  )}
                </ul>`
          }
          <p>${l10n.plural(t.totalVotes, summary.total)}</p>
          ${summary.hiddenVotes > 0 ? html`<p>${l10n.plural(t.hiddenVotes, summary.hiddenVotes, { min })}</p>` : nothing}
          ${
            poll.kind === 'multiple' && summary.hiddenOptions > 0
              ? html`<p>${l10n.plural(t.hiddenOptions, summary.hiddenOptions, { min })}</p>`
              : nothing
          }
          ${poll.kind === 'multiple' ? html`<p class="muted">${t.multipleNote}</p>` : nothing}
          ${ranked ? html`<p class="muted">${l10n.format(t.bordaNote, { max: l10n.number(poll.options.length - 1) })}</p>` : nothing}`;
  return html`<section part="result" aria-labelledby="results-heading">
    <h3 id="results-heading">${t.resultsHeading}</h3>
    ${body}
  </section>`;
}
