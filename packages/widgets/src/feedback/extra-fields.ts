import type { FeedbackField, FieldAnswer } from '@civic-widgets/client';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizeController } from '../i18n/localize.js';
import { choiceGroup, selectField, textareaField } from '../internal/fields.js';
import type { FieldSpec, Schema, SubmitController } from '../internal/submit.js';
import type { FeedbackStrings } from './feedback.strings.js';
import { redact } from './privacy.js';

// The backend's extra questions (an Open311 service definition), rendered in the follow-up. A module of its own,
// imported only when a backend has such questions, so pages without them download none of it. Every text here
// comes from the backend and is bound as text, never as HTML.

type Submit = Pick<SubmitController<never, never>, 'issues' | 'failure' | 'message' | 'issueFor'>;
type L10n = LocalizeController<{ feedback: FeedbackStrings }>;

/** The control id of the `index`th field (codes can hold any character; ids stay simple). */
const idOf = (index: number) => `field-${index}`;

const ONE_LINE = { text: 'text', number: 'number', datetime: 'datetime-local' } as const;

/** The fields as the submit controller sees them: paths `fields.<code>`, as the Open311 adapter reports errors. */
export function fieldSpecs(fields: readonly FeedbackField[], l10n: L10n): FieldSpec[] {
  return fields.flatMap((field, index) => {
    if (field.type === 'info') return [];
    const missing = () => l10n.format(l10n.t.feedback.fieldRequired, { label: field.label });
    return [
      {
        path: `fields.${field.code}`,
        id: idOf(index),
        label: () => field.label,
        messages: {
          required: missing,
          requiredChoice: missing,
          ...(field.type === 'number' && {
            invalid: () => l10n.format(l10n.t.feedback.fieldNumber, { label: field.label }),
          }),
        },
      },
    ];
  });
}

/** The answers in the form, in field order; unanswered fields are left out. Free text is redacted like the comment. */
export function readAnswers(form: HTMLFormElement, fields: readonly FeedbackField[]): FieldAnswer[] {
  const data = new FormData(form);
  const answers: FieldAnswer[] = [];
  fields.forEach((field, index) => {
    if (field.type === 'info') return;
    if (field.type === 'choices') {
      const values = data.getAll(idOf(index)).map(String);
      if (values.length) answers.push({ code: field.code, values });
      return;
    }
    let value = String(data.get(idOf(index)) ?? '').trim();
    if (!value) return;
    if (field.type === 'text' || field.type === 'textarea') value = redact(value);
    // datetime-local gives the page's local time without a zone; GeoReport wants ISO 8601 with one.
    if (field.type === 'datetime' && !Number.isNaN(Date.parse(value))) value = new Date(value).toISOString();
    answers.push({ code: field.code, value });
  });
  return answers;
}

/**
 * The client's schema, plus the fields' `required`: a checkbox group cannot say "at least one" natively, and a
 * required text must not pass as spaces. A missing answer is a `too_small` issue at `fields.<code>`.
 */
export function withRequired<T extends { fields?: FieldAnswer[] }>(
  schema: Schema<T>,
  fields: readonly FeedbackField[],
): Schema<T> {
  return {
    safeParse(value) {
      const parsed = schema.safeParse(value);
      const given = new Set(((value as T | undefined)?.fields ?? []).map((answer) => answer.code));
      const missing = fields
        .filter((field) => field.required && !given.has(field.code))
        .map((field) => ({ path: ['fields', field.code], code: 'too_small', minimum: 1 }));
      if (!missing.length) return parsed;
      return { success: false, error: { issues: [...(parsed.success ? [] : parsed.error.issues), ...missing] } };
    },
  };
}

function inlineError(submit: Submit, l10n: L10n, id: string) {
  const issue = submit.issueFor(id);
  return issue
    ? html`<p id="${id}-error" class="error" part="error">
        <span class="visually-hidden">${l10n.t.common.errorPrefix}</span> ${submit.message(issue)}
      </p>`
    : nothing;
}

function renderField(submit: Submit, l10n: L10n, field: FeedbackField, index: number): unknown {
  const t = l10n.t.feedback;
  const id = idOf(index);
  if (field.type === 'info') return html`<p class="info">${field.label}</p>`;
  const label = field.required ? l10n.format(t.fieldRequiredMark, { label: field.label }) : field.label;
  const options = field.options ?? [];
  switch (field.type) {
    case 'choice':
      return selectField(submit, l10n, {
        id,
        name: id,
        label,
        hint: field.hint,
        required: field.required,
        emptyLabel: t.fieldChoose,
        options,
      });
    case 'choices':
      return choiceGroup(submit, l10n, { id, name: id, legend: label, hint: field.hint, type: 'checkbox', options });
    case 'textarea':
      return textareaField(submit, l10n, {
        id,
        name: id,
        label,
        hint: field.hint,
        required: field.required,
        maxlength: 2000,
        rows: 3,
      });
  }
  // text, number, datetime: fields.ts's textField has no number or date types.
  const issue = submit.issueFor(id);
  const describedBy = [field.hint && `${id}-hint`, issue && `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field">
    <label part="label" for=${id}>${label}</label>
    ${field.hint ? html`<p id="${id}-hint" class="hint">${field.hint}</p>` : nothing}
    ${inlineError(submit, l10n, id)}
    <input
      part="input"
      id=${id}
      name=${id}
      type=${ONE_LINE[field.type]}
      maxlength=${ifDefined(field.type === 'text' ? 2000 : undefined)}
      step=${ifDefined(field.type === 'number' ? 'any' : undefined)}
      inputmode=${ifDefined(field.type === 'number' ? 'decimal' : undefined)}
      ?required=${field.required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy || undefined)}
    />
  </div>`;
}

/** The fields as native controls, in the backend's order, each labelled, with its hint and inline error. */
export function renderFields(submit: Submit, l10n: L10n, fields: readonly FeedbackField[]): TemplateResult {
  return html`${fields.map((field, index) => renderField(submit, l10n, field, index))}`;
}
