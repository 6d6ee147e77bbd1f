import {
  type ClientError,
  type Poll,
  type PollResults,
  type PollStatus,
  PollsClient,
  pollStatus,
  type VoteReceipt,
  VoteRequest,
} from '@civic-widgets/client/polls';
import { html, nothing, type PropertyValues } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { choiceGroup, errorSummary, type Field, failureNotice, fieldRenderer, liveStatus } from '../internal/fields.js';
import { RefreshController } from '../internal/refresh.js';
import { SubmitController } from '../internal/submit.js';
import { formStyles } from '../styles/form.styles.js';
import { type LocalBallot, readBallot, saveBallot } from './ballot.js';
import { type PollStrings, pollCatalog } from './poll.strings.js';
import { pollStyles } from './poll.styles.js';

/** The vote's controls: the ranking is the poll's own (`poll-ranking.ts`). */
const renderChoices = fieldRenderer({ radios: choiceGroup, checkboxes: choiceGroup });

/** What the widget loads: the poll, and its results when the citizen may see them now. */
export interface PollView {
  poll: Poll;
  results?: PollResults;
}

/**
 * A poll or consultation from the participation backend: the question, a vote (one option, several, or an order
 * of preference), and results as a bar chart and a table, with small counts hidden to protect privacy.
 *
 * @tag civic-poll
 * @summary Vote in a poll and see its results.
 *
 * @fires {CivicLoadEvent} civic-load - The poll arrived (with its results when visible). `detail.data` is `{ poll, results? }`.
 * @fires {CivicSubmitEvent} civic-submit - A valid vote is about to be sent; cancelable. `detail.body` is the request.
 * @fires {CivicSuccessEvent} civic-success - The backend counted the vote. `detail.receipt` has `receiptId` and, when visible, `results`.
 * @fires {CivicQueuedEvent} civic-queued - The vote waits in the outbox and will be sent when the connection returns (`detail.persisted`: whether it is saved on the device).
 * @fires {CivicErrorEvent} civic-error - Loading or voting failed (also when this browser has already voted). `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The question.
 * @csspart label - The legend of the choices.
 * @csspart input - The radios and checkboxes.
 * @csspart error - Inline errors and failure notices.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit-button - The vote button.
 * @csspart status - Loading, window and confirmation messages.
 * @csspart result - The results: chart, table and notes.
 *
 * @cssproperty --civic-color-accent - The bars of the chart.
 *
 * @cssstate submitting - A vote is being sent.
 * @cssstate submitted - The vote was counted or saved for later.
 * @cssstate user-invalid - The last submit attempt had errors.
 * @cssstate results-visible - Results are shown.
 */
export class CivicPoll extends CivicElement<PollView, { poll: PollStrings }, PollsClient> {
  static override styles = [...CivicElement.styles, formStyles, pollStyles];
  static override catalogs = { poll: pollCatalog };
  protected readonly resource = PollsClient;

  static override properties = {
    pollId: { attribute: 'poll-id', reflect: true },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    chosen: { state: true, attribute: false },
    order: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    asTable: { state: true, attribute: false },
    ballot: { state: true, attribute: false },
  };

  /** The poll to show, as the backend names it. Required. */
  pollId?: string;

  /** Seconds between refreshes of the results shown while the poll is open and the page visible; 0 turns it off. */
  refreshInterval = 60;

  /** Options ticked in a `multiple` poll (to enforce `maxChoices`). */
  private chosen: string[] = [];
  /** Option ids in the citizen's order of preference, for a `ranked` poll. */
  private order: string[] = [];
  private announcement = '';
  private asTable = false;
  private ballot: LocalBallot = {};
  #resultsView?: typeof import('./poll-results-view.js');
  #rankingView?: typeof import('./poll-ranking.js');
  #sent: string[] = [];
  #lastShown = '';
  #ballotKey?: string;

  // Results of a closed poll are final; those of an open one change as people vote.
  protected readonly refresher = new RefreshController(
    this,
    () =>
      this.loadStatus === 'loaded' && this.data?.results && pollStatus(this.data.poll) !== 'closed'
        ? this.refreshInterval
        : 0,
    () => void this.reload({ quiet: true }),
  );

  readonly #submit = new SubmitController(this, this.submitContext(), {
    operation: 'votePoll',
    schema: VoteRequest,
    fields: () => this.#fields(),
    request: (values) => this.#request(values.choices as string[] | undefined),
    send: (client, body) => client.votePoll(this.pollId!, body),
    describeError: (error) => this.#describeError(error),
    onDelivered: (receipt: VoteReceipt) => {
      this.#remember({ ...this.ballot, receiptId: receipt.receiptId, choices: this.#sent });
      const results = receipt.results;
      if (results)
        void this.#loadResultsView().then(() => {
          if (this.data) this.data = { ...this.data, results };
        });
      else void this.reload({ quiet: true });
    },
  });

  protected override requiredAttributes() {
    return { ...super.requiredAttributes(), 'poll-id': this.pollId };
  }

  protected override loadKey() {
    return [this.pollId];
  }

  protected override async load(client: PollsClient): Promise<PollView> {
    const poll = await client.getPoll(this.pollId!);
    // Read storage once per poll: later reloads keep what this page knows even when storage is unavailable.
    const key = this.#storageKey();
    if (key !== this.#ballotKey) {
      this.#ballotKey = key;
      this.ballot = readBallot(key);
    }
    const voted = Boolean(this.ballot.receiptId || this.ballot.voted);
    const status = pollStatus(poll);
    const visible =
      poll.resultsVisibility === 'always' ||
      (poll.resultsVisibility !== 'never' && status === 'closed') ||
      (poll.resultsVisibility === 'after_vote' && voted);
    // A 403 (not public yet) or a failed fetch leaves the results out; the poll itself is still usable.
    const [results] = await Promise.all([
      visible ? client.getPollResults(poll.id).catch(() => undefined) : undefined,
      poll.kind === 'ranked' ? this.#loadRanking() : undefined,
    ]);
    if (results) await this.#loadResultsView();
    return { poll, results };
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const ids = this.data?.poll.options.map((o) => o.id) ?? [];
    if ([...this.order].sort().join() !== [...ids].sort().join()) {
      this.order = ids;
      this.chosen = [];
    }
    this.setCustomState('results-visible', Boolean(this.data?.results));
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // The form gives way to a confirmation: move focus there so keyboard and screen-reader users follow.
    const shown = `${this.#submit.state}${this.ballot.voted ?? ''}`;
    if (shown !== this.#lastShown) {
      this.#lastShown = shown;
      // Not on a later visit (a remembered vote): focus moves only in answer to the citizen's own action.
      if (this.#submit.state !== 'idle' || (this.ballot.voted && this.#submit.error)) {
        this.renderRoot.querySelector<HTMLElement>('[data-confirmation]')?.focus();
      }
    }
  }

  // The ranking and the results are loaded on demand: a poll shows one kind of form, and results only sometimes.
  async #loadRanking() {
    this.#rankingView ??= await import('./poll-ranking.js');
  }

  async #loadResultsView() {
    this.#resultsView ??= await import('./poll-results-view.js');
  }

  #storageKey() {
    return `civic-poll:${this.endpoint ?? this.adapter}:${this.pollId}`;
  }

  #remember(ballot: LocalBallot) {
    this.ballot = ballot;
    saveBallot(this.#storageKey(), ballot);
  }

  /** The vote: one field, `choices`, whose control follows the poll's kind. */
  #fields(): Field<'radios' | 'checkboxes' | 'custom'>[] {
    const poll = this.data?.poll;
    if (!poll) return [];
    const t = this.l10n.t.poll;
    const chooseOne = () => this.l10n.t.poll.chooseOne;
    const field = {
      id: 'choice',
      path: 'choices',
      label: poll.question,
      required: true,
      messages: { required: chooseOne, requiredChoice: chooseOne, invalid: chooseOne, tooShort: chooseOne },
    };
    if (poll.kind === 'ranked') return [{ ...field, control: 'custom', read: () => [...this.order] }];
    const max = poll.maxChoices ?? poll.options.length;
    const options = poll.options.map((o) => ({ value: o.id, label: html`<bdi>${o.label}</bdi>`, hint: o.description }));
    if (poll.kind === 'single') return [{ ...field, control: 'radios', hideLabel: true, options }];
    return [
      {
        ...field,
        control: 'checkboxes',
        hideLabel: true,
        options,
        hint: this.l10n.format(t.chooseUpTo, { max: this.l10n.number(max) }),
        selected: this.chosen,
        disabled: (id: string) => this.chosen.length >= max && !this.chosen.includes(id),
        onChange: (event: Event) => this.#toggle(event),
      },
    ];
  }

  #request(choices: string[] = []) {
    this.#sent = choices;
    // One token per browser and poll, kept for the next visit; without storage the vote is sent without one.
    // Storage is read again: another tab or widget of this poll may have made the token (and voted) since this
    // one loaded, and a token of our own would then count this browser twice.
    const stored = readBallot(this.#storageKey()).token;
    if (stored) this.ballot = { ...this.ballot, token: stored };
    else {
      const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0'));
      this.#remember({ token: token.join('') });
    }
    const token = readBallot(this.#storageKey()).token;
    return token ? { choices, voterToken: token } : { choices };
  }

  #describeError(error: ClientError) {
    const t = this.l10n.t.poll;
    const type = error.problem?.type ?? '';
    if (error.status === 409 && type.endsWith('/already-voted')) {
      this.#remember({ ...this.ballot, voted: true });
      void this.reload({ quiet: true });
      return t.alreadyVoted;
    }
    if (error.status === 409) {
      void this.reload({ quiet: true });
      return type.endsWith('/poll-not-open') ? t.notOpenError : t.closedError;
    }
    return undefined;
  }

  #toggle(event: Event) {
    const box = event.target as HTMLInputElement;
    this.chosen = box.checked ? [...this.chosen, box.value] : this.chosen.filter((id) => id !== box.value);
  }

  async #move(id: string, to: number, focus?: 'up' | 'down') {
    const poll = this.data!.poll;
    const from = this.order.indexOf(id);
    if (to < 0 || to >= this.order.length || from === to) return;
    const next = this.order.filter((other) => other !== id);
    next.splice(to, 0, id);
    this.order = next;
    this.announcement = this.l10n.format(this.l10n.t.poll.moved, {
      label: poll.options.find((o) => o.id === id)!.label,
      rank: this.l10n.number(to + 1),
      total: this.l10n.number(next.length),
    });
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${focus}-${to}`)?.focus();
  }

  protected renderContent() {
    const view = this.data;
    if (this.loadStatus !== 'loaded' || !view) {
      return this.renderLoadState(this.l10n.t.poll.loading, (error) =>
        error.status === 404 ? this.l10n.t.poll.notFound : undefined,
      );
    }
    const { poll } = view;
    const status = pollStatus(poll);
    const state = this.#submit.state;
    const voted = this.ballot.receiptId || this.ballot.voted;
    const showForm = status === 'open' && !voted && state !== 'delivered';
    return html`<article aria-labelledby="question">
      <h2 id="question" part="heading" dir="auto">${poll.question}</h2>
      ${poll.description ? html`<p dir="auto">${poll.description}</p>` : nothing}
      <p class="muted" part="status">${this.#windowText(poll, status)}</p>
      ${this.#renderConfirmation(poll)} ${showForm ? this.#renderForm(poll, state === 'queued') : nothing}
      ${view.results && this.#resultsView ? this.#resultsView.renderResults(this.l10n, poll, view.results, this.asTable, () => (this.asTable = !this.asTable)) : this.#resultsNote(poll, status, Boolean(voted))}
      ${liveStatus(this.#submit.status)}
    </article>`;
  }

  #windowText(poll: Poll, status: PollStatus) {
    const t = this.l10n.t.poll;
    const when = (iso: string) => this.l10n.date(iso, { dateStyle: 'long', timeStyle: 'short' });
    if (status === 'upcoming')
      return poll.opensAt ? this.l10n.format(t.opensOn, { date: when(poll.opensAt) }) : t.notOpenYet;
    if (status === 'closed')
      return poll.closesAt ? this.l10n.format(t.closedOn, { date: when(poll.closesAt) }) : t.closed;
    return poll.closesAt ? this.l10n.format(t.closesOn, { date: when(poll.closesAt) }) : nothing;
  }

  #resultsNote(poll: Poll, status: PollStatus, voted: boolean) {
    const t = this.l10n.t.poll;
    if (poll.resultsVisibility === 'never' && (voted || status === 'closed')) return html`<p>${t.resultsNever}</p>`;
    if (poll.resultsVisibility === 'after_close' && voted && status !== 'closed') return html`<p>${t.resultsLater}</p>`;
    return nothing;
  }

  #renderConfirmation(poll: Poll) {
    const t = this.l10n.t.poll;
    const state = this.#submit.state;
    if (state === 'queued') {
      return html`<section class="notice" part="status" tabindex="-1" data-confirmation aria-labelledby="done">
        <h3 id="done">${t.queuedHeading}</h3>
        <p>${this.#submit.queued?.persisted === false ? this.l10n.t.common.queuedUnsaved : this.l10n.t.common.queued}</p>
      </section>`;
    }
    const { receiptId, choices, voted } = this.ballot;
    if (receiptId) {
      const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
      const list = (choices ?? []).map((id) => html`<li><bdi>${label(id)}</bdi></li>`);
      return html`<section class="notice success" part="status" tabindex="-1" data-confirmation aria-labelledby="done">
        <h3 id="done">${t.votedHeading}</h3>
        <p>${t.youChose}</p>
        ${poll.kind === 'ranked' ? html`<ol>${list}</ol>` : html`<ul>${list}</ul>`}
        <p>${this.l10n.format(t.receipt, { id: receiptId })}</p>
      </section>`;
    }
    if (voted) return html`<p class="notice" part="status" tabindex="-1" data-confirmation>${t.alreadyVoted}</p>`;
    return nothing;
  }

  #renderForm(poll: Poll, hidden: boolean) {
    const t = this.l10n.t.poll;
    const submit = this.#submit;
    const l10n = this.l10n;
    const max = poll.maxChoices ?? poll.options.length;
    return html`<form novalidate @submit=${submit.handleSubmit} ?hidden=${hidden}>
      ${errorSummary(submit, l10n, this.renderRoot)}
      ${
        poll.kind === 'ranked'
          ? this.#rankingView?.renderRanking(
              this.l10n,
              poll,
              this.order,
              this.announcement,
              (id, to, focus) => void this.#move(id, to, focus),
            )
          : this.#fields().map((field) => renderChoices(submit, l10n, field))
      }
      ${poll.kind === 'multiple' ? html`<p class="hint" aria-live="polite">${l10n.plural(t.left, max - this.chosen.length)}</p>` : nothing}
      ${failureNotice(submit)}
      <button part="submit-button" aria-disabled=${submit.state === 'submitting' ? 'true' : 'false'}>${t.submit}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-poll': CivicPoll;
  }
}
