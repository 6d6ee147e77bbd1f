import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizeController } from '../i18n/localize.js';
import type { FieldIssue, SubmitController } from './submit.js';

// Render helpers for native controls inside a widget's shadow root. Labels, hints and errors live in the same
// root as their control, since ARIA references do not cross shadow boundaries.

type AnySubmit = Pick<SubmitController<never, never>, 'issues' | 'failure' | 'message' | 'issueFor'>;

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  minlength?: number;
  pattern?: string;
  inputmode?: string;
  /** `autocapitalize`, e.g. `characters` for codes. */
  autocapitalize?: string;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The inline error of a control, tied to it through `aria-describedby`. */
function inlineError(submit: AnySubmit, l10n: LocalizeController, id: string, issue: FieldIssue | undefined) {
  if (!issue) return nothing;
  return html`<p id="${id}-error" class="error" part="error">
    <span class="visually-hidden">${l10n.t.common.errorPrefix}</span> ${submit.message(issue)}
  </p>`;
}

/** A labelled text input with optional hint and its inline error. */
export function textField(submit: AnySubmit, l10n: LocalizeController, o: TextFieldOptions): TemplateResult {
  const issue = submit.issueFor(o.id);
  return html`<div class="field">
    <label part="label" for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing}
    ${inlineError(submit, l10n, o.id, issue)}
    <input
      part="input"
      id=${o.id}
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      autocapitalize=${ifDefined(o.autocapitalize)}
      maxlength=${ifDefined(o.maxlength)}
      minlength=${ifDefined(o.minlength)}
      pattern=${ifDefined(o.pattern)}
      ?required=${o.required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`))}
    />
  </div>`;
}

export interface CheckboxOptions {
  id: string;
  name: string;
  /** Text or a template (e.g. with a link). */
  label: unknown;
  required?: boolean;
  /** Extra content after the label, still described by the error (e.g. a privacy link). */
  after?: unknown;
}

/** A checkbox with its label beside it and its inline error. */
export function checkboxField(submit: AnySubmit, l10n: LocalizeController, o: CheckboxOptions): TemplateResult {
  const issue = submit.issueFor(o.id);
  return html`<div class="field">
    ${inlineError(submit, l10n, o.id, issue)}
    <div class="check">
      <input
        part="input"
        type="checkbox"
        id=${o.id}
        name=${o.name}
        value="true"
        ?required=${o.required}
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${ifDefined(issue ? `${o.id}-error` : undefined)}
      />
      <label for=${o.id}>${o.label}</label>
    </div>
    ${o.after ?? nothing}
  </div>`;
}

export interface ChoiceOption {
  value: string;
  /** Text or a template. */
  label: unknown;
  /** A line under the label, tied to the input through `aria-describedby`. */
  hint?: string;
}

export interface ChoiceGroupOptions {
  /** The first input's id (the error summary links to it); the others get `${id}-1`, `${id}-2`, ... */
  id: string;
  name: string;
  /** The question, rendered as the `<legend>`. */
  legend: unknown;
  type: 'radio' | 'checkbox';
  options: ChoiceOption[];
  /** The values currently chosen (Lit sets `.checked`, so a re-render keeps the citizen's choice). */
  selected?: readonly string[];
  hint?: string;
  /** Radios only: the browser refuses to submit with none chosen. */
  required?: boolean;
  /** Checkboxes: options that cannot be chosen now (e.g. past `maxChoices`). */
  disabled?: (value: string) => boolean;
  onChange?: (event: Event) => void;
}

/** Radios or checkboxes in a `<fieldset>` whose `<legend>` is the question, with hint and inline error. */
export function choiceGroup(submit: AnySubmit, l10n: LocalizeController, o: ChoiceGroupOptions): TemplateResult {
  const issue = submit.issueFor(o.id);
  const groupDescription = describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`);
  return html`<fieldset class="field" aria-describedby=${ifDefined(groupDescription)}>
    <legend part="label">${o.legend}</legend>
    ${o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing}
    ${inlineError(submit, l10n, o.id, issue)}
    ${o.options.map((option, index) => {
      const id = index === 0 ? o.id : `${o.id}-${index}`;
      return html`<div class="check">
        <input
          part="input"
          type=${o.type}
          id=${id}
          name=${o.name}
          .value=${option.value}
          .checked=${o.selected?.includes(option.value) ?? false}
          ?required=${o.required && o.type === 'radio'}
          ?disabled=${o.disabled?.(option.value) ?? false}
          aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby=${ifDefined(option.hint ? `${id}-hint` : undefined)}
          @change=${o.onChange}
        />
        <label for=${id}>${option.label}</label>
        ${option.hint ? html`<p id="${id}-hint" class="hint">${option.hint}</p>` : nothing}
      </div>`;
    })}
  </fieldset>`;
}

export interface SelectFieldOptions {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  /** The selected value; `''` selects the empty choice. */
  value?: string;
  /** A first, empty choice (e.g. "Any category"). */
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  onChange?: (event: Event) => void;
}

/** A labelled native `<select>` with optional hint and its inline error. */
export function selectField(submit: AnySubmit, l10n: LocalizeController, o: SelectFieldOptions): TemplateResult {
  const issue = submit.issueFor(o.id);
  return html`<div class="field">
    <label part="label" for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing}
    ${inlineError(submit, l10n, o.id, issue)}
    <select
      part="input"
      id=${o.id}
      name=${o.name}
      ?required=${o.required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`))}
      @change=${o.onChange}
    >
      ${o.emptyLabel !== undefined ? html`<option value="" ?selected=${!o.value}>${o.emptyLabel}</option>` : nothing}
      ${o.options.map((option) => html`<option .value=${option.value} ?selected=${o.value === option.value}>${option.label}</option>`)}
    </select>
  </div>`;
}

export interface TextareaFieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  rows?: number;
  /** The current text, for the character count; the textarea itself keeps what the citizen typed. */
  value?: string;
  /** "{count} characters left": shown under the textarea when `maxlength` is set. */
  remaining?: (left: number) => string;
  onInput?: (event: Event) => void;
}

/**
 * A labelled `<textarea>` with hint, inline error and, with `maxlength` and `remaining`, a character count that
 * is announced politely (only the count, so screen readers are not interrupted on every key).
 */
export function textareaField(submit: AnySubmit, l10n: LocalizeController, o: TextareaFieldOptions): TemplateResult {
  const issue = submit.issueFor(o.id);
  const counted = o.maxlength !== undefined && o.remaining !== undefined;
  return html`<div class="field">
    <label part="label" for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing}
    ${inlineError(submit, l10n, o.id, issue)}
    <textarea
      part="input"
      id=${o.id}
      name=${o.name}
      rows=${o.rows ?? 4}
      maxlength=${ifDefined(o.maxlength)}
      ?required=${o.required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`, counted && `${o.id}-count`))}
      @input=${o.onInput}
    ></textarea>
    ${counted ? characterCount(o.id, o.maxlength!, o.maxlength! - (o.value ?? '').length, o.remaining!) : nothing}
  </div>`;
}

/**
 * The characters left, under a textarea. A screen reader hears it with the field (aria-describedby) and, only in
 * the last tenth, after each keystroke: announcing every keystroke of a long comment would drown the typing.
 */
function characterCount(id: string, max: number, left: number, remaining: (left: number) => string) {
  return html`<p id="${id}-count" class="hint" aria-live=${left <= max / 10 ? 'polite' : 'off'}>${remaining(left)}</p>`;
}

/**
 * The error summary: takes focus after a failed submit (the controller focuses `[data-error-summary]`), lists
 * every problem and links each one to its control. Fragment links cannot reach into a shadow root, so the click
 * moves focus itself.
 */
export function errorSummary(submit: AnySubmit, l10n: LocalizeController, root: ParentNode): unknown {
  if (submit.issues.length === 0) return nothing;
  const focusField = (event: Event, id: string) => {
    event.preventDefault();
    const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  };
  return html`<div
    class="error-summary"
    part="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
    data-error-summary
  >
    <h3 id="error-summary-title">${l10n.t.common.errorSummaryTitle}</h3>
    <ul>
      ${submit.issues.map((issue) =>
        issue.id
          ? html`<li><a href="#${issue.id}" @click=${(e: Event) => focusField(e, issue.id!)}>${submit.message(issue)}</a></li>`
          : html`<li>${submit.message(issue)}</li>`,
      )}
    </ul>
  </div>`;
}

/** The polite live region for submission status; always rendered so that screen readers track it. */
export function liveStatus(text: string): TemplateResult {
  return html`<p class="visually-hidden" role="status" aria-live="polite">${text}</p>`;
}

/** Why a submission failed (not the fields' fault), announced assertively; `nothing` when it did not fail. */
export function failureNotice(submit: AnySubmit): unknown {
  return submit.failure ? html`<p class="notice error" part="error" role="alert">${submit.failure}</p>` : nothing;
}

/** A link to a server-given URL that opens in a new tab, so a half-filled form is not lost. */
export function externalLink(href: string, text: string, l10n: LocalizeController): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer"
    >${text}<span class="visually-hidden"> ${l10n.t.common.opensInNewTab}</span></a
  >`;
}
