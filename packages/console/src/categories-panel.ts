import type { ServiceCategory } from '@civic-widgets/client/schemas';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, api, endsSession } from './api.js';
import { slug } from './form-kit.js';
import { format, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.services;
const count = new Intl.NumberFormat('en-GB');

/**
 * The services' categories with how many services each has; an editor adds one or renames one (the id stays,
 * so services and embeds that name it keep working). Fires `categories-loaded` with the list each time it is
 * read (the search and the edit form offer them), `session-ended` on a 401.
 */
@customElement('civic-console-categories')
export class CivicConsoleCategories extends LitElement {
  static override styles = consoleStyles;

  @property({ type: Boolean }) mayEdit = false;
  @state() private categories: ServiceCategory[] = [];
  @state() private loadError?: string;
  @state() private renaming?: ServiceCategory;
  @state() private error?: { form: 'add' | 'rename'; message: string };
  @state() private announcement = '';
  @state() private busy = false;
  @query('#rename-label') private renameField?: HTMLInputElement;
  @query('#category-error') private errorElement?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.reload();
  }

  /** Reads the list again (counts change with every edit and import), and tells the page. */
  async reload() {
    try {
      this.categories = await api.categories();
      this.loadError = undefined;
      this.dispatchEvent(
        new CustomEvent('categories-loaded', { detail: this.categories, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (!endsSession(error, this)) this.loadError = t.common.loadError;
    }
  }

  private async openRename(category: ServiceCategory) {
    this.renaming = category;
    this.error = undefined;
    await this.updateComplete;
    this.renameField?.focus();
  }

  private async handleRename(event: SubmitEvent) {
    event.preventDefault();
    const label = String(new FormData(event.target as HTMLFormElement).get('label') ?? '').trim();
    const category = this.renaming!;
    if (!label) return this.showError('rename', s.categoryNameNeeded);
    if (await this.change('rename', () => api.renameCategory(category.id, label), format(s.renamed, { label }))) {
      await this.returnFocus(category);
    }
  }

  /** Back to the button that opened the rename form, as a closed dialog returns to its opener. */
  private async returnFocus(category: ServiceCategory) {
    this.renaming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-category="${CSS.escape(category.id)}"]`)?.focus();
  }

  private async handleAdd(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '').trim();
    if (!label) return this.showError('add', s.categoryNameNeeded);
    const id = String(data.get('id') ?? '').trim() || slug(label, 'category');
    if (await this.change('add', () => api.addCategory({ id, label }), format(s.added, { label }))) form.reset();
  }

  /** Sends a change; on success announces it and tells the page, otherwise the message sits with the form. */
  private async change(form: 'add' | 'rename', send: () => Promise<unknown>, done: string) {
    this.busy = true;
    try {
      await send();
      this.renaming = undefined;
      this.error = undefined;
      this.announcement = done;
      // Read again before the focus moves: a new name re-sorts the list.
      await this.reload();
      return true;
    } catch (error) {
      if (!endsSession(error, this)) {
        const message = error instanceof ApiError && error.status === 409 ? s.categoryTaken : t.common.sendError;
        await this.showError(form, error instanceof ApiError && error.status === 422 ? s.categoryInvalid : message);
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async showError(form: 'add' | 'rename', message: string) {
    this.error = { form, message };
    await this.updateComplete;
    this.errorElement?.focus();
  }

  override render() {
    return html`
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">${s.categoriesHeading}</h2>
        <p role="status">${this.announcement}</p>
        ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
        <div class="scroll" role="region" aria-labelledby="categories-heading" tabindex="0">
          <table>
            <thead>
              <tr><th scope="col">${s.category}</th><th scope="col">${s.categoryId}</th><th scope="col">${s.serviceCount}</th>${this.mayEdit ? html`<th scope="col"><span class="visually-hidden">${s.actions}</span></th>` : nothing}</tr>
            </thead>
            <tbody>
              ${this.categories.map(
                (category) => html`<tr>
                  <th scope="row">${category.label}</th>
                  <td>${category.id}</td>
                  <td class="number">${count.format(category.count ?? 0)}</td>
                  ${this.mayEdit ? html`<td><button type="button" class="secondary" data-category=${category.id} @click=${() => this.openRename(category)}>${format(s.rename, { label: category.label })}</button></td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${this.mayEdit && this.renaming ? this.renderRename(this.renaming) : nothing}
        ${this.mayEdit ? this.renderAdd() : nothing}
      </section>
    `;
  }

  private renderError(form: 'add' | 'rename') {
    return this.error?.form === form
      ? html`<p role="alert" id="category-error" tabindex="-1">${this.error.message}</p>`
      : nothing;
  }

  private renderRename(category: ServiceCategory) {
    const described = this.error?.form === 'rename' ? 'category-error' : nothing;
    return html`<form @submit=${this.handleRename} novalidate aria-label=${format(s.rename, { label: category.label })}>
      ${this.renderError('rename')}
      <label for="rename-label">${format(s.newName, { label: category.label })}</label>
      <input id="rename-label" name="label" maxlength="200" required aria-describedby=${described} .value=${category.label} />
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${s.saveName}</button>
        <button type="button" class="secondary" @click=${() => this.returnFocus(category)}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  private renderAdd() {
    const described = this.error?.form === 'add' ? 'category-error' : nothing;
    return html`<form @submit=${this.handleAdd} novalidate aria-labelledby="add-category-heading">
      <h3 id="add-category-heading">${s.addCategory}</h3>
      ${this.renderError('add')}
      <label for="new-category-label">${s.categoryName}</label>
      <input id="new-category-label" name="label" maxlength="200" required aria-describedby=${described} />
      <label for="new-category-id">${s.newCategoryId}</label>
      <input id="new-category-id" name="id" maxlength="100" />
      <div><button type="submit" ?disabled=${this.busy}>${s.addCategory}</button></div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-categories': CivicConsoleCategories;
  }
}
