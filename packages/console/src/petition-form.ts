import { Petition } from '@civic-widgets/client/schemas';
import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { type AdminPetition, ApiError, api, endsSession } from './api.js';
import { errorSummary, field, slug } from './form-kit.js';
import { format, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.petitions;

/** What the admin API accepts: the protocol's petition without what the server owns (as the server derives it). */
const PetitionInput = z.omit(Petition, { signatureCount: true, response: true, status: true });
export type PetitionInput = z.infer<typeof PetitionInput> & { requiresConfirmation: boolean };

type Field = keyof typeof s.errors;

const fieldOf = (path: PropertyKey[]): Field => {
  const first = path[0] as string;
  return first in s.errors ? (first as Field) : 'thresholds';
};

/** "100: The council responds" → {count: 100, label}; a line that is not one stays unread, so the schema refuses. */
function thresholdsOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d[\d,. ]*)\s*:\s*(.+)$/.exec(line);
      return match
        ? { count: Number(match[1]!.replace(/[,. ]/g, '')), label: match[2]!.trim() }
        : { count: 0, label: '' };
    });
}

/** An instant as a `datetime-local` input shows it: the browser's local time, to the minute. */
const localInput = (iso?: string) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Creating a petition, or editing one (`petition` set): title, summary, full text, thresholds, closing date,
 * what signers are asked for and the privacy notice, checked with the protocol's schema before sending. Fires
 * `petition-saved` with the petition.
 */
@customElement('civic-console-petition-form')
export class CivicConsolePetitionForm extends LitElement {
  static override styles = consoleStyles;

  /** The petition to edit; none to create one. */
  @property({ attribute: false }) petition?: AdminPetition;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private serverError?: string;
  @state() private busy = false;
  @query('#error-summary') private summary?: HTMLElement;

  private read(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const closesAt = text('closesAt');
    const candidate = {
      id: this.petition?.id ?? (text('id') || slug(text('title'), 'petition')),
      title: text('title'),
      summary: text('summary'),
      body: text('body') || undefined,
      thresholds: thresholdsOf(text('thresholds')),
      closesAt: closesAt ? new Date(closesAt).toISOString() : undefined,
      signerFields: data.getAll('signerFields').map(String),
      allowPublicName: data.has('allowPublicName'),
      privacyNoticeUrl: text('privacyNoticeUrl'),
    };
    const errors: Partial<Record<Field, string>> = {};
    const result = z.safeParse(PetitionInput, candidate);
    if (!result.success)
      for (const issue of result.error.issues) errors[fieldOf(issue.path)] ??= s.errors[fieldOf(issue.path)];
    const input = result.success
      ? { ...result.data, requiresConfirmation: data.has('requiresConfirmation') }
      : undefined;
    return { input, errors };
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Kept now: once the event is dispatched, its target is retargeted to the console's own element.
    const form = event.target as HTMLFormElement;
    const { input, errors } = this.read(form);
    this.errors = errors;
    this.serverError = undefined;
    if (!input || Object.keys(errors).length) return this.focusSummary();
    this.busy = true;
    try {
      const { id, ...changes } = input;
      const petition = this.petition ? await api.editPetition(id, changes) : await api.createPetition(input);
      form.reset();
      this.dispatchEvent(
        new CustomEvent<AdminPetition>('petition-saved', { detail: petition, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (endsSession(error, this)) return;
      // What was typed stays: only the summary is new.
      this.serverError = error instanceof ApiError ? error.message : t.common.sendError;
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  /** Editing: the form opens on the petition as it is, its heading focused. */
  override async updated(changed: Map<string, unknown>) {
    if (!changed.has('petition') || !this.petition) return;
    const p = this.petition;
    const form = this.renderRoot.querySelector('form')!;
    const set = (name: string, value: string) => {
      (form.elements.namedItem(name) as HTMLInputElement).value = value;
    };
    set('title', p.title);
    set('summary', p.summary);
    set('body', p.body ?? '');
    set('thresholds', p.thresholds.map((th) => `${th.count}: ${th.label}`).join('\n'));
    set('closesAt', localInput(p.closesAt));
    set('privacyNoticeUrl', p.privacyNoticeUrl ?? '');
    for (const box of form.querySelectorAll<HTMLInputElement>('[name="signerFields"]')) {
      box.checked = p.signerFields?.includes(box.value as 'postcode') ?? false;
    }
    (form.elements.namedItem('allowPublicName') as HTMLInputElement).checked = Boolean(p.allowPublicName);
    (form.elements.namedItem('requiresConfirmation') as HTMLInputElement).checked = Boolean(p.requiresConfirmation);
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async focusSummary() {
    await this.updateComplete;
    this.summary?.focus();
  }

  override render() {
    const e = this.errors;
    return html`
      <h2 tabindex="-1">${this.petition ? format(s.edit, { title: this.petition.title }) : s.create}</h2>
      ${errorSummary(this.renderRoot, s.errorSummary, Object.entries(e) as [Field, string][], this.serverError)}
      <form @submit=${this.handleSubmit} novalidate>
        ${field('title', s.title, e.title, (d) => html`<input id="title" name="title" maxlength="300" required aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        ${field('summary', s.summary, e.summary, (d) => html`<textarea id="summary" name="summary" maxlength="2000" rows="3" required aria-describedby=${d.by} aria-invalid=${d.invalid}></textarea>`)}
        ${field('body', s.body, e.body, (d) => html`<textarea id="body" name="body" maxlength="20000" aria-describedby=${d.by} aria-invalid=${d.invalid}></textarea>`)}
        ${field('thresholds', s.thresholds, e.thresholds, (d) => html`<p class="meta" id="thresholds-hint">${s.thresholdsHint}</p><textarea id="thresholds" name="thresholds" rows="3" aria-describedby=${e.thresholds ? 'thresholds-hint thresholds-error' : 'thresholds-hint'} aria-invalid=${d.invalid}></textarea>`)}
        ${field('closesAt', s.closesAt, e.closesAt, (d) => html`<input id="closesAt" name="closesAt" type="datetime-local" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        <fieldset>
          <legend>${s.signerFields}</legend>
          ${Object.entries(s.signerFieldNames).map(
            ([value, label]) =>
              html`<div class="check"><input type="checkbox" id="signer-${value}" name="signerFields" value=${value} /><label for="signer-${value}">${label}</label></div>`,
          )}
        </fieldset>
        <div class="check"><input type="checkbox" id="allowPublicName" name="allowPublicName" /><label for="allowPublicName">${s.allowPublicName}</label></div>
        <div class="check"><input type="checkbox" id="requiresConfirmation" name="requiresConfirmation" /><label for="requiresConfirmation">${s.requiresConfirmation}</label></div>
        ${field('privacyNoticeUrl', s.privacyNoticeUrl, e.privacyNoticeUrl, (d) => html`<input id="privacyNoticeUrl" name="privacyNoticeUrl" type="url" required aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        ${this.petition ? '' : field('id', s.id, e.id, (d) => html`<input id="id" name="id" maxlength="100" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        <div><button type="submit" ?disabled=${this.busy}>${this.petition ? s.save : s.submit}</button></div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-petition-form': CivicConsolePetitionForm;
  }
}
