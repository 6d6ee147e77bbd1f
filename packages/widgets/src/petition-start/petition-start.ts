import type { ClientError } from '@civic-widgets/client/core';
import {
  PetitionProposalRequest,
  type Proposal,
  type ProposalReceipt,
  ProposalsClient,
  type SponsorReceipt,
  SponsorRequest,
} from '@civic-widgets/client/proposals';
import { html, nothing, type PropertyValues } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import {
  checkboxField,
  errorSummary,
  externalLink,
  type Field,
  failureNotice,
  fieldRenderer,
  liveStatus,
  readText,
  textareaField,
  textField,
} from '../internal/fields.js';
import { safeHref } from '../internal/safe-url.js';
import { SubmitController } from '../internal/submit.js';
import { formStyles } from '../styles/form.styles.js';
import { type PetitionStartStrings, petitionStartCatalog } from './petition-start.strings.js';
import { petitionStartStyles } from './petition-start.styles.js';
import { renderProposal } from './proposal-view.js';
import { SimilarController } from './similar.js';
import { renderSimilar, similarAnnouncement } from './similar-view.js';
import { proposalOfPage, sponsorLink } from './sponsor-link.js';

/** The forms' controls (the honeypot is drawn by the widget). */
const renderFormField = fieldRenderer({ text: textField, checkbox: checkboxField, textarea: textareaField });

type FormField = Field<'text' | 'checkbox' | 'textarea' | 'custom'>;
type AnySubmit =
  | SubmitController<PetitionProposalRequest, ProposalReceipt, ProposalsClient>
  | SubmitController<SponsorRequest, SponsorReceipt, ProposalsClient>;

/**
 * A resident starts a petition: what it asks for, why, and who they are. While they type the title, similar open
 * petitions are offered ("Sign one of these instead?"). After sending, they confirm their email and share a link
 * to this same page; on that link the widget shows the proposal, where it stands, and a form to support it. Enough
 * supporters send it to a moderator, who publishes it as a petition or rejects it with a reason.
 *
 * @tag civic-petition-start
 * @summary Start a petition, or support one that was started.
 *
 * @fires {CivicLoadEvent} civic-load - On a sponsor link, the proposal arrived: `detail.data` is the `Proposal`. On the start form, `detail.data` is `undefined`.
 * @fires {CivicSubmitEvent} civic-submit - A valid proposal (`operation` `proposePetition`) or support (`sponsorProposal`) is about to be sent; cancelable. `detail.body` is the request.
 * @fires {CivicSuccessEvent} civic-success - The backend accepted it. `detail.receipt` is a `ProposalReceipt` (`id`, `status`, `sponsorsNeeded`) or a `SponsorReceipt`.
 * @fires {CivicQueuedEvent} civic-queued - It waits in the outbox and will be sent when the connection returns. `detail.id`, `detail.persisted`.
 * @fires {CivicErrorEvent} civic-error - Loading the proposal or sending failed. `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The form's heading, or the proposal's title.
 * @csspart result - The proposal's status and supporters so far.
 * @csspart label - Form labels.
 * @csspart input - Form controls.
 * @csspart error - Inline errors and failure notices.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit-button - The start (or support) button.
 * @csspart status - Loading and confirmation messages.
 *
 * @cssstate submitting - A proposal or a support is being sent.
 * @cssstate submitted - It was accepted or saved for later.
 * @cssstate user-invalid - The last submit attempt had errors.
 */
export class CivicPetitionStart extends CivicElement<
  Proposal | undefined,
  { petitionStart: PetitionStartStrings },
  ProposalsClient
> {
  static override styles = [...CivicElement.styles, formStyles, petitionStartStyles];
  static override catalogs = { petitionStart: petitionStartCatalog };
  protected readonly resource = ProposalsClient;

  static override properties = {
    proposalId: { attribute: 'proposal-id', reflect: true },
    privacyUrl: { attribute: 'privacy-url' },
    copyStatus: { state: true, attribute: false },
  };

  /** The proposal to show with its support form. Default: the page address's `civic-proposal` parameter (the sponsor link). Unset: the start form. */
  proposalId?: string;

  /** The privacy notice the residents agree to (an `https:` address), linked beside the consent box. */
  privacyUrl?: string;

  private copyStatus = '';
  /** What is typed in the text boxes, for their character counts (the controls keep the text itself). */
  #typed: Record<string, string> = {};
  #lastStates = '';

  readonly #similar = new SimilarController(this, (query, signal) =>
    this.activeClient?.similar(query, { signal }).then((found) => found.data),
  );

  readonly #propose = new SubmitController<PetitionProposalRequest, ProposalReceipt, ProposalsClient>(
    this,
    this.submitContext(),
    {
      operation: 'proposePetition',
      schema: PetitionProposalRequest,
      fields: () => this.#startFields(),
      request: (values) => ({ ...values, locale: this.l10n.lang }),
      send: (client, body) => client.propose(body),
    },
  );

  readonly #sponsor = new SubmitController<SponsorRequest, SponsorReceipt, ProposalsClient>(
    this,
    this.submitContext(),
    {
      operation: 'sponsorProposal',
      schema: SponsorRequest,
      fields: () => this.#personFields(this.l10n.t.petitionStart.sponsorConsentRequired),
      send: (client, body) => client.sponsor(this.proposalId!, body),
      describeError: (error) => this.#describeSponsorError(error),
    },
  );

  override connectedCallback() {
    super.connectedCallback();
    this.proposalId ??= proposalOfPage();
  }

  protected override loadKey() {
    return [this.proposalId];
  }

  protected override load(client: ProposalsClient): Promise<Proposal | undefined> {
    return this.proposalId ? client.proposal(this.proposalId) : Promise.resolve(undefined);
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // A form replaced by its confirmation: focus follows, so keyboard and screen-reader users are not left behind.
    const states = `${this.#propose.state} ${this.#sponsor.state}`;
    if (states !== this.#lastStates) {
      this.#lastStates = states;
      if (/delivered|queued/.test(states)) this.renderRoot.querySelector<HTMLElement>('[data-confirmation]')?.focus();
    }
  }

  /** What a new petition asks for, then who starts it. */
  #startFields(): FormField[] {
    const t = this.l10n.t.petitionStart;
    return [
      this.#textBox('title', t.titleLabel, t.titleHint, 80, 2, true, (text) => this.#similar.update(text)),
      this.#textBox('background', t.backgroundLabel, t.backgroundHint, 300, 4, true),
      this.#textBox('details', t.detailsLabel, t.detailsHint, 800, 6, false),
      ...this.#personFields(t.consentRequired),
    ];
  }

  /** A text box with its characters left; `onText` hears each change. */
  #textBox(
    id: string,
    label: string,
    hint: string,
    maxlength: number,
    rows: number,
    required: boolean,
    onText?: (text: string) => void,
  ): FormField {
    return {
      control: 'textarea',
      id,
      label,
      hint,
      maxlength,
      rows,
      required,
      value: this.#typed[id],
      remaining: (left) =>
        this.l10n.plural(this.l10n.t.petitionStart.remaining, left, { count: this.l10n.number(left) }),
      onInput: (event) => {
        const text = (event.target as HTMLTextAreaElement).value;
        this.#typed = { ...this.#typed, [id]: text };
        onText?.(text);
        this.requestUpdate();
      },
    };
  }

  /** Who starts or supports a petition: the same details, as the protocol asks of both. */
  #personFields(consentRequired: string): FormField[] {
    const t = this.l10n.t.petitionStart;
    const privacy = safeHref(this.privacyUrl);
    const consentMessage = () => consentRequired;
    return [
      { control: 'text', id: 'name', label: t.nameLabel, autocomplete: 'name', required: true, maxlength: 100 },
      {
        control: 'text',
        id: 'email',
        type: 'email',
        label: t.emailLabel,
        hint: t.emailHint,
        autocomplete: 'email',
        required: true,
        maxlength: 254,
        messages: { invalidFormat: () => this.l10n.t.common.invalidEmail },
      },
      {
        control: 'text',
        id: 'postcode',
        label: t.postcodeLabel,
        autocomplete: 'postal-code',
        required: true,
        minlength: 2,
        maxlength: 10,
        autocapitalize: 'characters',
        read: (data, name) => readText(data, name)?.toUpperCase(),
      },
      {
        control: 'checkbox',
        id: 'consent',
        label: t.consentLabel,
        required: true,
        after: privacy ? html`<p>${externalLink(privacy, t.privacyLink, this.l10n)}</p>` : nothing,
        messages: { requiredChoice: consentMessage, invalid: consentMessage, required: consentMessage },
      },
      // The honeypot: hidden from people, filled by bots; the backend drops a submission that has it.
      { control: 'custom', id: 'website', label: 'Website' },
    ];
  }

  /**
   * The proposal moved on (to moderation, or was decided) while the sponsor filled in the form. Said in the form
   * rather than by reloading the proposal, which would take the form, and what was typed, away with no reason given.
   */
  #describeSponsorError(error: ClientError) {
    return error.kind === 'http' && error.status === 409 ? this.l10n.t.petitionStart.notGathering : undefined;
  }

  async #copyLink(link: string) {
    const t = this.l10n.t.petitionStart;
    try {
      await navigator.clipboard.writeText(link);
      this.copyStatus = t.linkCopied;
    } catch {
      this.copyStatus = t.copyFailed;
    }
  }

  protected renderContent() {
    if (!this.proposalId) return this.#renderStart();
    const proposal = this.data;
    if (this.loadStatus !== 'loaded' || !proposal) {
      return this.renderLoadState(this.l10n.t.petitionStart.loading, (error) =>
        error.status === 404 ? this.l10n.t.petitionStart.notFound : undefined,
      );
    }
    return html`<article aria-labelledby="proposal-title">
      ${renderProposal(proposal, this.l10n)} ${this.#renderSponsoring(proposal)} ${liveStatus(this.#sponsor.status)}
    </article>`;
  }

  #renderStart() {
    const t = this.l10n.t.petitionStart;
    const submit = this.#propose;
    return html`<section aria-labelledby="start-heading">
      <h2 id="start-heading" part="heading">${t.startHeading}</h2>
      ${this.#renderSent()}
      ${
        submit.state === 'delivered'
          ? nothing
          : this.#renderForm(submit, this.#startFields(), t.submit, submit.state === 'queued', html`<p>${t.intro}</p>`)
      }
      ${liveStatus(submit.status)}
      <p class="visually-hidden" role="status">${similarAnnouncement(this.#similar.petitions, this.l10n)}</p>
    </section>`;
  }

  /**
   * One stable form template, so what was typed survives every state: errors, a failure, and a queued submission
   * (the form is only hidden then, and comes back as it was if the outbox gives up).
   */
  #renderForm(submit: AnySubmit, fields: FormField[], label: string, hidden: boolean, intro: unknown) {
    const l10n = this.l10n;
    return html`<form novalidate ?hidden=${hidden} @submit=${submit.handleSubmit}>
      ${intro} ${errorSummary(submit, l10n, this.renderRoot)}
      ${fields.map((field) => [renderFormField(submit, l10n, field), field.id === 'title' ? renderSimilar(this.#similar.petitions, l10n) : nothing])}
      <div class="honeypot" aria-hidden="true">
        <label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      ${failureNotice(submit)}
      <button part="submit-button" aria-disabled=${submit.state === 'submitting' ? 'true' : 'false'}>${label}</button>
    </form>`;
  }

  /** After sending: confirm the email, then the link to share and how many supporters it needs. */
  #renderSent() {
    const t = this.l10n.t.petitionStart;
    const submit = this.#propose;
    if (submit.state === 'queued') {
      return html`<section class="notice" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
        <h3 id="done-heading">${t.queuedHeading}</h3>
        <p>${submit.queued?.persisted === false ? this.l10n.t.common.queuedUnsaved : this.l10n.t.common.queued}</p>
        <p>${t.queuedLink}</p>
      </section>`;
    }
    if (submit.state !== 'delivered' || !submit.receipt) return nothing;
    const receipt = submit.receipt;
    const link = sponsorLink(receipt.id);
    return html`<section class="notice success" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
        <h3 id="done-heading">${t.sentHeading}</h3>
        ${receipt.status === 'unconfirmed' ? html`<p>${t.checkEmail}</p>` : nothing}
      </section>
      <section aria-labelledby="share-heading">
        <h3 id="share-heading">${t.sponsorLinkHeading}</h3>
        <p>${this.l10n.plural(t.sponsorsNeeded, receipt.sponsorsNeeded, { count: this.l10n.number(receipt.sponsorsNeeded) })}</p>
        <div class="share">
          <div class="field">
            <label for="sponsor-link">${t.sponsorLinkLabel}</label>
            <input id="sponsor-link" part="input" readonly .value=${link} @focus=${selectAll} />
          </div>
          <button type="button" class="secondary" @click=${() => this.#copyLink(link)}>${t.copyLink}</button>
        </div>
        <p role="status">${this.copyStatus}</p>
      </section>`;
  }

  /** The support form while the proposal gathers supporters; its confirmation after. */
  #renderSponsoring(proposal: Proposal) {
    const t = this.l10n.t.petitionStart;
    const submit = this.#sponsor;
    if (submit.state === 'delivered') return this.#renderSponsorConfirmation();
    if (proposal.status !== 'gathering') {
      // Published and rejected proposals say so in their status; the others may still come to need supporters.
      const waiting = proposal.status === 'unconfirmed' || proposal.status === 'moderation';
      return waiting ? html`<p class="notice" part="status">${t.notGathering}</p>` : nothing;
    }
    return html`${this.#renderSponsorConfirmation()}
      <section aria-labelledby="sponsor-heading" ?hidden=${submit.state === 'queued'}>
        <h3 id="sponsor-heading">${t.sponsorHeading}</h3>
        ${this.#renderForm(submit, this.#personFields(t.sponsorConsentRequired), t.sponsorSubmit, false, html`<p>${t.sponsorIntro}</p>`)}
      </section>`;
  }

  #renderSponsorConfirmation() {
    const t = this.l10n.t.petitionStart;
    const submit = this.#sponsor;
    if (submit.state === 'delivered') {
      return html`<section class="notice success" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
        <h3 id="done-heading">${t.sponsorSentHeading}</h3>
        <p>${t.sponsorCheckEmail}</p>
      </section>`;
    }
    if (submit.state !== 'queued') return nothing;
    const common = this.l10n.t.common;
    return html`<section class="notice" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
      <h3 id="done-heading">${t.sponsorQueuedHeading}</h3>
      <p>${submit.queued?.persisted === false ? common.queuedUnsaved : common.queued}</p>
    </section>`;
  }
}

/** The whole sponsor link is selected on focus, ready to copy by hand. */
function selectAll(event: FocusEvent) {
  (event.target as HTMLInputElement).select();
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-petition-start': CivicPetitionStart;
  }
}
