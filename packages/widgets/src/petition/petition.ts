import {
  type ClientError,
  hasPassed,
  type Petition,
  PetitionsClient,
  SignatureRequest,
} from '@civic-widgets/client/petitions';
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
  textField,
} from '../internal/fields.js';
import { RefreshController } from '../internal/refresh.js';
import { safeHref } from '../internal/safe-url.js';
import { SubmitController } from '../internal/submit.js';
import { formStyles } from '../styles/form.styles.js';
import { type PetitionStrings, petitionCatalog } from './petition.strings.js';
import { petitionStyles } from './petition.styles.js';
import { prepareCount, renderCount } from './petition-count.js';

/** The signature form's controls (the honeypot is drawn by the widget). */
const renderSignerField = fieldRenderer({ text: textField, checkbox: checkboxField });

/**
 * A petition from the participation backend: what it asks, how many have signed and how close it is to its next
 * milestone, the government response when there is one, and a form to sign it, all without leaving the page.
 *
 * @tag civic-petition
 * @summary Read, sign and share a petition.
 *
 * @fires {CivicLoadEvent} civic-load - The petition arrived (also after each refresh). `detail.data` is the petition.
 * @fires {CivicSubmitEvent} civic-submit - A valid signature is about to be sent; cancelable. `detail.body` is the request.
 * @fires {CivicSuccessEvent} civic-success - The backend accepted the signature. `detail.receipt` has `status` (`counted` or `pending_confirmation`) and the new `signatureCount`.
 * @fires {CivicQueuedEvent} civic-queued - The signature waits in the outbox and will be sent when the connection returns. `detail.id`, `detail.persisted` (whether it is saved on the device).
 * @fires {CivicErrorEvent} civic-error - Loading or signing failed. `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The petition title.
 * @csspart result - The signature count and progress.
 * @csspart label - Form labels.
 * @csspart input - Form controls.
 * @csspart error - Inline errors and failure notices.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit-button - The sign button.
 * @csspart status - Loading and confirmation messages.
 *
 * @cssstate submitting - A signature is being sent.
 * @cssstate submitted - The signature was accepted or saved for later.
 * @cssstate user-invalid - The last submit attempt had errors.
 */
export class CivicPetition extends CivicElement<Petition, { petition: PetitionStrings }, PetitionsClient> {
  static override styles = [...CivicElement.styles, formStyles, petitionStyles];
  static override catalogs = { petition: petitionCatalog };
  protected readonly resource = PetitionsClient;

  static override properties = {
    petitionId: { attribute: 'petition-id', reflect: true },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    shareUrl: { attribute: 'share-url' },
    shareStatus: { state: true, attribute: false },
  };

  /** The petition to show, as the backend names it. Required. */
  petitionId?: string;

  /** Seconds between count refreshes while the page is visible; 0 turns refreshing off. */
  refreshInterval = 60;

  /** The link people copy or share after signing. Default: the page's address. */
  shareUrl?: string;

  private shareStatus = '';

  protected readonly refresher = new RefreshController(
    this,
    () => (this.loadStatus === 'loaded' ? this.refreshInterval : 0),
    () => void this.reload({ quiet: true }),
  );

  readonly #submit = new SubmitController(this, this.submitContext(), {
    operation: 'signPetition',
    schema: SignatureRequest,
    fields: () => this.#fields(),
    send: (client, body) => client.signPetition(this.petitionId!, body),
    describeError: (error) => this.#describeSignError(error),
    onDelivered: (receipt) => {
      if (this.data) this.data = { ...this.data, signatureCount: receipt.signatureCount };
    },
  });

  protected override requiredAttributes() {
    return { ...super.requiredAttributes(), 'petition-id': this.petitionId };
  }

  protected override loadKey() {
    return [this.petitionId];
  }

  protected override load(client: PetitionsClient) {
    return client.getPetition(this.petitionId!);
  }

  // The deadline's date and the count: the first Intl formatters of a page.
  protected override prepareToShow() {
    this.l10n.date(new Date());
    prepareCount(this.l10n);
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // The form is replaced by the confirmation: move focus there so keyboard and screen-reader users follow.
    if (this.#submit.state !== this.#lastSubmitState) {
      this.#lastSubmitState = this.#submit.state;
      if (this.#submit.state === 'delivered' || this.#submit.state === 'queued') {
        this.renderRoot.querySelector<HTMLElement>('[data-confirmation]')?.focus();
      }
    }
  }

  #lastSubmitState = this.#submit.state;

  /** The signing form, from what the petition asks of signers. */
  #fields(): Field<'text' | 'checkbox' | 'custom'>[] {
    const petition = this.data;
    const t = this.l10n.t.petition;
    const asks = petition?.signerFields ?? [];
    const privacy = safeHref(petition?.privacyNoticeUrl);
    const consentMessage = () => this.l10n.t.petition.consentRequired;
    const countryMessage = () => this.l10n.t.petition.countryInvalid;
    const fields: (Field<'text' | 'checkbox' | 'custom'> | false)[] = [
      {
        control: 'text',
        id: 'name',
        label: t.nameLabel,
        autocomplete: 'name',
        required: true,
        maxlength: 200,
      },
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
      asks.includes('postcode') && {
        control: 'text',
        id: 'postcode',
        label: t.postcodeLabel,
        autocomplete: 'postal-code',
        required: true,
        minlength: 2,
        maxlength: 16,
        autocapitalize: 'characters',
      },
      asks.includes('country') && {
        control: 'text',
        id: 'country',
        label: t.countryLabel,
        hint: t.countryHint,
        autocomplete: 'country',
        required: true,
        pattern: '[A-Za-z]{2}',
        maxlength: 2,
        autocapitalize: 'characters',
        read: (data, name) => readText(data, name)?.toUpperCase(),
        messages: { invalidFormat: countryMessage, invalid: countryMessage },
      },
      {
        control: 'checkbox',
        id: 'consent',
        label: t.consentLabel,
        required: true,
        after: privacy ? html`<p>${externalLink(privacy, t.privacyLink, this.l10n)}</p>` : nothing,
        messages: { requiredChoice: consentMessage, invalid: consentMessage, required: consentMessage },
      },
      Boolean(petition?.allowPublicName) && {
        control: 'checkbox',
        id: 'show-name',
        name: 'showName',
        path: 'showName',
        label: t.showNameLabel,
      },
      // The honeypot: hidden from people, filled by bots; the backend drops a signature that has it.
      { control: 'custom', id: 'website', label: 'Website' },
    ];
    return fields.filter((field) => field !== false);
  }

  #describeSignError(error: ClientError) {
    if (error.kind === 'http' && error.status === 409) {
      void this.reload({ quiet: true });
      return this.l10n.t.petition.closedError;
    }
    return undefined;
  }

  async #copyLink() {
    const t = this.l10n.t.petition;
    try {
      await navigator.clipboard.writeText(this.#shareLink());
      this.shareStatus = t.linkCopied;
    } catch {
      this.shareStatus = t.copyFailed;
    }
  }

  async #share() {
    try {
      await navigator.share({ title: this.data?.title, url: this.#shareLink() });
    } catch {
      // Dismissed by the person, or refused by the browser: the copy button is still there.
    }
  }

  #shareLink() {
    return this.shareUrl || location.href;
  }

  protected renderContent() {
    const petition = this.data;
    if (this.loadStatus !== 'loaded' || !petition) {
      return this.renderLoadState(this.l10n.t.petition.loading, (error) =>
        error.status === 404 ? this.l10n.t.petition.notFound : undefined,
      );
    }
    return html`<article aria-labelledby="title">
      <h2 id="title" part="heading">${petition.title}</h2>
      ${petition.response ? this.#renderResponse(petition) : nothing}
      <p>${petition.summary}</p>
      ${petition.body ? html`<details><summary>${this.l10n.t.petition.readFullText}</summary>${paragraphs(petition.body)}</details>` : nothing}
      ${this.#renderMeta(petition)} ${renderCount(petition, this.l10n)} ${this.#renderSigning(petition)}
      ${liveStatus(this.#submit.status)}
    </article>`;
  }

  #renderResponse(petition: Petition) {
    const t = this.l10n.t.petition;
    const response = petition.response!;
    return html`<section class="notice success" aria-labelledby="response-heading">
      <h3 id="response-heading">${t.responseHeading}</h3>
      <p class="muted">${this.l10n.format(t.respondedOn, { date: this.l10n.date(response.respondedAt) })}</p>
      <p>${response.summary}</p>
      ${response.body ? html`<details><summary>${t.readFullResponse}</summary>${paragraphs(response.body)}</details>` : nothing}
    </section>`;
  }

  #renderMeta(petition: Petition) {
    const t = this.l10n.t.petition;
    const status = { open: t.statusOpen, closed: t.statusClosed, responded: t.statusResponded }[petition.status];
    // A petition closed (or answered) before its planned date shows no date: "Closed on" a future day is wrong.
    const ended = hasPassed(petition.closesAt);
    const closes =
      petition.closesAt && (petition.status === 'open' || ended)
        ? this.l10n.format(petition.status === 'open' ? t.closesOn : t.closedOn, {
            date: this.l10n.date(petition.closesAt),
          })
        : undefined;
    return html`<dl class="meta">
      <div><dt>${t.statusLabel}:</dt><dd>${status}</dd></div>
      ${closes ? html`<div><dd>${closes}</dd></div>` : nothing}
    </dl>`;
  }

  #renderSigning(petition: Petition) {
    const state = this.#submit.state;
    // One stable template, so the form's DOM (and what was typed) survives while a queued signature waits:
    // if the outbox later gives up on it, the form comes back as it was.
    const showForm = petition.status === 'open' && state !== 'delivered';
    return html`${this.#renderConfirmation()}
      ${petition.status !== 'open' && state === 'idle' ? html`<p class="notice" part="status">${this.l10n.t.petition.closedMessage}</p>` : nothing}
      ${showForm ? this.#renderForm(state === 'queued') : nothing}`;
  }

  #renderConfirmation() {
    const t = this.l10n.t.petition;
    const submit = this.#submit;
    if (submit.state === 'delivered') {
      const pending = submit.receipt?.status === 'pending_confirmation';
      return html`<section class="notice success" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
          <h3 id="done-heading">${t.successHeading}</h3>
          <p>${pending ? t.successPending : t.successCounted}</p>
        </section>
        ${this.#renderShare()}`;
    }
    if (submit.state === 'queued') {
      return html`<section class="notice" part="status" tabindex="-1" data-confirmation aria-labelledby="done-heading">
        <h3 id="done-heading">${t.queuedHeading}</h3>
        <p>${submit.queued?.persisted === false ? this.l10n.t.common.queuedUnsaved : this.l10n.t.common.queued}</p>
      </section>`;
    }
    return nothing;
  }

  #renderForm(hidden: boolean) {
    const t = this.l10n.t.petition;
    const submit = this.#submit;
    const l10n = this.l10n;
    return html`<section aria-labelledby="sign-heading" ?hidden=${hidden}>
      <form novalidate @submit=${submit.handleSubmit}>
        <h3 id="sign-heading">${t.signHeading}</h3>
        ${errorSummary(submit, l10n, this.renderRoot)}
        ${this.#fields().map((field) => renderSignerField(submit, l10n, field))}
        <div class="honeypot" aria-hidden="true">
          <label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        ${failureNotice(submit)}
        <button part="submit-button" aria-disabled=${submit.state === 'submitting' ? 'true' : 'false'}>${t.submit}</button>
      </form>
    </section>`;
  }

  #renderShare() {
    const t = this.l10n.t.petition;
    return html`<section aria-labelledby="share-heading">
      <h3 id="share-heading">${t.shareHeading}</h3>
      <div class="share">
        <button type="button" class="secondary" @click=${this.#copyLink}>${t.copyLink}</button>
        ${'share' in navigator ? html`<button type="button" class="secondary" @click=${this.#share}>${t.share}</button>` : nothing}
      </div>
      <p role="status">${this.shareStatus}</p>
    </section>`;
  }
}

/** Server text split into paragraphs on blank lines, each rendered as text. */
function paragraphs(text: string) {
  return html`<div class="body">${text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}</div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-petition': CivicPetition;
  }
}
