import type { FeedbackField, FieldAnswer } from '@civic-widgets/client';
import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import { type Field, readText, renderField } from '../internal/fields.js';
import type { Schema, SubmitController } from '../internal/submit.js';
import type { FeedbackStrings } from './feedback.strings.js';
import { type LocationHost, locationFields, renderLocation } from './location.js';
import { redact } from './privacy.js';

// The backend's extra questions (an Open311 service definition), rendered in the follow-up. A module of its own,
// imported only when a backend has such questions, so pages without them download none of it. Every text here
// comes from the backend and is bound as text, never as HTML. The question "Where is the problem?" of
// `location="ask"` comes with them (location.ts): it is asked before the backend's questions.

type Submit = Pick<SubmitController<never, never>, 'issues' | 'failure' | 'message' | 'issueFor'>;
type L10n = LocalizeController<{ feedback: FeedbackStrings }>;

const ONE_LINE = { text: 'text', number: 'number', datetime: 'datetime-local' } as const;

/** One answer as the request carries it; unanswered is `undefined`. Free text is redacted like the comment. */
function readAnswer(field: FeedbackField, data: FormData, name: string): FieldAnswer | undefined {
  if (field.type === 'choices') {
    const values = data.getAll(name).map(String);
    return values.length ? { code: field.code, values } : undefined;
  }
  let value = readText(data, name);
  if (value === undefined) return undefined;
  if (field.type === 'text' || field.type === 'textarea') value = redact(value);
  // datetime-local gives the page's local time without a zone; GeoReport wants ISO 8601 with one.
  if (field.type === 'datetime' && !Number.isNaN(Date.parse(value))) value = new Date(value).toISOString();
  return { code: field.code, value };
}

/**
 * A backend question as a form field (`undefined` for an `info` note): control `field-<index>` (codes can hold
 * any character; ids stay simple), errors at `fields.<code>` as the Open311 adapter reports them, the answer
 * appended to the request's `fields`.
 */
function declare(field: FeedbackField, index: number, l10n: L10n): Field | undefined {
  if (field.type === 'info') return undefined;
  const t = l10n.t.feedback;
  const missing = () => l10n.format(l10n.t.feedback.fieldRequired, { label: field.label });
  const common = {
    id: `field-${index}`,
    path: `fields.${field.code}`,
    appendTo: 'fields',
    label: field.required ? l10n.format(t.fieldRequiredMark, { label: field.label }) : field.label,
    issueLabel: field.label,
    hint: field.hint,
    required: field.required,
    read: (data: FormData, name: string) => readAnswer(field, data, name),
    messages: {
      required: missing,
      requiredChoice: missing,
      ...(field.type === 'number' && {
        invalid: () => l10n.format(l10n.t.feedback.fieldNumber, { label: field.label }),
      }),
    },
  };
  const options = field.options ?? [];
  switch (field.type) {
    case 'choice':
      return { ...common, control: 'select', emptyLabel: t.fieldChoose, options };
    case 'choices':
      return { ...common, control: 'checkboxes', options };
    case 'textarea':
      return { ...common, control: 'textarea', maxlength: 2000, rows: 3 };
    default:
      return {
        ...common,
        control: 'text',
        type: ONE_LINE[field.type],
        maxlength: field.type === 'text' ? 2000 : undefined,
        step: field.type === 'number' ? 'any' : undefined,
        inputmode: field.type === 'number' ? 'decimal' : undefined,
      };
  }
}

/** The questions as form fields: the location (when asked), then the backend's, in its order (notes left out). */
export function extraFields(fields: readonly FeedbackField[], l10n: L10n, host: LocationHost): Field[] {
  return [...locationFields(host, l10n), ...fields.flatMap((field, index) => declare(field, index, l10n) ?? [])];
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

/** The questions as native controls, the location first, each labelled, with its hint and inline error. */
export function renderExtraFields(
  submit: Submit,
  l10n: L10n,
  fields: readonly FeedbackField[],
  host: LocationHost,
): TemplateResult {
  return html`${renderLocation(submit, l10n, host)}${fields.map((field, index) =>
    field.type === 'info'
      ? html`<p class="info">${field.label}</p>`
      : renderField(submit, l10n, declare(field, index, l10n)!),
  )}`;
}
