import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  type AdminPetition,
  ApiError,
  api,
  awaitingResponse,
  endsSession,
  type Officer,
  passedThreshold,
  signaturesCsvUrl,
} from './api.js';
import { paragraphs } from './paragraphs.js';
import './petition-form.js';
import './signatures-chart.js';
import { format, number, t } from './strings.js';

const r = t.responses;

import { consoleStyles } from './styles.js';

/**
 * Petitions: those that passed a threshold and wait for the council's response first, then all of them with
 * their live counts; an editor writes and publishes the response here. Fires `session-ended` on a 401.
 */
@customElement('civic-console-petitions')
export class CivicConsolePetitions extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) officer?: Officer;
  @state() private petitions?: AdminPetition[];
  @state() private loadError?: string;
  @state() private responding?: AdminPetition;
  @state() private formError?: string;
  @state() private published?: string;
  @state() private busy = false;
  @state() private chartFor?: AdminPetition;
  @state() private editing?: AdminPetition;
  @query('#respond-heading') private respondHeading?: HTMLElement;
  @query('#form-error') private formErrorElement?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.petitions = await api.petitions();
      this.loadError = undefined;
    } catch (error) {
      if (!endsSession(error, this)) this.loadError = r.loadError;
    }
  }

  private get mayEdit() {
    return this.officer?.role === 'editor' || this.officer?.role === 'admin';
  }

  override render() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    if (!this.petitions) return html`<p role="status">${r.loading}</p>`;
    const waiting = awaitingResponse(this.petitions);
    return html`
      <p role="status" id="published">${this.published ?? ''}</p>
      <h2>${r.waitingHeading}</h2>
      ${
        waiting.length
          ? html`<ul aria-label=${r.waitingList}>
              ${waiting.map(
                (petition) => html`<li>
                  <strong>${petition.title}</strong>:
                  ${format(r.waitingItem, { count: number(petition.signatureCount), threshold: passedThreshold(petition)?.label ?? '' })}
                  ${this.mayEdit ? html` <button type="button" class="secondary" @click=${() => this.openResponse(petition)}>${format(r.respond, { title: petition.title })}</button>` : ''}
                </li>`,
              )}
            </ul>`
          : html`<p>${r.noneWaiting}</p>`
      }
      ${this.responding ? this.renderResponseForm(this.responding) : ''}
      <h2 id="all-heading">${r.allHeading}</h2>
      <div class="scroll" role="region" aria-labelledby="all-heading" tabindex="0">
      <table>
        <caption class="visually-hidden">${r.allCaption}</caption>
        <thead>
          <tr><th scope="col">${r.petition}</th><th scope="col">${r.status}</th><th scope="col">${r.signatures}</th><th scope="col">${r.response}</th><th scope="col"><span class="visually-hidden">${t.petitions.actions}</span></th></tr>
        </thead>
        <tbody>
          ${this.petitions.map(
            (petition) => html`<tr>
              <th scope="row">${petition.title}</th>
              <td>${petition.status}</td>
              <td class="number">${number(petition.signatureCount)}</td>
              <td>${petition.response ? format(r.publishedOn, { date: petition.response.respondedAt.slice(0, 10) }) : r.noneYet}</td>
              <td>${this.renderActions(petition)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      ${this.chartFor ? html`<civic-console-signatures-chart .petition=${this.chartFor}></civic-console-signatures-chart>` : ''}
      ${this.editing ? html`<civic-console-petition-form .petition=${this.editing} @petition-saved=${this.saved}></civic-console-petition-form>` : ''}
      ${this.mayEdit ? html`<civic-console-petition-form @petition-saved=${this.saved}></civic-console-petition-form>` : ''}
    `;
  }

  private renderActions(petition: AdminPetition) {
    const chart = html`<button type="button" class="secondary" @click=${() => (this.chartFor = petition)}>${format(t.petitions.perDay, { title: petition.title })}</button>`;
    if (!this.mayEdit) return chart;
    return html`<div class="actions">
      ${chart}
      <button type="button" class="secondary" @click=${() => this.edit(petition)}>${format(t.petitions.edit, { title: petition.title })}</button>
      <a href=${signaturesCsvUrl(petition.id)} download>${format(t.petitions.csv, { title: petition.title })}</a>
      ${petition.status === 'open' ? html`<button type="button" class="secondary" @click=${() => this.close(petition)}>${format(t.petitions.close, { title: petition.title })}</button>` : ''}
    </div>`;
  }

  private async saved(event: CustomEvent<AdminPetition>) {
    const { title, id } = event.detail;
    const edited = Boolean((event.currentTarget as { petition?: AdminPetition }).petition);
    this.published = format(edited ? t.petitions.saved : t.petitions.created, { title, id });
    if (edited) this.editing = undefined;
    await this.load();
  }

  private edit(petition: AdminPetition) {
    // A new object each time, so that choosing the same petition again refills the form.
    this.editing = { ...petition };
  }

  private async close(petition: AdminPetition) {
    try {
      await api.closePetition(petition.id);
      this.published = format(t.petitions.closed, { title: petition.title });
      await this.load();
    } catch (error) {
      if (endsSession(error, this)) return;
      this.published = error instanceof ApiError ? error.message : t.common.sendError;
    }
  }

  private renderResponseForm(petition: AdminPetition) {
    return html`
      <section aria-labelledby="respond-heading">
        <h2 id="respond-heading" tabindex="-1">${format(r.formHeading, { title: petition.title })}</h2>
        ${this.formError ? html`<p role="alert" id="form-error" tabindex="-1">${this.formError}</p>` : ''}
        <form @submit=${this.publish} novalidate>
          <label for="summary">${r.summary}</label>
          <textarea id="summary" name="summary" maxlength="2000" required></textarea>
          <label for="body">${r.body}</label>
          <textarea id="body" name="body" maxlength="20000"></textarea>
          <div>
            <button type="submit" ?disabled=${this.busy}>${r.publish}</button>
            <button type="button" class="secondary" @click=${this.closeResponse}>${t.common.cancel}</button>
          </div>
        </form>
        ${petition.response ? html`<h3>${r.publishedNow}</h3>${paragraphs(petition.response.summary)}` : ''}
      </section>
    `;
  }

  private async openResponse(petition: AdminPetition) {
    this.responding = petition;
    this.formError = undefined;
    await this.updateComplete;
    this.respondHeading?.focus();
  }

  private closeResponse() {
    this.responding = undefined;
  }

  private async publish(event: SubmitEvent) {
    event.preventDefault();
    const petition = this.responding!;
    const data = new FormData(event.target as HTMLFormElement);
    const summary = String(data.get('summary') ?? '').trim();
    const body = String(data.get('body') ?? '').trim();
    if (!summary) return this.failForm(r.summaryNeeded);
    this.busy = true;
    try {
      await api.respond(petition.id, body ? { summary, body } : { summary });
      this.responding = undefined;
      this.published = format(r.published, { title: petition.title });
      await this.load();
    } catch (error) {
      if (endsSession(error, this)) return;
      // What was typed stays in the form: only the message changes.
      await this.failForm(error instanceof ApiError ? error.message : r.sendError);
    } finally {
      this.busy = false;
    }
  }

  private async failForm(message: string) {
    this.formError = message;
    await this.updateComplete;
    this.formErrorElement?.focus();
  }
}
