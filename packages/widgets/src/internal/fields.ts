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
