// The officers' console (issue 16), served by the reference server at /admin/: sign in, see what waits for the
// council, publish responses. Same origin as the admin API; its session cookie is HttpOnly, so the console only
// learns who is signed in by asking the API.
import { html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, type Officer } from './api.js';
import { consoleStyles } from './styles.js';
import './sign-in.js';
import './petitions-page.js';

@customElement('civic-console')
export class CivicConsole extends LitElement {
  static override styles = consoleStyles;

  /** Undefined while asking the API; null when nobody is signed in. */
  @state() private officer?: Officer | null;
  @state() private notice?: string;
  @query('h1') private heading?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    api.whoAmI().then(
      (officer) => (this.officer = officer),
      (error) => {
        this.officer = null;
        if (!(error instanceof ApiError)) this.notice = 'The console could not reach the server. Reload to try again.';
      },
    );
  }

  override render() {
    if (this.officer === undefined) return html`<p role="status">Loading…</p>`;
    if (this.officer === null) {
      return html`
        ${this.notice ? html`<p role="status">${this.notice}</p>` : ''}
        <main><civic-console-sign-in @signed-in=${this.signedIn}></civic-console-sign-in></main>
      `;
    }
    return html`
      <header>
        <p>
          Signed in as ${this.officer.email} (${this.officer.role}).
          <button type="button" class="secondary" @click=${this.signOut}>Sign out</button>
        </p>
      </header>
      <main @session-ended=${this.sessionEnded}>
        <h1 tabindex="-1">Petitions</h1>
        <civic-console-petitions .officer=${this.officer}></civic-console-petitions>
      </main>
    `;
  }

  private async signedIn(event: CustomEvent<Officer>) {
    this.officer = event.detail;
    this.notice = undefined;
    await this.updateComplete;
    this.heading?.focus();
  }

  private async signOut() {
    await api.signOut().catch(() => undefined);
    this.officer = null;
    this.notice = 'You are signed out.';
  }

  private sessionEnded() {
    this.officer = null;
    this.notice = 'Your session ended. Sign in again to go on.';
  }
}
