import type { RATING_RANGE, RatingScale } from '@civic-widgets/client';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { LocalizeController, memo, type StringOverrides } from '../i18n/localize.js';
import { textReset } from '../styles/text-reset.styles.js';
import { themed } from '../styles/tokens.js';
import { type RatingStrings, ratingCatalog } from './rating.strings.js';

// From the first block of emoticons (U+1F600-1F640), which older systems' fonts cover.
const SMILEYS = ['😞', '😕', '😐', '😊', '😄'];

// The client's RATING_RANGE, restated: importing it would bring the client's schemas (and zod) into a control that
// needs no client. `satisfies` fails the build if the two ever differ.
const RANGES = { thumbs: [0, 1], stars: [1, 5], smileys: [1, 5], nps: [0, 10] } as const satisfies typeof RATING_RANGE;

/** The values of a scale in display order: thumbs shows yes (1) before no (0). */
export function scaleValues(scale: RatingScale): number[] {
  const [min, max] = RANGES[scale] ?? RANGES.stars;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return scale === 'thumbs' ? values.reverse() : values;
}

// The choice names of ratings without `.strings` overrides, per scale and language: every such rating on a page
// shares them (a plural and a number format per choice were a tenth of a rating's render).
const sharedNames = new Map<string, string[]>();

/** The value of the choice an event happened in, if any. */
function choiceValue(event: Event): number | undefined {
  const choice = (event.target as Element).closest<HTMLElement>('[data-value]');
  return choice ? Number(choice.dataset.value) : undefined;
}

/**
 * A rating as a real form control: inside a page's own `<form>` its value is in `FormData` under `name`, reset
 * returns it to `default-value`, a disabled `<fieldset>` disables it, and `required` blocks submission with the
 * browser's own message in the browser's language. It behaves as a radio group: one tab stop, arrow keys move
 * and select, Home and End go to the ends.
 *
 * @tag civic-rating
 * @summary A thumbs, stars, smileys (CSAT) or 0-10 (NPS) rating that works in any form.
 *
 * @fires {Event} input - The citizen chose a value (not when `value` is set from code).
 * @fires {Event} change - The citizen chose a value (not when `value` is set from code).
 *
 * @csspart base - The group of choices.
 * @csspart choice - Each choice.
 *
 * @cssstate user-invalid - Required and empty, after the citizen interacted or a submit was tried.
 * @cssstate user-valid - Valid, after the citizen interacted or a submit was tried.
 *
 * @cssproperty --civic-color-accent - The chosen value and focus. Default: `#1d4ed8`.
 * @cssproperty --civic-color-border - Borders of the choices. Default: `#6b7280`.
 * @cssproperty --civic-color-on-accent - Text on the chosen choice. Default: `#fff`.
 * @cssproperty --civic-radius - Corner radius of the choices. Default: `4px`.
 * @cssproperty --civic-space-xs - The gap between choices. Default: `0.25rem`.
 * @cssproperty --civic-focus-ring - The focus outline. Default: `3px solid #1e3a8a`.
 */
export class CivicRating extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    textReset,
    themed(css`
      :host {
        display: inline-block;
      }
      /* As wide as its choices even when a page's reset makes the host inline (block-in-inline spans the line). */
      [part='base'] {
        display: flex;
        flex-wrap: wrap;
        inline-size: fit-content;
        gap: var(--civic-space-xs);
      }
      [role='radio'] {
        box-sizing: border-box;
        /* 44 px targets even when a page shrinks its root font size (62.5 % themes): WCAG 2.5.8 and 2.5.5. */
        min-inline-size: max(2.75rem, 44px);
        min-block-size: max(2.75rem, 44px);
        padding: 0.25rem 0.5rem;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.25rem;
        border: 1px solid var(--civic-color-border);
        border-radius: var(--civic-radius);
        cursor: pointer;
        font-size: 1.25em;
        user-select: none;
      }
      .thumbs [role='radio'],
      .nps [role='radio'] {
        font-size: 1em;
      }
      .stars [role='radio'] {
        border-color: transparent;
        color: var(--civic-color-accent);
      }
      [aria-checked='true'] {
        background: var(--civic-color-accent);
        color: var(--civic-color-on-accent);
        border-color: var(--civic-color-accent);
      }
      .stars [aria-checked='true'] {
        background: none;
        color: var(--civic-color-accent);
      }
      [role='radio']:focus-visible {
        outline: var(--civic-focus-ring);
        outline-offset: 2px;
      }
      [aria-disabled='true'] {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        flex-basis: 100%;
        font-size: 0.875em;
      }
      input {
        display: none;
      }
    `),
  ];

  readonly #internals = this.attachInternals();
  readonly #l10n = new LocalizeController<{ rating: RatingStrings }>(this, { rating: ratingCatalog });

  // `useDefault`: a default is not written back as an attribute, which cost every instance three attribute calls.
  static override properties = {
    scale: { reflect: true, useDefault: true },
    value: {},
    defaultValue: { attribute: 'default-value' },
    name: { reflect: true, useDefault: true },
    required: { type: Boolean, reflect: true, useDefault: true },
    disabled: { type: Boolean, reflect: true, useDefault: true },
    label: {},
    strings: { attribute: false },
    formDisabled: { state: true, attribute: false },
    focusValue: { state: true, attribute: false },
  };

  /** `thumbs` (yes 1 / no 0), `stars` (1-5), `smileys` (1-5, CSAT) or `nps` (0-10). */
  scale: RatingScale = 'stars';
  /** The chosen value as text (`'4'`), `''` when none. Setting it fires no event. */
  value = '';
  /** The value a form reset returns to; `''` for none. */
  defaultValue = '';
  /** The name the value has in the form's `FormData`. */
  name = '';
  /** A form cannot be submitted while no value is chosen. */
  required = false;
  /** No choice can be made, and the value is left out of the form. */
  disabled = false;
  /** The accessible name of the group, when no `<label for>` or `aria-label` names the element. */
  label?: string;
  /** Per-instance text overrides: `{ rating: { yes: 'Useful' } }`. */
  strings?: StringOverrides<{ rating: RatingStrings }>;

  private formDisabled = false;
  private focusValue?: number;
  /** The hidden native input whose validity the rating reports. */
  private get proxy(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!;
  }
  #interacted = false;

  /** The value as a number; `NaN` when none. */
  get valueAsNumber(): number {
    return this.value === '' ? Number.NaN : Number(this.value);
  }
  /** The form it belongs to. */
  get form() {
    return this.#internals.form;
  }
  /** The `<label>` elements that name it. */
  get labels() {
    return this.#internals.labels;
  }
  /** Its validity, as on a native control. */
  get validity() {
    return this.#internals.validity;
  }
  /** The browser's message while invalid, in the browser's language. */
  get validationMessage() {
    return this.#internals.validationMessage;
  }
  /** Whether constraint validation applies (not while disabled). */
  get willValidate() {
    return this.#internals.willValidate;
  }
  /** Focuses the chosen value, else the first (delegatesFocus alone would pick the first choice). */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')?.focus(options);
  }
  checkValidity() {
    return this.#internals.checkValidity();
  }
  reportValidity() {
    return this.#internals.reportValidity();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#internals.role = 'radiogroup';
    this.addEventListener('invalid', this.#handleInvalid);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.#handleInvalid);
  }

  /** Waits for the strings of the page's language as well. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.#l10n.ready;
    return (await super.getUpdateComplete()) && first;
  }

  formResetCallback() {
    this.value = this.defaultValue;
    this.#interacted = false;
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | null) {
    this.value = restored ?? '';
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.#syncForm();
    const internals = this.#internals;
    const off = this.#disabled();
    const named = this.labels.length > 0 || this.hasAttribute('aria-label') || this.hasAttribute('aria-labelledby');
    internals.ariaLabel = this.label ?? (named ? null : this.#l10n.t.rating.groupLabel);
    internals.ariaRequired = String(this.required);
    internals.ariaDisabled = String(off);
    this.#setState('user-invalid', this.#interacted && !internals.validity.valid);
    this.#setState('user-valid', this.#interacted && internals.validity.valid);
  }

  /** Value and validity for the form; also called at once on a choice, as `change` listeners read the form. */
  #syncForm() {
    const internals = this.#internals;
    internals.setFormValue(this.value === '' || this.#disabled() ? null : this.value, this.value);
    // The hidden native radio computes validity, so the message is the browser's own, in its language.
    this.proxy.required = this.required;
    this.proxy.checked = this.value !== '';
    if (this.proxy.validity.valid) internals.setValidity({});
    else {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]') ?? undefined;
      internals.setValidity({ valueMissing: true }, this.proxy.validationMessage, anchor);
    }
  }

  #setState(name: string, on: boolean) {
    try {
      if (on) this.#internals.states.add(name);
      else this.#internals.states.delete(name);
    } catch {
      // Chromium before 125 only accepted the `--name` form.
      if (on) this.#internals.states.add(`--${name}`);
      else this.#internals.states.delete(`--${name}`);
    }
  }

  #disabled() {
    return this.disabled || this.formDisabled;
  }

  readonly #handleInvalid = () => {
    this.#interacted = true;
    this.requestUpdate();
  };

  #choose(value: number) {
    this.focusValue = value;
    if (this.#disabled()) return;
    this.#interacted = true;
    this.requestUpdate();
    if (String(value) === this.value) return;
    this.value = String(value);
    this.#syncForm();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async #move(value: number) {
    this.#choose(value);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-value="${value}"]`)?.focus();
  }

  #handleKeydown(event: KeyboardEvent) {
    const values = scaleValues(this.scale);
    const current = values.indexOf(this.focusValue ?? this.valueAsNumber);
    const rtl = this.#l10n.dir === 'rtl';
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let index: number | undefined;
    if (event.key in step) index = (Math.max(current, 0) + step[event.key]! + values.length) % values.length;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = values.length - 1;
    else if (event.key === ' ' || event.key === 'Enter') {
      if (event.key === 'Enter') return; // Enter submits the form, as on a native radio.
      index = Math.max(current, 0);
    }
    if (index === undefined) return;
    event.preventDefault();
    void this.#move(values[index]!);
  }

  // One listener each on the group rather than two on every choice: a rating has up to 11 choices, and adding
  // listeners was a tenth of its render.
  #handleClick(event: Event) {
    const value = choiceValue(event);
    if (value !== undefined) this.#choose(value);
  }

  #handleFocusIn(event: FocusEvent) {
    const value = choiceValue(event);
    if (value !== undefined) this.focusValue = value;
  }

  /** The accessible name of one choice. */
  choiceName(value: number): string {
    const t = this.#l10n.t.rating;
    switch (this.scale) {
      case 'thumbs':
        return value === 1 ? t.yes : t.no;
      case 'smileys':
        return [t.csat1, t.csat2, t.csat3, t.csat4, t.csat5][value - 1] ?? String(value);
      case 'nps':
        return this.#l10n.format(t.nps, { value: this.#l10n.number(value), max: this.#l10n.number(10) });
      default:
        // The maximum goes through the same number format as the value: WebKit writes Arabic in Arabic-Indic
        // digits where Chromium and Firefox write Western ones, and a "5" fixed in the catalog would mix both.
        return this.#l10n.plural(t.stars, value, { value: this.#l10n.number(value), max: this.#l10n.number(5) });
    }
  }

  /** The names of `values` (the scale's), computed once per page for ratings without `.strings` overrides. */
  #choiceNames(values: number[]): string[] {
    const names = () => values.map((value) => this.choiceName(value));
    return this.strings ? names() : memo(sharedNames, `${this.scale} ${this.#l10n.lang}`, names);
  }

  #glyph(value: number, name: string) {
    switch (this.scale) {
      case 'thumbs':
        return html`<span aria-hidden="true">${value === 1 ? '👍' : '👎'}</span>${name}`;
      case 'smileys':
        return SMILEYS[value - 1];
      case 'nps':
        return this.#l10n.number(value);
      default:
        return value <= this.valueAsNumber ? '★' : '☆';
    }
  }

  protected override render() {
    const values = scaleValues(this.scale);
    const off = this.#disabled();
    const stop = values.includes(this.valueAsNumber) ? this.valueAsNumber : (this.focusValue ?? values[0]);
    const t = this.#l10n.t.rating;
    const names = this.#choiceNames(values);
    return html`<div
      part="base"
      class=${this.scale}
      lang=${this.#l10n.lang}
      dir=${this.#l10n.dir}
      @keydown=${this.#handleKeydown}
      @click=${this.#handleClick}
      @focusin=${this.#handleFocusIn}
    >
      ${values.map(
        (value, index) => html`<span
          role="radio"
          part="choice"
          data-value=${value}
          aria-label=${names[index]}
          aria-checked=${String(value === this.valueAsNumber)}
          aria-disabled=${String(off)}
          tabindex=${off ? -1 : value === stop ? 0 : -1}
          >${this.#glyph(value, names[index]!)}</span
        >`,
      )}
      ${this.scale === 'nps' ? html`<span class="ends" aria-hidden="true"><span>${t.npsLow}</span><span>${t.npsHigh}</span></span>` : nothing}
      <input type="radio" name="proxy" tabindex="-1" aria-hidden="true" />
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-rating': CivicRating;
  }
}
