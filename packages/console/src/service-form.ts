import { isValidTimeZone } from '@civic-widgets/client/domain';
import { type OpeningRange, Service, type ServiceCategory } from '@civic-widgets/client/schemas';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { ApiError, api, endsSession } from './api.js';
import { type Described, errorSummary, field } from './form-kit.js';
import { format, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.services;

/** What the admin API accepts: the protocol's service without the distance a search adds (as the server says). */
const ServiceInput = z.omit(Service, { distanceKm: true });
type ServiceInput = z.infer<typeof ServiceInput>;
type Field = keyof typeof s.errors;

/** The field a schema issue belongs to, so that its message sits with the right control. */
function fieldOf(path: PropertyKey[]): Field {
  const [first, second] = path.map(String);
  if (first === 'location') return second === 'name' ? 'locationName' : (second as Field);
  if (first === 'hours') return second === 'notes' ? 'hoursNotes' : second === 'timeZone' ? 'timeZone' : 'weekly';
  return first && first in s.errors ? (first as Field) : 'name';
}

const RANGE = /^(mo|tu|we|th|fr|sa|su)\s+(\d\d:\d\d)\s*[-–]\s*(\d\d:\d\d)$/i;

/** "mo 09:00-17:00", one a line; a line that is not one becomes a range the schema refuses, never a guess. */
const rangesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = RANGE.exec(line);
      return match
        ? { day: match[1]!.toLowerCase(), opens: match[2], closes: match[3] }
        : { day: '', opens: '', closes: '' };
    });

export const rangesText = (weekly: OpeningRange[] = []) =>
  weekly.map((range) => `${range.day} ${range.opens}-${range.closes}`).join('\n');

const numberOf = (text: string) => (text === '' ? Number.NaN : Number(text.replace(',', '.')));

/**
 * Editing a service: name, organisation, description, contact, its place (address and coordinates), opening
 * hours as the protocol has them (weekly ranges in a time zone) and categories, checked with the protocol's
 * `Service` schema before sending, as the server checks it. Languages, accessibility and eligibility are kept as
 * they are. Fires `service-saved` with the service, `edit-cancelled` on Cancel.
 */
@customElement('civic-console-service-form')
export class CivicConsoleServiceForm extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) service?: Service;
  @property({ attribute: false }) categories: ServiceCategory[] = [];
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private serverError?: string;
  @state() private busy = false;
  @query('#error-summary') private summary?: HTMLElement;
  @query('h2') private heading?: HTMLElement;

  private read(form: HTMLFormElement): { input?: ServiceInput; errors: Partial<Record<Field, string>> } {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || undefined;
    const weekly = rangesOf(text('weekly'));
    const { distanceKm: _, ...kept } = this.service!;
    const candidate = {
      ...kept,
      name: text('name'),
      organization: text('organization'),
      description: optional('description'),
      phone: optional('phone'),
      email: optional('email'),
      url: optional('url'),
      categories: data.getAll('categories').map(String),
      location: {
        name: optional('locationName'),
        address: text('address'),
        postcode: optional('postcode'),
        lat: numberOf(text('lat')),
        lng: numberOf(text('lng')),
      },
      hours:
        weekly.length || text('hoursNotes')
          ? { timeZone: text('timeZone'), weekly, notes: optional('hoursNotes') }
          : undefined,
    };
    const errors: Partial<Record<Field, string>> = {};
    const result = z.safeParse(ServiceInput, candidate);
    if (!result.success)
      for (const issue of result.error.issues) errors[fieldOf(issue.path)] ??= s.errors[fieldOf(issue.path)];
    // The rule the server adds to the schema, said here first: a zone the clock cannot read.
    if (candidate.hours && !errors.timeZone && !isValidTimeZone(candidate.hours.timeZone))
      errors.timeZone = s.errors.timeZone;
    return { input: result.success ? result.data : undefined, errors };
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { input, errors } = this.read(event.target as HTMLFormElement);
    this.errors = errors;
    this.serverError = undefined;
    if (!input || Object.keys(errors).length) return this.focusSummary();
    this.busy = true;
    try {
      const saved = await api.saveService(input);
      this.dispatchEvent(new CustomEvent('service-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      if (endsSession(error, this)) return;
      // What was typed stays: only the summary is new.
      this.serverError = error instanceof ApiError ? error.message : t.common.sendError;
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private async focusSummary() {
    await this.updateComplete;
    this.summary?.focus();
  }

  override firstUpdated() {
    this.heading?.focus();
  }

  override render() {
    const service = this.service;
    if (!service) return nothing;
    const e = this.errors;
    const where = service.location;
    return html`
      <h2 tabindex="-1">${format(s.editHeading, { name: service.name })}</h2>
      ${errorSummary(this.renderRoot, s.errorSummary, Object.entries(e) as [Field, string][], this.serverError)}
      <form @submit=${this.handleSubmit} novalidate>
        ${this.input('name', s.name, service.name)}
        ${this.input('organization', s.organization, service.organization)}
        ${this.renderField('description', s.description, (d) => html`<textarea id="description" name="description" maxlength="10000" aria-describedby=${d.by} aria-invalid=${d.invalid} .value=${service.description ?? ''}></textarea>`)}
        ${this.input('phone', s.phone, service.phone, 'tel')}
        ${this.input('email', s.email, service.email, 'email')}
        ${this.input('url', s.url, service.url, 'url')}
        <fieldset>
          <legend>${s.location}</legend>
          ${this.input('locationName', s.locationName, where.name)}
          ${this.input('address', s.address, where.address)}
          ${this.input('postcode', s.postcode, where.postcode)}
          ${this.input('lat', s.lat, String(where.lat), 'decimal')}
          ${this.input('lng', s.lng, String(where.lng), 'decimal')}
        </fieldset>
        <fieldset>
          <legend>${s.hours}</legend>
          ${this.input('timeZone', s.timeZone, service.hours?.timeZone ?? 'Europe/London')}
          ${this.renderField('weekly', s.weekly, (d) => html`<p class="meta" id="weekly-hint">${s.weeklyHint}</p><textarea id="weekly" name="weekly" rows="4" aria-describedby=${e.weekly ? 'weekly-hint weekly-error' : 'weekly-hint'} aria-invalid=${d.invalid} .value=${rangesText(service.hours?.weekly)}></textarea>`)}
          ${this.renderField('hoursNotes', s.hoursNotes, (d) => html`<textarea id="hoursNotes" name="hoursNotes" maxlength="1000" rows="2" aria-describedby=${d.by} aria-invalid=${d.invalid} .value=${service.hours?.notes ?? ''}></textarea>`)}
        </fieldset>
        <!-- The group takes the focus from the error summary: every field's control has the field's name as id. -->
        <fieldset id="categories" tabindex="-1">
          <legend>${s.categories}</legend>
          ${e.categories ? html`<p class="field-error">${e.categories}</p>` : nothing}
          ${this.categories.map(
            (category) =>
              html`<div class="check"><input type="checkbox" id="category-${category.id}" name="categories" value=${category.id} ?checked=${service.categories.includes(category.id)} /><label for="category-${category.id}">${category.label}</label></div>`,
          )}
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${s.save}</button>
          <button type="button" class="secondary" @click=${this.handleCancel}>${t.common.cancel}</button>
        </div>
      </form>
    `;
  }

  private handleCancel() {
    this.dispatchEvent(new CustomEvent('edit-cancelled', { bubbles: true, composed: true }));
  }

  /** A one-line field, filled with the service's value; `kind` is its input type, or `decimal` for coordinates. */
  private input(name: Field, label: string, value: string | undefined, kind = 'text') {
    const type = kind === 'decimal' ? 'text' : kind;
    return this.renderField(
      name,
      label,
      (d) =>
        html`<input id=${name} name=${name} type=${type} inputmode=${kind === 'decimal' ? 'decimal' : nothing} aria-describedby=${d.by} aria-invalid=${d.invalid} .value=${value ?? ''} />`,
    );
  }

  private renderField(name: Field, label: string, control: (described: Described) => TemplateResult) {
    return field(name, label, this.errors[name], control);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-service-form': CivicConsoleServiceForm;
  }
}
