import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizeController } from '../i18n/localize.js';
import type { FieldIssue, IssueKey, SubmitController } from './submit.js';

// A form field is declared once, as data: its control, label, native constraints, where its value goes in the
// request and which schema paths are its errors. Rendering (`renderField`), reading (`readFields`), native
// validation and the error summary all follow from that declaration, so a new field is one edit.
// Labels, hints and errors live in the same shadow root as their control: ARIA references do not cross it.

type AnySubmit = Pick<SubmitController<never, never>, 'issues' | 'failure' | 'message' | 'issueFor'>;

interface FieldBase {
  /** `id` of the control in the shadow root: labels, hints and the error summary's link point at it. */
  id: string;
  /** The control's form name. Default: `id`. */
  name?: string;
  /**
   * Dotted path of the value in the request (as in the client's schema and the server's `fieldErrors`). Schema
   * issues at this path, or under it (`rating.value` for `rating`), are this field's errors. Default: `id`.
   */
  path?: string;
  /** The visible label (the `<legend>` of a group); messages say it too. */
  label: string;
  /** The label inside messages, when the visible one differs (e.g. carries a "required" mark). */
  issueLabel?: string;
  hint?: string;
  required?: boolean;
  /** Messages for this field instead of the common ones, e.g. `{ required: () => t.petition.consentRequired }`. */
  messages?: Partial<Record<IssueKey, () => string>>;
  /**
   * The field's value in the request, from the form's data; `undefined` leaves it out. Default: trimmed text
   * (empty left out), `true`/`false` for a checkbox, the chosen values of a group (none left out).
   */
  read?: (data: FormData, name: string) => unknown;
  /** Appends the value to the list at this request key instead of setting it at `path` (repeated answers). */
  appendTo?: string;
}

export interface TextFieldDeclaration extends FieldBase {
  control: 'text';
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'number' | 'datetime-local';
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  pattern?: string;
  step?: string;
  inputmode?: string;
  /** `autocapitalize`, e.g. `characters` for codes. */
  autocapitalize?: string;
}

export interface CheckboxFieldDeclaration extends FieldBase {
  control: 'checkbox';
  /** Extra content after the label, still described by the error (e.g. a privacy link). */
  after?: unknown;
}

export interface ChoiceOption {
  value: string;
  /** Text or a template. */
  label: unknown;
  /** A line under the label, tied to the input through `aria-describedby`. */
  hint?: string;
}

/** Radios or checkboxes in a `<fieldset>`; the first input has `id`, the others `${id}-1`, `${id}-2`, ... */
export interface ChoicesFieldDeclaration extends FieldBase {
  control: 'radios' | 'checkboxes';
  options: ChoiceOption[];
  /** The legend is for screen readers only (the question is already the widget's heading). */
  hideLabel?: boolean;
  /** The values currently chosen (Lit sets `.checked`, so a re-render keeps the citizen's choice). */
  selected?: readonly string[];
  /** Checkboxes: options that cannot be chosen now (e.g. past `maxChoices`). `required` applies to radios only. */
  disabled?: (value: string) => boolean;
  onChange?: (event: Event) => void;
}

export interface SelectFieldDeclaration extends FieldBase {
  control: 'select';
  options: { value: string; label: string }[];
  /** The selected value; `''` selects the empty choice. */
  value?: string;
  /** A first, empty choice (e.g. "Any category"). */
  emptyLabel?: string;
  onChange?: (event: Event) => void;
}

export interface TextareaFieldDeclaration extends FieldBase {
  control: 'textarea';
  maxlength?: number;
  rows?: number;
  /** The current text, for the character count; the textarea itself keeps what the citizen typed. */
  value?: string;
  /** "{count} characters left": shown under the textarea when `maxlength` is set. */
  remaining?: (left: number) => string;
  onInput?: (event: Event) => void;
}

/** A control the widget renders itself (a `<civic-rating>`, the poll's ranking), with an element of this `id`. */
export interface CustomFieldDeclaration extends FieldBase {
  control: 'custom';
}

type AnyField =
  | TextFieldDeclaration
  | CheckboxFieldDeclaration
  | ChoicesFieldDeclaration
  | SelectFieldDeclaration
  | TextareaFieldDeclaration
  | CustomFieldDeclaration;

/** The kinds of control a field can have. */
export type Control = AnyField['control'];

/**
 * One field of a form, declared once; `Field<'text' | 'checkbox'>` is a field with one of those controls, as a form
 * drawn by `fieldRenderer({ text, checkbox })` takes.
 */
export type Field<C extends Control = Control, F = AnyField> = F extends { control: infer K }
  ? C extends K
    ? F
    : never
  : never;

/** A function that draws one kind of control: `textField`, `checkboxField`, `choiceGroup`, ... */
export type ControlRenderer<F extends Field> = (submit: AnySubmit, l10n: LocalizeController, field: F) => unknown;

/**
 * Draws declared fields with the renderers given, by `control`: a widget names the controls its form uses, e.g.
 * `fieldRenderer({ text: textField, checkbox: checkboxField })`, and its file carries no other control's template.
 * The function it returns takes fields of those controls and `custom` ones, which are the widget's to draw
 * (`nothing` here); a field of another control does not typecheck.
 */
export function fieldRenderer<C extends Exclude<Control, 'custom'>>(
  renderers: {
    [K in C]: ControlRenderer<Field<K>>;
  },
) {
  return (submit: AnySubmit, l10n: LocalizeController, field: Field<C | 'custom'>): unknown => {
    const render = (renderers as Partial<Record<Control, ControlRenderer<Field>>>)[field.control];
    return render ? render(submit, l10n, field) : nothing;
  };
}

/** The labelled control of a declared field of any kind, with its hint and inline error; `nothing` for a custom one. */
export const renderField = /* @__PURE__ */ fieldRenderer({
  text: textField,
  checkbox: checkboxField,
  radios: choiceGroup,
  checkboxes: choiceGroup,
  select: selectField,
  textarea: textareaField,
});

/** Every declared field's control, in declaration order (custom controls are the widget's to render). */
export function renderFields(submit: AnySubmit, l10n: LocalizeController, fields: readonly Field[]): unknown {
  return fields.map((field) => renderField(submit, l10n, field));
}

/** Trimmed text of a form value; `undefined` when absent or blank. */
export function readText(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function readDefault(field: Field, data: FormData, name: string): unknown {
  switch (field.control) {
    case 'checkbox':
      return data.has(name);
    case 'radios':
    case 'checkboxes': {
      const values = data.getAll(name).map(String);
      return values.length ? values : undefined;
    }
    default:
      return readText(data, name);
  }
}

/** The request that the declared fields make of the form: each value at its `path` (or appended to `appendTo`). */
export function readFields(form: HTMLFormElement, fields: readonly Field[]): Record<string, unknown> {
  const data = new FormData(form);
  const request: Record<string, unknown> = {};
  for (const field of fields) {
    const name = field.name ?? field.id;
    const value = field.read ? field.read(data, name) : readDefault(field, data, name);
    if (value === undefined) continue;
    if (field.appendTo) {
      request[field.appendTo] = [...((request[field.appendTo] as unknown[] | undefined) ?? []), value];
      continue;
    }
    const keys = pathOf(field).split('.');
    const last = keys.pop()!;
    let target = request;
    for (const key of keys) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[last] = value;
  }
  return request;
}

/** Where a field's value goes in the request. */
export const pathOf = (field: Field): string => field.path ?? field.id;

/** The field whose errors an issue at `path` are: the one at that path, else the nearest one above it. */
export function fieldAt(fields: readonly Field[], path: string): Field | undefined {
  let best: Field | undefined;
  for (const field of fields) {
    const own = pathOf(field);
    if ((path === own || path.startsWith(`${own}.`)) && (!best || own.length > pathOf(best).length)) best = field;
  }
  return best;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The inline error of a control, tied to it through `aria-describedby`. */
function inlineError(submit: AnySubmit, l10n: LocalizeController, id: string, issue: FieldIssue | undefined) {
  if (!issue) return nothing;
  return html`<p id="${id}-error" class="error" part="error">
    <span class="visually-hidden">${l10n.t.common.errorPrefix}</span> ${submit.message(issue)}
  </p>`;
}

const hintOf = (o: Field) => (o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing);

/**
 * A control under its label, with hint and inline error. `control` gets `aria-invalid` and `aria-describedby`
 * (hint, error, and `more`, e.g. a character count).
 */
function labelled(
  submit: AnySubmit,
  l10n: LocalizeController,
  o: Field,
  control: (invalid: string, description?: string) => TemplateResult,
  more?: string,
): TemplateResult {
  const issue = submit.issueFor(o.id);
  return html`<div class="field">
    <label part="label" for=${o.id}>${o.label}</label>
    ${hintOf(o)} ${inlineError(submit, l10n, o.id, issue)}
    ${control(issue ? 'true' : 'false', describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`, more))}
  </div>`;
}

/** A labelled text input. */
export function textField(submit: AnySubmit, l10n: LocalizeController, o: TextFieldDeclaration): TemplateResult {
  return labelled(
    submit,
    l10n,
    o,
    (invalid, description) => html`<input
      part="input"
      id=${o.id}
      name=${o.name ?? o.id}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      autocapitalize=${ifDefined(o.autocapitalize)}
      maxlength=${ifDefined(o.maxlength)}
      minlength=${ifDefined(o.minlength)}
      pattern=${ifDefined(o.pattern)}
      step=${ifDefined(o.step)}
      ?required=${o.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(description)}
    />`,
  );
}

/** A checkbox with its label beside it and its inline error. */
export function checkboxField(
  submit: AnySubmit,
  l10n: LocalizeController,
  o: CheckboxFieldDeclaration,
): TemplateResult {
  const issue = submit.issueFor(o.id);
  return html`<div class="field">
    ${inlineError(submit, l10n, o.id, issue)}
    <div class="check">
      <input
        part="input"
        type="checkbox"
        id=${o.id}
        name=${o.name ?? o.id}
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

/** Radios or checkboxes in a `<fieldset>` whose `<legend>` is the question, with hint and inline error. */
export function choiceGroup(submit: AnySubmit, l10n: LocalizeController, o: ChoicesFieldDeclaration): TemplateResult {
  const issue = submit.issueFor(o.id);
  const type = o.control === 'radios' ? 'radio' : 'checkbox';
  const groupDescription = describedBy(o.hint && `${o.id}-hint`, issue && `${o.id}-error`);
  return html`<fieldset class="field" aria-describedby=${ifDefined(groupDescription)}>
    <legend part="label">${o.hideLabel ? html`<span class="visually-hidden">${o.label}</span>` : o.label}</legend>
    ${hintOf(o)} ${inlineError(submit, l10n, o.id, issue)}
    ${o.options.map((option, index) => {
      const id = index === 0 ? o.id : `${o.id}-${index}`;
      return html`<div class="check">
        <input
          part="input"
          type=${type}
          id=${id}
          name=${o.name ?? o.id}
          .value=${option.value}
          .checked=${o.selected?.includes(option.value) ?? false}
          ?required=${o.required && type === 'radio'}
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

/** A labelled native `<select>`. */
export function selectField(submit: AnySubmit, l10n: LocalizeController, o: SelectFieldDeclaration): TemplateResult {
  return labelled(
    submit,
    l10n,
    o,
    (invalid, description) => html`<select
      part="input"
      id=${o.id}
      name=${o.name ?? o.id}
      ?required=${o.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(description)}
      @change=${o.onChange}
    >
      ${o.emptyLabel !== undefined ? html`<option value="" ?selected=${!o.value}>${o.emptyLabel}</option>` : nothing}
      ${o.options.map((option) => html`<option .value=${option.value} ?selected=${o.value === option.value}>${option.label}</option>`)}
    </select>`,
  );
}

/**
 * A labelled `<textarea>`; with `maxlength` and `remaining`, a character count under it that is announced politely
 * (only the count, so screen readers are not interrupted on every key).
 */
export function textareaField(
  submit: AnySubmit,
  l10n: LocalizeController,
  o: TextareaFieldDeclaration,
): TemplateResult {
  const counted = o.maxlength !== undefined && o.remaining !== undefined;
  return labelled(
    submit,
    l10n,
    o,
    (invalid, description) => html`<textarea
        part="input"
        id=${o.id}
        name=${o.name ?? o.id}
        rows=${o.rows ?? 4}
        maxlength=${ifDefined(o.maxlength)}
        ?required=${o.required}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(description)}
        @input=${o.onInput}
      ></textarea>
      ${counted ? characterCount(o.id, o.maxlength!, o.maxlength! - (o.value ?? '').length, o.remaining!) : nothing}`,
    counted ? `${o.id}-count` : undefined,
  );
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
