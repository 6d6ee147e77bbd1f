import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, type AuditEntry, api, endsSession } from './api.js';
import { plural, t, when } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.audit;
const PAGE = 50;

/** What an entry's details say (which fields changed, how many rows were exported), as text. */
const detailsText = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : JSON.stringify(value)}`)
    .join('; ');

/**
 * The audit log (admins): who changed what and when, newest first, filtered by who and by what, a page at a
 * time. Fires `session-ended` on a 401.
 */
@customElement('civic-console-audit')
export class CivicConsoleAudit extends LitElement {
  static override styles = consoleStyles;

  @state() private entries?: AuditEntry[];
  @state() private more = false;
  @state() private filter: { actor?: string; action?: string } = {};
  @state() private loadError?: string;
  @state() private announcement = '';
  @query('#load-error') private loadErrorElement?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load(before?: number) {
    try {
      const page = await api.audit(this.filter, before, PAGE);
      this.entries = before ? [...(this.entries ?? []), ...page] : page;
      // A full page may have older entries; an empty next page then says there are none.
      this.more = page.length === PAGE;
      this.loadError = undefined;
      this.announcement = this.entries.length ? plural(s.shown, this.entries.length) : s.empty;
    } catch (error) {
      if (endsSession(error, this)) return;
      this.loadError = error instanceof ApiError && error.status === 422 ? s.badFilter : t.common.loadError;
      await this.updateComplete;
      this.loadErrorElement?.focus();
    }
  }

  private async handleFilter(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const actor = String(data.get('actor') ?? '').trim();
    const action = String(data.get('action') ?? '').trim();
    this.filter = { ...(actor ? { actor } : {}), ...(action ? { action } : {}) };
    await this.load();
  }

  override render() {
    return html`
      <form @submit=${this.handleFilter} novalidate aria-label=${t.common.filter}>
        ${this.loadError ? html`<p role="alert" id="load-error" tabindex="-1">${this.loadError}</p>` : nothing}
        <div class="fields">
          <div><label for="actor">${s.actor}</label><input id="actor" name="actor" type="email" maxlength="254" /></div>
          <div><label for="action">${s.action}</label><input id="action" name="action" maxlength="100" /></div>
        </div>
        <div><button type="submit">${t.common.filter}</button></div>
      </form>
      <p role="status">${this.announcement}</p>
      ${this.renderTable()}
    `;
  }

  private renderTable() {
    if (!this.entries) return this.loadError ? nothing : html`<p>${t.common.loading}</p>`;
    if (!this.entries.length) return html`<p>${s.empty}</p>`;
    return html`
      <div class="scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table>
          <caption id="audit-caption" class="visually-hidden">${s.list}</caption>
          <thead>
            <tr><th scope="col">${s.when}</th><th scope="col">${s.who}</th><th scope="col">${s.what}</th><th scope="col">${s.target}</th></tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (entry) => html`<tr>
                <td>${when(entry.at)}</td>
                <td>${entry.actor === 'token' ? s.script : (entry.actor ?? '')}</td>
                <td>${entry.action}${Object.keys(entry.details).length ? html`<br /><span class="meta">${detailsText(entry.details)}</span>` : nothing}</td>
                <td>${entry.target}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.more ? html`<button type="button" class="secondary" @click=${() => this.load(this.entries!.at(-1)!.id)}>${s.more}</button>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-audit': CivicConsoleAudit;
  }
}
