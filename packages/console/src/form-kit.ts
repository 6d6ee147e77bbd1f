import { html, nothing, type TemplateResult } from 'lit';

// What the console's create forms share: identifiers made from a title, the error summary (it takes focus and
// links to each field, GOV.UK's pattern) and a field with its message, which describes the control.

/** A readable identifier from a title: "Late opening, Friday" → "late-opening-friday". */
export const slug = (text: string, fallback: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || fallback;

/** The attributes that tie a control to its message, when it has one. */
export type Described = { by: string | typeof nothing; invalid: 'true' | typeof nothing };

/**
 * The summary of a form's problems, each a link to its control. The links move focus themselves: the address's
 * fragment is the console's page, so it must not change.
 */
export function errorSummary(
  root: HTMLElement | DocumentFragment,
  title: string,
  problems: [control: string, message: string][],
  serverError?: string,
) {
  if (!problems.length && !serverError) return nothing;
  const focus = (event: Event, control: string) => {
    event.preventDefault();
    (root.querySelector(`#${control}`) as HTMLElement | null)?.focus();
  };
  return html`<div role="alert" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${title}</h3>
    <ul>
      ${serverError ? html`<li>${serverError}</li>` : nothing}
      ${problems.map(
        ([control, message]) =>
          html`<li><a href="#${control}" @click=${(event: Event) => focus(event, control)}>${message}</a></li>`,
      )}
    </ul>
  </div>`;
}

/** A label, the field's message when it has one, then the control, which the message describes. */
export function field(
  id: string,
  label: string,
  message: string | undefined,
  control: (d: Described) => TemplateResult,
) {
  return html`
    <label for=${id}>${label}</label>
    ${message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing}
    ${control(message ? { by: `${id}-error`, invalid: 'true' } : { by: nothing, invalid: nothing })}
  `;
}
