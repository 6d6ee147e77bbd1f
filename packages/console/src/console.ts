// The officers' console (issue 16), served by the reference server at /admin/: sign in, see what waits for the
// council, publish responses, read residents' feedback, run consultations, moderate residents' petition proposals,
// read the audit log, look into mail that failed. Same origin as
// the admin API; its session cookie is HttpOnly, so the console only learns who is signed in by asking the API.
import { html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, type Officer } from './api.js';
import { format, t } from './strings.js';
import { consoleStyles } from './styles.js';
import './attention-panel.js';
import './language-chooser.js';
import './sign-in.js';
import './petitions-page.js';
import './inbox-page.js';
import './polls-page.js';
import './proposals-page.js';
import './audit-page.js';
import './mail-page.js';
import './trends-page.js';
import './services-page.js';

/** The console's pages, by the fragment of their address (`/admin/#feedback`), and the least role each needs. */
const PAGES = {
  petitions: { title: t.nav.petitions, role: 'viewer' },
  feedback: { title: t.nav.feedback, role: 'viewer' },
  trends: { title: t.trends.nav, role: 'viewer' },
  polls: { title: t.nav.polls, role: 'viewer' },
  proposals: { title: t.nav.proposals, role: 'viewer' },
  services: { title: t.services.nav, role: 'viewer' },
  audit: { title: t.nav.audit, role: 'admin' },
  mail: { title: t.nav.mail, role: 'admin' },
} as const;
type PageName = keyof typeof PAGES;
const ROLES = ['viewer', 'editor', 'admin'];

/** Whether an officer's role opens a page. The server checks again: this only spares them a refusal. */
const opens = (officer: Officer, page: PageName) => ROLES.indexOf(officer.role) >= ROLES.indexOf(PAGES[page].role);

const pageOf = (hash: string): PageName => {
  const name = hash.replace(/^#/, '');
  return name in PAGES ? (name as PageName) : 'petitions';
};

@customElement('civic-console')
export class CivicConsole extends LitElement {
  static override styles = consoleStyles;

  /** Undefined while asking the API; null when nobody is signed in. */
  @state() private officer?: Officer | null;
  @state() private notice?: string;
  @state() private page: PageName = pageOf(location.hash);
  @query('h1') private heading?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    api.whoAmI().then(
      (officer) => (this.officer = officer),
      (error) => {
        this.officer = null;
        if (!(error instanceof ApiError)) this.notice = t.app.unreachable;
      },
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  /** A new page takes the focus to its heading, as a page load would put a screen reader at its start. */
  private handleHashChange = async () => {
    this.page = pageOf(location.hash);
    await this.updateComplete;
    this.heading?.focus();
  };

  override render() {
    if (this.officer === undefined) return html`<p role="status">${t.app.loading}</p>`;
    if (this.officer === null) {
      return html`
        <header><civic-console-language></civic-console-language></header>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : ''}
        <main><civic-console-sign-in @signed-in=${this.signedIn}></civic-console-sign-in></main>
      `;
    }
    const officer = this.officer;
    const shown = this.shown(officer);
    return html`
      <header>
        <p>
          ${format(t.app.signedInAs, { email: officer.email, role: officer.role })}
          <button type="button" class="secondary" @click=${this.signOut}>${t.app.signOut}</button>
        </p>
        <nav aria-label=${t.nav.label}>
          <ul>
            ${(Object.entries(PAGES) as [PageName, (typeof PAGES)[PageName]][])
              .filter(([name]) => opens(officer, name))
              .map(
                ([name, page]) =>
                  html`<li><a href="#${name}" aria-current=${shown === name ? 'page' : 'false'}>${page.title}</a></li>`,
              )}
          </ul>
        </nav>
        <civic-console-language></civic-console-language>
      </header>
      <main @session-ended=${this.sessionEnded}>
        <h1 tabindex="-1">${PAGES[shown].title}</h1>
        ${this.renderPage(officer, shown)}
      </main>
    `;
  }

  /** The page asked for, or the landing page when the officer's role does not open it. */
  private shown(officer: Officer): PageName {
    return opens(officer, this.page) ? this.page : 'petitions';
  }

  private renderPage(officer: Officer, page: PageName) {
    switch (page) {
      case 'audit':
        return html`<civic-console-audit></civic-console-audit>`;
      case 'mail':
        return html`<civic-console-mail></civic-console-mail>`;
      case 'polls':
        return html`<civic-console-polls .officer=${officer}></civic-console-polls>`;
      case 'proposals':
        return html`<civic-console-proposals .officer=${officer}></civic-console-proposals>`;
      case 'services':
        return html`<civic-console-services .officer=${officer}></civic-console-services>`;
      case 'feedback':
        return html`<civic-console-inbox .officer=${officer}></civic-console-inbox>`;
      case 'trends':
        return html`<civic-console-trends></civic-console-trends>`;
      default:
        return html`
          <civic-console-attention></civic-console-attention>
          <civic-console-petitions .officer=${officer}></civic-console-petitions>
        `;
    }
  }

  private async signedIn(event: CustomEvent<Officer>) {
    this.officer = event.detail;
    this.notice = undefined;
    await this.updateComplete;
    this.heading?.focus();
  }

  private async signOut() {
    const ended = await api.signOut().catch(() => undefined);
    // Signed in through the council's provider: sign out there too; it sends the browser back here.
    if (ended?.logoutUrl) return location.assign(ended.logoutUrl);
    this.officer = null;
    this.notice = t.app.signedOut;
  }

  private sessionEnded() {
    this.officer = null;
    this.notice = t.app.sessionEnded;
  }
}
