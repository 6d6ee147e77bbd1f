import type { Service, ServiceCategory } from '@civic-widgets/client/schemas';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { api, endsSession, type Officer } from './api.js';
import type { CivicConsoleCategories } from './categories-panel.js';
import { format, plural, t } from './strings.js';
import { consoleStyles } from './styles.js';
import './categories-panel.js';
import './hsds-import.js';
import './service-form.js';

const s = t.services;

/**
 * Services (the service locator's directory): found by words and category, a page at a time from the server,
 * with their categories; an editor edits one, adds or renames categories, and imports an HSDS 3.0 file. Viewers
 * read. Fires `session-ended` on a 401.
 */
@customElement('civic-console-services')
export class CivicConsoleServices extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) officer?: Officer;
  @state() private services?: Service[];
  @state() private total = 0;
  @state() private page = 1;
  @state() private search: { q?: string; category?: string } = {};
  @state() private categories: ServiceCategory[] = [];
  @state() private editing?: Service;
  @state() private loadError?: string;
  @state() private announcement = '';
  @query('civic-console-categories') private categoryPanel?: CivicConsoleCategories;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get mayEdit() {
    return this.officer?.role === 'editor' || this.officer?.role === 'admin';
  }

  private async load(page = 1) {
    try {
      const found = await api.services(this.search, page);
      this.services = page === 1 ? found.items : [...(this.services ?? []), ...found.items];
      this.total = found.total;
      this.page = page;
      this.loadError = undefined;
      this.announcement = found.total ? plural(s.found, found.total) : s.noneFound;
    } catch (error) {
      this.fail(error, () => (this.loadError = t.common.loadError));
    }
  }

  private fail(error: unknown, otherwise: () => void) {
    if (!endsSession(error, this)) otherwise();
  }

  private async handleSearch(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.search = {
      q: String(data.get('q') ?? '').trim() || undefined,
      category: String(data.get('category') ?? '') || undefined,
    };
    this.editing = undefined;
    await this.load();
  }

  private async handleSaved(event: CustomEvent<Service>) {
    const saved = event.detail;
    this.services = this.services?.map((service) => (service.id === saved.id ? saved : service));
    this.announcement = format(s.saved, { name: saved.name });
    await this.closeEditor(saved.id);
    void this.categoryPanel?.reload();
  }

  /** The form closes and the focus returns to the service's Edit button, where the officer left the list. */
  private async closeEditor(id: string) {
    this.editing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-service="${CSS.escape(id)}"]`)?.focus();
  }

  private handleCategories(event: CustomEvent<ServiceCategory[]>) {
    this.categories = event.detail;
  }

  private async handleImported() {
    await Promise.all([this.load(), this.categoryPanel?.reload()]);
  }

  override render() {
    return html`
      ${this.renderSearch()}
      <p role="status">${this.announcement}</p>
      ${this.renderList()}
      ${
        this.editing
          ? keyed(
              this.editing.id,
              html`<civic-console-service-form .service=${this.editing} .categories=${this.categories} @service-saved=${this.handleSaved} @edit-cancelled=${() => this.closeEditor(this.editing!.id)}></civic-console-service-form>`,
            )
          : nothing
      }
      <civic-console-categories ?mayEdit=${this.mayEdit} @categories-loaded=${this.handleCategories}></civic-console-categories>
      ${this.mayEdit ? html`<civic-console-hsds-import @services-imported=${this.handleImported}></civic-console-hsds-import>` : nothing}
    `;
  }

  private renderSearch() {
    return html`
      <form @submit=${this.handleSearch} novalidate aria-label=${s.search}>
        <div class="fields">
          <div><label for="q">${s.words}</label><input id="q" name="q" type="search" maxlength="200" /></div>
          <div>
            <label for="category">${s.category}</label>
            <select id="category" name="category">
              <option value="">${t.common.any}</option>
              ${this.categories.map((category) => html`<option value=${category.id}>${category.label}</option>`)}
            </select>
          </div>
        </div>
        <div><button type="submit">${s.search}</button></div>
      </form>
    `;
  }

  private renderList() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    if (!this.services) return html`<p>${t.common.loading}</p>`;
    if (!this.services.length) return html`<p>${s.noneFound}</p>`;
    const labels = new Map(this.categories.map((category) => [category.id, category.label]));
    return html`
      <h2 id="services-heading" tabindex="-1">${s.listHeading}</h2>
      <div class="scroll" role="region" aria-labelledby="services-heading" tabindex="0">
        <table>
          <thead>
            <tr><th scope="col">${s.name}</th><th scope="col">${s.address}</th><th scope="col">${s.categories}</th>${this.mayEdit ? html`<th scope="col"><span class="visually-hidden">${s.actions}</span></th>` : nothing}</tr>
          </thead>
          <tbody>
            ${this.services.map(
              (service) => html`<tr>
                <th scope="row">${service.name}<br /><span class="meta">${service.organization}</span></th>
                <td>${service.location.address}${service.location.postcode ? `, ${service.location.postcode}` : ''}</td>
                <td>${service.categories.map((id) => labels.get(id) ?? id).join(', ') || s.noCategory}</td>
                ${this.mayEdit ? html`<td><button type="button" class="secondary" data-service=${service.id} @click=${() => (this.editing = service)}>${format(s.edit, { name: service.name })}</button></td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>${format(s.showing, { shown: this.services.length, total: this.total })}</p>
      ${this.services.length < this.total ? html`<button type="button" class="secondary" @click=${() => this.load(this.page + 1)}>${s.more}</button>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-services': CivicConsoleServices;
  }
}
