import type { Poll } from '@civic-widgets/client/schemas';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.trends;

type PreviewModule = typeof import('./preview-client.js');
let loading: Promise<PreviewModule> | undefined;
/** The widget and its memory backend, fetched once, the first time a preview is shown. */
const loadPreview = () => {
  loading ??= import('./preview-client.js');
  return loading;
};

/**
 * A consultation as residents will see it: the real `<civic-poll>` (loaded lazily, so the console's first load
 * does not carry it), fed the form's current values through the memory backend. Nothing is posted: a vote in the
 * preview is counted in this page only.
 */
@customElement('civic-console-poll-preview')
export class CivicConsolePollPreview extends LitElement {
  static override styles = consoleStyles;

  /** The consultation as the form reads it now; undefined while the form is not yet a valid poll. */
  @property({ attribute: false }) poll?: Omit<Poll, 'status'>;
  @state() private module?: PreviewModule;
  @state() private failed = false;
  /** A new identifier for each version of the form: the widget also remembers a vote by poll, in storage. */
  private previewId = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('poll')) this.previewId = `preview-${crypto.randomUUID()}`;
  }

  override async updated(changed: Map<string, unknown>) {
    if (!changed.has('poll') || !this.poll || this.module || this.failed) return;
    try {
      this.module = await loadPreview();
    } catch {
      loading = undefined;
      this.failed = true;
    }
  }

  override render() {
    return html`<section aria-labelledby="preview-heading">
      <h3 id="preview-heading">${s.previewHeading}</h3>
      <p class="meta">${s.previewNote}</p>
      ${this.renderPreview()}
    </section>`;
  }

  private renderPreview() {
    if (this.failed) return html`<p role="alert">${s.previewError}</p>`;
    if (!this.poll) return html`<p>${s.previewIncomplete}</p>`;
    if (!this.module) return html`<p>${s.previewLoading}</p>`;
    // The status the server would give is the widget's to compute from the window, as it does for residents.
    const poll = { ...this.poll, id: this.previewId, status: 'open' } as Poll;
    // A new element for each version: the widget keeps a vote's thanks on itself, which would hide the change.
    return keyed(
      this.previewId,
      html`<civic-poll poll-id=${this.previewId} refresh-interval="0" .client=${this.module.previewClient(poll)}></civic-poll>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-poll-preview': CivicConsolePollPreview;
  }
}
