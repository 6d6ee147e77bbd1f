import type { ClientError } from '@civic-widgets/client/core';
import {
  FeedbackClient,
  type FeedbackField,
  type FeedbackReceipt,
  FeedbackRequest,
  type RatingScale,
  stripPageUrl,
} from '@civic-widgets/client/feedback';
import { html, nothing, type PropertyValues } from 'lit';
import type { StringOverrides } from '../i18n/localize.js';
import { CivicElement } from '../internal/civic-element.js';
import type { AdapterOptions } from '../internal/client.js';
import {
  type ChoiceOption,
  errorSummary,
  type Field,
  failureNotice,
  liveStatus,
  readFields,
  readText,
  renderField,
} from '../internal/fields.js';
import { configurationFault, toClientError } from '../internal/messages.js';
import { SubmitController } from '../internal/submit.js';
import type { CivicRating } from '../rating/rating.js';
import type { RatingStrings } from '../rating/rating.strings.js';
import { formStyles } from '../styles/form.styles.js';
import { type FeedbackStrings, feedbackCatalog } from './feedback.strings.js';
import { feedbackStyles } from './feedback.styles.js';
import type { LocationStrings } from './location.js';
import { coolingDown, redact, rememberFeedback, sampled } from './privacy.js';

const QUESTIONS = {
  thumbs: 'questionThumbs',
  stars: 'questionStars',
  smileys: 'questionSmileys',
  nps: 'questionNps',
} as const satisfies Record<RatingScale, keyof FeedbackStrings>;

const DEFAULT_REASONS = [
  ['not-found', 'reasonNotFound'],
  ['unclear', 'reasonUnclear'],
  ['outdated', 'reasonOutdated'],
  ['broken', 'reasonBroken'],
] as const;

/** A rating as the request carries it. */
type Rating = { scale: RatingScale; value: number };

/** Whether an answer is negative enough to ask what went wrong. */
const negative = (scale: RatingScale, value: number) =>
  scale === 'thumbs' ? value === 0 : scale === 'nps' ? value <= 6 : value <= 2;

/**
 * "Is this page useful?" and service ratings. The rating is sent the moment it is given (one click is a complete
 * answer); a follow-up then asks what went wrong or what could be better, and attaches to the same feedback.
 * Private by default: the page address goes without query string and fragment, free text is stripped of email
 * addresses, phone numbers and long numbers before sending (and the citizen is told), nothing goes in cookies.
 *
 * @tag civic-feedback
 * @summary A one-click rating with an optional follow-up, inline or behind a floating button.
 *
 * @slot question - The question, instead of the default for the scale or preset.
 * @slot reason - `<option slot="reason" value="code">Label</option>` elements: the choices of "What went wrong?".
 *
 * @fires {CivicSubmitEvent} civic-submit - A rating or follow-up is about to be sent; cancelable. `detail.body` is the request (the comment already redacted).
 * @fires {CivicSuccessEvent} civic-success - The backend took the rating or the follow-up. `detail.receipt.receiptId`.
 * @fires {CivicQueuedEvent} civic-queued - Saved on the device, sent when the connection returns.
 * @fires {CivicErrorEvent} civic-error - Sending failed.
 * @fires {CivicLoadEvent} civic-load - The backend's extra questions were read (Open311 service attributes; `detail.data`, usually `[]`).
 *
 * @csspart launcher - The floating button of `mode="button"`.
 * @csspart dialog - The dialog of `mode="button"`.
 * @csspart heading - The question and the thank-you heading.
 * @csspart input - The rating and the follow-up controls.
 * @csspart label - Labels of the follow-up.
 * @csspart error - Inline errors and failure notices.
 * @csspart error-summary - The list of problems after a failed send.
 * @csspart submit-button - The send buttons.
 * @csspart status - The confirmations.
 *
 * @cssstate submitting - A rating or follow-up is being sent.
 * @cssstate submitted - The last send was accepted or saved for later.
 * @cssstate user-invalid - The last send had errors.
 */
export class CivicFeedback extends CivicElement<FeedbackField[], { feedback: FeedbackStrings }, FeedbackClient> {
  static override styles = [...CivicElement.styles, formStyles, feedbackStyles];
  static override catalogs = { feedback: feedbackCatalog };
  protected readonly resource = FeedbackClient;

  /**
   * Text overrides: the `feedback` and `common` sections, `rating` for the names of the rating's choices,
   * which is passed on to the rating inside, and `location` for the question of `location="ask"` (see
   * docs/localization.md).
   */
  declare strings?: StringOverrides<{ feedback: FeedbackStrings; rating: RatingStrings; location: LocationStrings }>;

  static override properties = {
    topic: { reflect: true },
    scale: { reflect: true },
    question: {},
    preset: { reflect: true },
    reasons: {},
    noComment: { type: Boolean, attribute: 'no-comment' },
    mode: { reflect: true },
    sample: { type: Number },
    cooldown: { type: Number },
    serviceCode: { attribute: 'service-code' },
    jurisdictionId: { attribute: 'jurisdiction-id' },
    address: {},
    location: {},
    serviceAttributes: { attribute: 'service-attributes' },
    random: { attribute: false },
    presetTexts: { state: true, attribute: false },
  };

  /** What the feedback is about, e.g. `page:/bins` or `service:parking-permit`. Required. */
  topic?: string;
  /** `thumbs` (default), `stars`, `smileys` (CSAT) or `nps`. */
  scale: RatingScale = 'thumbs';
  /** The question, instead of the default for the scale. */
  question?: string;
  /** A standard questionnaire item: `a11-satisfaction`, `a11-trust`, `a11-effectiveness`, `a11-ease`, `a11-efficiency`, `a11-equity` or `a11-employee` (US OMB A-11, rated 1-5 stars). */
  preset?: string;
  /** Choices of "What went wrong?", `code=Label|code=Label`; `""` for none. Default: four common reasons. */
  reasons?: string;
  /** Leave out the free-text comment. */
  noComment = false;
  /** `inline` (default) or `button`: a floating button that opens the feedback in a dialog. */
  mode: 'inline' | 'button' = 'inline';
  /** Share of page views that show the widget, from 0 to 1 (`0.1`: one in ten). Default 1. */
  sample = 1;
  /** Days to stay hidden on this browser after feedback on the same topic (kept in `localStorage`); 0 (default) never hides. */
  cooldown = 0;
  /** Open311 only: the service code feedback is filed under (`GET /services.json` lists them). Required with `adapter="open311"`. */
  serviceCode?: string;
  /** Open311 only: the `jurisdiction_id`, for servers that host several cities. */
  jurisdictionId?: string;
  /** Open311 only: where every report is about, as an `address_string` (e.g. `Town Hall, Leeds`), for servers that require a location. */
  address?: string;
  /** Open311 only: where every report is about, as a point `lat,long` in degrees (e.g. `53.80,-1.55`), for servers that require a location; or `ask`: the resident is asked, with a "Use my location" button (the browser asks their permission) and an address field, and the rating is sent with their answer. */
  location?: string;
  /** Open311 only: fixed answers sent with every report, `code=value|code=value` (e.g. `channel=web`), for attributes the service requires. */
  serviceAttributes?: string;
  /** The random source of `sample` (tests, or a page's own bucketing). */
  random: () => number = Math.random;

  /** The preset's texts in the current language once loaded; `null` for an unknown preset. */
  private presetTexts?: { question: string; hint: string } | null;
  #presetFor = '';
  #presetLoad: Promise<unknown> = Promise.resolve();
  #fieldsLoad: Promise<unknown> = Promise.resolve();
  /** The status view of reports, loaded (`null`: loading) only with a backend that tracks them. */
  #follower?: typeof import('./report-follow.js') | null;
  /** The renderer of the backend's extra questions and of `location="ask"`, loaded only when there are some. */
  #extra?: typeof import('./extra-fields.js');
  /** A rating that waits for required extra questions, or for where (`location="ask"`), instead of going alone. */
  #held = false;
  #shown = true;
  #given?: Rating;
  #comment = '';
  #lastFocus = '';
  #ratingLang = '';

  /** A refusal that names no field shown here: the resident cannot fix it by changing an answer. */
  readonly #describeError = (error: ClientError) =>
    error.kind === 'validation' ? this.l10n.t.feedback.refused : undefined;

  readonly #rate = new SubmitController<FeedbackRequest, FeedbackReceipt, FeedbackClient>(this, this.submitContext(), {
    operation: 'submitFeedback',
    schema: FeedbackRequest,
    fields: () => this.#rateFields(),
    request: (values) => {
      this.#given = values.rating as Rating | undefined;
      return this.#body(values);
    },
    send: (client, body) => client.submitFeedback(body),
    describeError: this.#describeError,
    onDelivered: () => this.#remember(),
  });

  readonly #follow = new SubmitController<FeedbackRequest, FeedbackReceipt, FeedbackClient>(
    this,
    this.submitContext(),
    {
      operation: 'submitFeedback',
      schema: {
        safeParse: (body) =>
          (this.#extra ? this.#extra.withRequired(FeedbackRequest, this.#fields()) : FeedbackRequest).safeParse(body),
      },
      fields: () => this.#followUpFields(),
      request: (values) => this.#body({ rating: this.#given, followUpTo: this.#rate.receipt?.receiptId, ...values }),
      send: (client, body) => client.submitFeedback(body),
      describeError: this.#describeError,
      onDelivered: () => this.#remember(),
    },
  );

  /** The rating, a `<civic-rating>` the form renders itself; its value goes with the scale. */
  #rateFields(): Field[] {
    return [
      {
        control: 'custom',
        id: 'rating',
        label: this.#questionText(),
        required: true,
        read: (data, name) => {
          const value = data.get(name);
          return value === null ? undefined : { scale: this.#scale(), value: Number(value) };
        },
        messages: { required: () => this.l10n.t.feedback.ratingRequired },
      },
    ];
  }

  /** The follow-up: what went wrong (after a negative rating), the backend's extra questions, and a comment. */
  #followUpFields(): Field[] {
    const t = this.l10n.t.feedback;
    const reasons = this.#negative() ? this.#reasons() : [];
    const fields: Field[] = [];
    if (reasons.length) {
      fields.push({
        control: 'checkboxes',
        id: 'reasons',
        label: t.followUpNegative,
        options: reasons,
      });
    }
    if (this.#extra) fields.push(...this.#extra.extraFields(this.#fields(), this.l10n, this));
    if (!this.noComment) {
      fields.push({
        control: 'textarea',
        id: 'comment',
        label: t.commentLabel,
        hint: t.privacyHint,
        maxlength: 2000,
        value: this.#comment,
        remaining: (left) => this.l10n.plural(t.remaining, left),
        onInput: (event) => {
          this.#comment = (event.target as HTMLTextAreaElement).value;
          this.requestUpdate();
        },
        read: (data, name) => {
          const comment = readText(data, name);
          return comment && redact(comment);
        },
      });
    }
    return fields;
  }

  #negative() {
    return this.#given ? negative(this.#given.scale, this.#given.value) : false;
  }

  protected override requiredAttributes() {
    return {
      ...super.requiredAttributes(),
      topic: this.topic,
    };
  }

  protected override adapterOptions(): AdapterOptions {
    const { serviceCode, jurisdictionId, address, location, serviceAttributes } = this;
    return this.adapter === 'open311' ? { serviceCode, jurisdictionId, address, location, serviceAttributes } : {};
  }

  protected override loadKey() {
    return [this.topic];
  }

  /** The backend's extra questions (Open311); none when it has none, or when they or their renderer cannot load. */
  protected override load(client: FeedbackClient): Promise<FeedbackField[]> {
    const load = client
      .feedbackFields(this.topic!)
      .then(async (fields) => {
        if (fields.length || this.location === 'ask') this.#extra ??= await import('./extra-fields.js');
        return fields;
      })
      // Without its questions the widget still takes a rating; a page set up wrong must say so instead.
      .catch((error) => {
        if (configurationFault(toClientError(error))) throw error;
        return [];
      });
    this.#fieldsLoad = load.catch(() => {});
    return load;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Decided once per page view, so the widget does not vanish after someone answers.
    if (!this.hasUpdated) {
      this.#shown = sampled(this.sample, this.random) && !coolingDown(this.topic ?? '', this.cooldown);
    }
    super.willUpdate(changed);
  }

  protected override update(changed: PropertyValues<this>) {
    // Here, not in willUpdate: Lit runs the localize controller between the two, and only then is `l10n.locale`
    // the language this render shows. In willUpdate it was still English while a locale loaded, so a preset's
    // statement stayed in English on a French page, and after every change of language.
    const wanted = this.preset ? `${this.preset} ${this.l10n.locale}` : '';
    if (wanted !== this.#presetFor) {
      this.#presetFor = wanted;
      this.presetTexts = undefined;
      if (this.preset) {
        const locale = this.l10n.locale;
        this.#presetLoad = import('./presets.js')
          .then((m) => m.preset(this.preset!, locale))
          .then((texts) => {
            if (wanted === this.#presetFor) this.presetTexts = texts ?? null;
          });
      }
    }
    super.update(changed);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await Promise.all([this.#presetLoad, this.#fieldsLoad]);
    return (await super.getUpdateComplete()) && first;
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // The rating reads its language from our `base` wrapper, whose `lang` the page's observer does not see (it is
    // in our shadow root): while our strings load the wrapper says `en`, so tell the rating when it changes.
    if (this.l10n.lang !== this.#ratingLang) {
      this.#ratingLang = this.l10n.lang;
      this.renderRoot.querySelector('civic-rating')?.requestUpdate();
    }
    // Each step replaces the last: move focus to its confirmation so keyboard and screen-reader users follow.
    const step = `${this.#rate.state}/${this.#follow.state}/${this.#held}`;
    if (step !== this.#lastFocus) {
      this.#lastFocus = step;
      if (this.#rate.state === 'delivered' || this.#rate.state === 'queued' || this.#held) {
        this.renderRoot.querySelector<HTMLElement>('[data-confirmation]')?.focus();
      }
    }
  }

  #fields(): FeedbackField[] {
    return this.data ?? [];
  }

  #remember() {
    if (this.cooldown > 0 && this.topic) rememberFeedback(this.topic);
  }

  #scale(): RatingScale {
    return this.presetTexts ? 'stars' : this.scale;
  }

  #questionText() {
    const slotted = this.querySelector(':scope > [slot="question"]')?.textContent?.trim();
    const t = this.l10n.t.feedback;
    return slotted || this.question || this.presetTexts?.question || t[QUESTIONS[this.#scale()] ?? 'questionThumbs'];
  }

  #body(extra: Partial<FeedbackRequest>) {
    return {
      topic: this.topic,
      pageUrl: stripPageUrl(location.href),
      locale: this.l10n.lang,
      ...extra,
    };
  }

  #reasons(): ChoiceOption[] {
    const slotted = [...this.querySelectorAll(':scope > [slot="reason"]')].map((el) => {
      const label = el.textContent?.trim() ?? '';
      return { value: el.getAttribute('value') || label, label };
    });
    if (slotted.length) return slotted.slice(0, 20);
    if (this.reasons !== undefined) {
      return this.reasons
        .split('|')
        .map((item) => item.trim())
        .filter(Boolean)
        .slice(0, 20)
        .map((item) => {
          const at = item.indexOf('=');
          return at > 0
            ? { value: item.slice(0, at).trim(), label: item.slice(at + 1).trim() }
            : { value: item, label: item };
        });
    }
    return DEFAULT_REASONS.map(([value, key]) => ({ value, label: this.l10n.t.feedback[key] }));
  }

  readonly #handleRate = (event: SubmitEvent) => {
    const value = new FormData(event.currentTarget as HTMLFormElement).get('rating');
    if (value === null || !(this.location === 'ask' || this.#fields().some((field) => field.required))) {
      return this.#rate.handleSubmit(event);
    }
    // The backend requires answers (an Open311 service checks its required attributes), or the page asks where
    // the problem is: the rating is sent with them from the follow-up, rather than alone and refused.
    event.preventDefault();
    this.#given = readFields(event.currentTarget as HTMLFormElement, this.#rateFields()).rating as Rating | undefined;
    this.#held = true;
    this.requestUpdate();
  };

  readonly #handleRatingClick = (event: Event) => {
    // A click on a choice is the whole answer; keyboard users move with the arrows and send with Enter.
    const rating = event.currentTarget as CivicRating;
    if (rating.value !== '') rating.form?.requestSubmit();
  };

  readonly #handleRatingKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') (event.currentTarget as CivicRating).form?.requestSubmit();
  };

  #open() {
    this.renderRoot.querySelector('dialog')?.showModal();
    this.renderRoot
      .querySelector<HTMLElement>('dialog civic-rating, dialog textarea, dialog [data-confirmation]')
      ?.focus();
  }

  #handleClose() {
    this.renderRoot.querySelector<HTMLElement>('[part="launcher"]')?.focus();
  }

  protected renderContent() {
    if (!this.#shown) return nothing;
    // A click before the client is ready (its adapter is imported on demand) would be lost: wait for it.
    if (!this.activeClient) return this.loadStatus === 'error' ? this.renderLoadState('') : nothing;
    // Until the preset's statement arrives (a small module); an unknown preset (null) shows the scale's question.
    if (this.preset && this.presetTexts === undefined) return nothing;
    // Until the backend says whether it has extra questions: they decide whether a click sends the rating.
    if (this.loadStatus !== 'loaded') return nothing;
    if (this.mode !== 'button') return this.#renderSteps();
    const t = this.l10n.t.feedback;
    return html`<button part="launcher" class="launcher" aria-haspopup="dialog" @click=${this.#open}>${t.open}</button>
      <dialog part="dialog" aria-label=${t.open} @close=${this.#handleClose}>
        <button type="button" class="secondary close" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>
          ${t.close}
        </button>
        ${this.#renderSteps()}
      </dialog>`;
  }

  #renderSteps() {
    const rate = this.#rate;
    const follow = this.#follow;
    const status = follow.state === 'idle' ? rate.status : follow.status;
    let step: unknown;
    if (rate.state === 'queued' || follow.state === 'delivered' || follow.state === 'queued') {
      step = this.#renderThanks(
        rate.state === 'queued' ? rate.queued : follow.state === 'queued' ? follow.queued : undefined,
      );
    } else if (rate.state === 'delivered' || this.#held) {
      step = this.#renderFollowUp();
    } else {
      step = this.#renderRating();
    }
    return html`<div class="feedback">${step}${this.#renderReports()}${liveStatus(status)}</div>`;
  }

  #renderRating() {
    const t = this.l10n.t.feedback;
    const rate = this.#rate;
    const issue = rate.issueFor('rating');
    const hint = this.presetTexts?.hint;
    return html`<form novalidate aria-labelledby="question" @submit=${this.#handleRate}>
      ${errorSummary(rate, this.l10n, this.renderRoot)}
      <p id="question" class="question" part="heading"><slot name="question">${this.#questionText()}</slot></p>
      ${hint ? html`<p id="rating-hint" class="hint">${hint}</p>` : nothing}
      ${issue ? html`<p id="rating-error" class="error" part="error">${rate.message(issue)}</p>` : nothing}
      <div class="row">
        <civic-rating
          id="rating"
          name="rating"
          part="input"
          required
          scale=${this.#scale()}
          .strings=${this.strings?.rating ? { rating: this.strings.rating } : undefined}
          aria-labelledby="question"
          aria-describedby=${[hint && 'rating-hint', issue && 'rating-error'].filter(Boolean).join(' ') || nothing}
          @click=${this.#handleRatingClick}
          @keydown=${this.#handleRatingKeydown}
        ></civic-rating>
        <button part="submit-button" aria-disabled=${rate.state === 'submitting' ? 'true' : 'false'}>${t.send}</button>
      </div>
      ${failureNotice(rate)}
    </form>`;
  }

  #renderFollowUp() {
    const t = this.l10n.t.feedback;
    const follow = this.#follow;
    const fields = this.#followUpFields();
    const extra = this.#extra ? this.#fields() : [];
    const recorded = this.#held
      ? html`<p class="notice" part="status" tabindex="-1" data-confirmation>${t.fieldsIntro}</p>`
      : html`<div class="notice success" part="status" tabindex="-1" data-confirmation>
          <p>${t.recorded}</p>
        </div>`;
    if (!fields.length && !extra.length) return recorded;
    const reasons = fields.find((field) => field.id === 'reasons');
    const comment = fields.find((field) => field.id === 'comment');
    const question = this.#negative() ? t.followUpNegative : t.followUpPositive;
    return html`${recorded}
      <form novalidate @submit=${follow.handleSubmit}>
        ${errorSummary(follow, this.l10n, this.renderRoot)}
        ${reasons ? renderField(follow, this.l10n, reasons) : html`<p class="question" part="heading">${question}</p>`}
        ${this.#extra?.renderExtraFields(follow, this.l10n, extra, this)}
        ${comment ? renderField(follow, this.l10n, comment) : nothing}
        ${failureNotice(follow)}
        <button part="submit-button" aria-disabled=${follow.state === 'submitting' ? 'true' : 'false'}>${t.send}</button>
      </form>`;
  }

  /** `queued`: the queued rating or follow-up, if either is waiting; its `persisted` says whether it is stored. */
  #renderThanks(queued?: { persisted: boolean }) {
    const t = this.l10n.t.feedback;
    const common = this.l10n.t.common;
    return html`<section class="notice success" part="status" tabindex="-1" data-confirmation aria-labelledby="thanks">
      <h2 id="thanks" part="heading">${t.thanksHeading}</h2>
      <p>${queued ? (queued.persisted ? common.queued : common.queuedUnsaved) : t.thanksText}</p>
    </section>`;
  }

  /**
   * Where the last report stands, and the reports the resident kept on this browser, when the backend can say
   * (Open311): `<civic-report-status>` elements, from a module loaded only with such a backend.
   */
  #renderReports() {
    const receipt = this.#follow.receipt ?? this.#rate.receipt;
    const client = this.activeClient;
    if (!client?.adapter.reportStatus) return nothing;
    if (this.#follower === undefined) {
      this.#follower = null;
      void import('./report-follow.js').then((module) => {
        this.#follower = module;
        this.requestUpdate();
      });
    }
    return this.#follower?.renderReports(receipt?.receiptId, client) ?? nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-feedback': CivicFeedback;
  }
}
