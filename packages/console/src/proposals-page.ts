import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type AdminProposal, api, endsSession, type Officer, type ProposalFlag } from './api.js';
import { paragraphs } from './paragraphs.js';
import type { Decision } from './proposal-decision.js';
import { format, onDay, plural, t } from './strings.js';
import { consoleStyles } from './styles.js';
import './proposal-decision.js';

const s = t.proposals;

/** A moderator flag in words; a near-duplicate names the open petition it resembles, by title when known. */
const flagText = (flag: ProposalFlag, titles: Map<string, string>) =>
  format(s.flags[flag.kind], { petition: titles.get(flag.petitionId ?? '') ?? flag.petitionId ?? '' });

/**
 * Moderation (issue 17): residents' proposals that gathered their sponsors, oldest first, with their text (as
 * text, never HTML), creator, sponsors and what the server flagged for a moderator to look at. An editor
 * publishes one as a petition or rejects it with a standard reason; viewers read the queue only. Fires
 * `session-ended` on a 401.
 */
@customElement('civic-console-proposals')
export class CivicConsoleProposals extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) officer?: Officer;
  @state() private proposals?: AdminProposal[];
  /** Petitions' titles by id, read only when a proposal resembles one: the flag carries the id. */
  @state() private titles = new Map<string, string>();
  @state() private loadError?: string;
  @state() private deciding?: { id: string; decision: Decision };
  @state() private announcement = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get mayDecide() {
    return this.officer?.role === 'editor' || this.officer?.role === 'admin';
  }

  private async load() {
    try {
      const proposals = await api.proposals();
      if (proposals.some((proposal) => proposal.flags.some((flag) => flag.petitionId))) {
        this.titles = new Map((await api.petitions()).map((petition) => [petition.id, petition.title]));
      }
      this.proposals = proposals;
      this.loadError = undefined;
    } catch (error) {
      if (!endsSession(error, this)) this.loadError = t.common.loadError;
    }
  }

  private async handleDecided(event: CustomEvent<{ proposal: AdminProposal; decision: Decision }>) {
    const { proposal, decision } = event.detail;
    this.deciding = undefined;
    // Said once the queue is read again, so that what is announced is what the page shows.
    await this.load();
    this.announcement = format(decision === 'publish' ? s.published : s.rejected, { title: proposal.title });
    // The form and its proposal are gone: the focus goes to what replaced them, the announcement.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#announcement')?.focus();
  }

  /** Cancelling puts the focus back on the button that opened the form. */
  private async handleCancelled() {
    const opened = this.deciding;
    this.deciding = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-opens="${opened?.decision} ${opened?.id}"]`)?.focus();
  }

  override render() {
    return html`
      <p role="status" id="announcement" tabindex="-1">${this.announcement}</p>
      ${this.renderQueue()}
    `;
  }

  private renderQueue() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    if (!this.proposals) return html`<p>${t.common.loading}</p>`;
    if (!this.proposals.length) return html`<p>${s.empty}</p>`;
    return html`<ol class="cards" aria-label=${s.list}>
      ${this.proposals.map((proposal) => this.renderProposal(proposal))}
    </ol>`;
  }

  private renderProposal(proposal: AdminProposal) {
    return html`<li>
      <h2>${proposal.title}</h2>
      <p class="meta">
        ${format(s.byline, { name: proposal.creatorName, date: onDay(proposal.createdAt) })} ·
        ${plural(s.sponsors, proposal.sponsorCount)}
      </p>
      ${paragraphs(proposal.background)} ${proposal.details ? paragraphs(proposal.details) : nothing}
      ${
        proposal.flags.length
          ? html`<p>${s.flagsHeading}</p><ul>${proposal.flags.map((flag) => html`<li>${flagText(flag, this.titles)}</li>`)}</ul>`
          : html`<p class="meta">${s.noFlags}</p>`
      }
      ${this.mayDecide ? this.renderDecision(proposal) : nothing}
    </li>`;
  }

  private renderDecision(proposal: AdminProposal) {
    if (this.deciding?.id === proposal.id) {
      return html`<civic-console-proposal-decision
        .proposal=${proposal}
        decision=${this.deciding.decision}
        @proposal-decided=${this.handleDecided}
        @decision-cancelled=${this.handleCancelled}
      ></civic-console-proposal-decision>`;
    }
    const open = (decision: Decision) => () => (this.deciding = { id: proposal.id, decision });
    return html`<div class="actions">
      <button type="button" data-opens="publish ${proposal.id}" @click=${open('publish')}>${format(s.publish, { title: proposal.title })}</button>
      <button type="button" class="secondary" data-opens="reject ${proposal.id}" @click=${open('reject')}>${format(s.reject, { title: proposal.title })}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-proposals': CivicConsoleProposals;
  }
}
