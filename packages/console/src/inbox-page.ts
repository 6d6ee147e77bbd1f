import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, api, endsSession, feedbackCsvUrl, type InboxFilter, type InboxItem, type Officer } from './api.js';
import { paragraphs } from './paragraphs.js';
import { format, onDay, plural, t, when } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.inbox;

/** A rating in words: "Yes", "4 of 5 stars", "7 of 10". */
function ratingText({ scale, value }: InboxItem['rating']) {
  if (scale === 'thumbs') return value ? s.rating.thumbs1 : s.rating.thumbs0;
  return format(s.rating[scale], { value });
}

/**
 * The feedback inbox: every rating and comment residents left, newest first, a page at a time, filtered by
 * topic, scale, days, status and comment; an editor marks one read, or actioned with a note of what was done.
 * Fires `session-ended` on a 401.
 */
@customElement('civic-console-inbox')
export class CivicConsoleInbox extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) officer?: Officer;
  @state() private items?: InboxItem[];
  @state() private next: string | null = null;
  @state() private filter: InboxFilter = {};
  @state() private loadError?: string;
  @state() private filterError?: string;
  @state() private actioning?: InboxItem;
  @state() private noteError?: string;
  @state() private announcement = '';
  @state() private busy = false;
  @query('#filter-error') private filterErrorElement?: HTMLElement;
  @query('#note') private noteField?: HTMLTextAreaElement;
  @query('#note-error') private noteErrorElement?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get mayEdit() {
    return this.officer?.role === 'editor' || this.officer?.role === 'admin';
  }

  private async load(after?: string) {
    try {
      const page = await api.feedback(this.filter, after);
      this.items = after ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.next as string | null;
      this.loadError = undefined;
      this.announcement = this.items.length ? plural(s.shown, this.items.length) : s.empty;
    } catch (error) {
      this.fail(error, () => (this.loadError = t.common.loadError));
    }
  }

  private fail(error: unknown, otherwise: () => void) {
    if (!endsSession(error, this)) otherwise();
  }

  private async handleFilter(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const filter: InboxFilter = {};
    for (const key of ['topic', 'scale', 'from', 'to', 'status'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value) filter[key] = value;
    }
    if (data.get('withComment')) filter.withComment = 'true';
    if (filter.from && filter.to && filter.from > filter.to) {
      // The typed filter stays in the form; only the message is new.
      this.filterError = s.badDates;
      await this.updateComplete;
      this.filterErrorElement?.focus();
      return;
    }
    this.filterError = undefined;
    this.filter = filter;
    this.actioning = undefined;
    await this.load();
  }

  private async handleRead(item: InboxItem) {
    await this.mark(item, 'read');
  }

  private async openNote(item: InboxItem) {
    this.actioning = item;
    this.noteError = undefined;
    await this.updateComplete;
    this.noteField?.focus();
  }

  private async handleActioned(event: SubmitEvent) {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    if (!note) return this.showNoteError(s.noteNeeded);
    await this.mark(this.actioning!, 'actioned', note);
  }

  private async mark(item: InboxItem, status: 'read' | 'actioned', note?: string) {
    this.busy = true;
    try {
      await api.triage(item.id, status, note);
      const marked: InboxItem = {
        ...item,
        status,
        note: note ?? item.note,
        triagedBy: this.officer?.email ?? null,
        triagedAt: new Date().toISOString(),
      };
      this.items = this.items?.map((each) => (each.id === item.id ? marked : each));
      this.actioning = undefined;
      this.announcement = format(s.marked, { date: when(item.createdAt), status: s.statuses[status].toLowerCase() });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : t.common.sendError;
      this.fail(error, () => {
        if (status === 'actioned') void this.showNoteError(message);
        else this.announcement = message;
      });
    } finally {
      this.busy = false;
    }
  }

  private async showNoteError(message: string) {
    this.noteError = message;
    await this.updateComplete;
    this.noteErrorElement?.focus();
  }

  override render() {
    return html`
      ${this.renderFilter()}
      <p role="status">${this.announcement}</p>
      ${this.renderList()}
    `;
  }

  private renderFilter() {
    const scales = Object.entries(s.scales);
    const statuses = Object.entries(s.statuses);
    return html`
      <form @submit=${this.handleFilter} novalidate aria-label=${t.common.filter}>
        ${this.filterError ? html`<p role="alert" id="filter-error" tabindex="-1">${this.filterError}</p>` : nothing}
        <div class="fields">
          <div><label for="topic">${s.topic}</label><input id="topic" name="topic" maxlength="100" /></div>
          <div>
            <label for="scale">${s.scale}</label>
            <select id="scale" name="scale">
              <option value="">${t.common.any}</option>
              ${scales.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>
          </div>
          <div>
            <label for="status">${s.status}</label>
            <select id="status" name="status">
              <option value="">${t.common.any}</option>
              ${statuses.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>
          </div>
          <div><label for="from">${s.from}</label><input id="from" name="from" type="date" aria-describedby=${this.filterError ? 'filter-error' : nothing} /></div>
          <div><label for="to">${s.to}</label><input id="to" name="to" type="date" /></div>
        </div>
        <div class="check"><input id="with-comment" name="withComment" type="checkbox" /><label for="with-comment">${s.withComment}</label></div>
        <div><button type="submit">${t.common.filter}</button></div>
      </form>
      ${this.mayEdit ? html`<p><a href=${feedbackCsvUrl(this.filter)} download>${s.csv}</a></p>` : nothing}
    `;
  }

  private renderList() {
    if (this.loadError) return html`<p role="alert">${this.loadError}</p>`;
    if (!this.items) return html`<p>${t.common.loading}</p>`;
    if (!this.items.length) return html`<p>${s.empty}</p>`;
    return html`
      <ol class="cards" aria-label=${s.list}>
        ${this.items.map((item) => this.renderItem(item))}
      </ol>
      ${this.next ? html`<button type="button" class="secondary" @click=${() => this.load(this.next!)}>${s.more}</button>` : nothing}
    `;
  }

  private renderItem(item: InboxItem) {
    const headingId = `item-${item.id}`;
    return html`<li>
      <h3 id=${headingId}>${item.topic}: ${ratingText(item.rating)}</h3>
      <p class="meta">${when(item.createdAt)}${item.pageUrl ? html` · ${format(s.onPage, { page: item.pageUrl })}` : nothing} · ${s.statuses[item.status]}</p>
      ${item.comment ? paragraphs(item.comment) : html`<p class="meta">${s.noComment}</p>`}
      ${
        item.status === 'actioned' && item.note
          ? html`<p>${format(s.actionedBy, { who: item.triagedBy ?? '', date: onDay(item.triagedAt ?? item.createdAt), note: item.note })}</p>`
          : nothing
      }
      ${this.mayEdit && item.status !== 'actioned' ? this.renderActions(item, headingId) : nothing}
    </li>`;
  }

  private renderActions(item: InboxItem, headingId: string) {
    if (this.actioning?.id === item.id) {
      return html`<form @submit=${this.handleActioned} novalidate>
        ${this.noteError ? html`<p role="alert" id="note-error" tabindex="-1">${this.noteError}</p>` : nothing}
        <label for="note">${s.note}</label>
        <textarea id="note" name="note" maxlength="2000" required aria-describedby=${this.noteError ? 'note-error' : nothing}></textarea>
        <div>
          <button type="submit" ?disabled=${this.busy}>${s.saveActioned}</button>
          <button type="button" class="secondary" @click=${() => (this.actioning = undefined)}>${t.common.cancel}</button>
        </div>
      </form>`;
    }
    return html`<div class="actions">
      ${item.status === 'new' ? html`<button type="button" class="secondary" aria-describedby=${headingId} ?disabled=${this.busy} @click=${() => this.handleRead(item)}>${s.markRead}</button>` : nothing}
      <button type="button" class="secondary" aria-describedby=${headingId} @click=${() => this.openNote(item)}>${s.markActioned}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-inbox': CivicConsoleInbox;
  }
}
