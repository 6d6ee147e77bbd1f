import { Rejection, type RejectionReason } from '@civic-widgets/client/proposals';
import { Petition } from '@civic-widgets/client/schemas';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { type AdminProposal, ApiError, api, endsSession } from './api.js';
import { errorSummary, field } from './form-kit.js';
import { format, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.proposals;

/** What publishing asks of the moderator, checked with the protocol's own fields (as the server checks them). */
const Publication = z.object({ privacyNoticeUrl: Petition.shape.privacyNoticeUrl, closesAt: Petition.shape.closesAt });

/** The six standard reasons, in the order officers read them; the type says the catalogue names each one. */
const REASONS = Object.keys(s.reasons satisfies Record<RejectionReason, string>) as RejectionReason[];

type Field = keyof typeof s.errors;
export type Decision = 'publish' | 'reject';

/** The control a field's message points at: a radio group's is its first radio. */
const controlOf = (name: Field) => (name === 'reason' ? `reason-${REASONS[0]}` : name);

/**
 * One moderation decision on one proposal: publishing asks for the privacy notice and an optional closing date;
 * rejecting asks for one of the standard reasons and an optional note. Problems are listed in a summary that takes
 * focus and links to each field; what was typed stays. Fires `proposal-decided` with `{proposal, decision}`, or
 * `decision-cancelled`.
 */
@customElement('civic-console-proposal-decision')
export class CivicConsoleProposalDecision extends LitElement {
  static override styles = consoleStyles;

  /** The proposal decided on. */
  @property({ attribute: false }) proposal!: AdminProposal;
  /** Which decision the form takes. */
  @property() decision: Decision = 'publish';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private serverError?: string;
  @state() private busy = false;
  @query('#error-summary') private summary?: HTMLElement;
  @query('h3') private heading?: HTMLElement;

  /** Opening the form puts the moderator at its heading, as opening a page would. */
  override firstUpdated() {
    this.heading?.focus();
  }

  /** The decision as the API takes it, or the message for each field the protocol's schema refuses. */
  private read(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const closesAt = text('closesAt');
    const result =
      this.decision === 'publish'
        ? z.safeParse(Publication, {
            privacyNoticeUrl: text('privacyNoticeUrl'),
            closesAt: closesAt ? new Date(closesAt).toISOString() : undefined,
          })
        : z.safeParse(Rejection, { reason: data.get('reason') ?? undefined, note: text('note') || undefined });
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of result.error?.issues ?? []) errors[issue.path[0] as Field] ??= s.errors[issue.path[0] as Field];
    return { input: result.data, errors };
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { input, errors } = this.read(event.target as HTMLFormElement);
    this.errors = errors;
    this.serverError = undefined;
    if (!input) return this.focusSummary();
    this.busy = true;
    try {
      const id = this.proposal.id;
      if ('privacyNoticeUrl' in input) await api.publishProposal(id, input);
      else await api.rejectProposal(id, input);
      const detail = { proposal: this.proposal, decision: this.decision };
      this.dispatchEvent(new CustomEvent('proposal-decided', { detail, bubbles: true, composed: true }));
    } catch (error) {
      if (endsSession(error, this)) return;
      this.serverError = error instanceof ApiError ? error.message : t.common.sendError;
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private async focusSummary() {
    await this.updateComplete;
    this.summary?.focus();
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('decision-cancelled', { bubbles: true, composed: true }));
  }

  override render() {
    const heading = this.decision === 'publish' ? s.publishHeading : s.rejectHeading;
    const problems = (Object.entries(this.errors) as [Field, string][]).map(
      ([name, message]) => [controlOf(name), message] as [string, string],
    );
    return html`
      <section aria-labelledby="decision-heading">
        <h3 id="decision-heading" tabindex="-1">${format(heading, { title: this.proposal.title })}</h3>
        ${errorSummary(this.renderRoot, s.errorSummary, problems, this.serverError)}
        <form @submit=${this.handleSubmit} novalidate>
          ${this.decision === 'publish' ? this.renderPublish() : this.renderReject()}
          <div class="actions">
            <button type="submit" ?disabled=${this.busy}>${this.decision === 'publish' ? s.confirmPublish : s.confirmReject}</button>
            <button type="button" class="secondary" @click=${this.cancel}>${t.common.cancel}</button>
          </div>
        </form>
      </section>
    `;
  }

  private renderPublish() {
    const e = this.errors;
    return html`
      ${field('privacyNoticeUrl', s.privacyNoticeUrl, e.privacyNoticeUrl, (d) => html`<input id="privacyNoticeUrl" name="privacyNoticeUrl" type="url" required aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
      ${field('closesAt', s.closesAt, e.closesAt, (d) => html`<input id="closesAt" name="closesAt" type="datetime-local" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
    `;
  }

  private renderReject() {
    const e = this.errors;
    return html`
      <fieldset aria-describedby=${e.reason ? 'reason-error' : nothing}>
        <legend>${s.reason}</legend>
        ${e.reason ? html`<p class="field-error" id="reason-error">${e.reason}</p>` : nothing}
        ${REASONS.map(
          (value) =>
            html`<div class="check"><input type="radio" id="reason-${value}" name="reason" value=${value} required /><label for="reason-${value}">${s.reasons[value]}</label></div>`,
        )}
      </fieldset>
      ${field('note', s.note, e.note, (d) => html`<textarea id="note" name="note" maxlength="1000" rows="3" aria-describedby=${d.by} aria-invalid=${d.invalid}></textarea>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-proposal-decision': CivicConsoleProposalDecision;
  }
}
