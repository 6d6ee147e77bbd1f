import { html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, type Officer } from './api.js';
import { t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.signIn;

/**
 * The sign-in form. On success it fires `signed-in` with the officer; on failure it says why, keeps the email,
 * clears the password and moves focus to the message.
 */
@customElement('civic-console-sign-in')
export class CivicConsoleSignIn extends LitElement {
  static override styles = consoleStyles;

  @state() private error?: string;
  @state() private busy = false;
  @query('[role="alert"]') private alert?: HTMLElement;

  override render() {
    return html`
      <h1>${s.heading}</h1>
      ${this.error ? html`<p role="alert" tabindex="-1" id="error">${this.error}</p>` : ''}
      <form @submit=${this.submit} novalidate>
        <label for="email">${s.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required aria-describedby=${this.error ? 'error' : ''} />
        <label for="password">${s.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div><button type="submit" ?disabled=${this.busy}>${s.submit}</button></div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      await this.fail(s.missing);
      return;
    }
    this.busy = true;
    try {
      const officer: Officer = await api.signIn(email, password);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: officer, bubbles: true, composed: true }));
    } catch (error) {
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
      await this.fail(error instanceof ApiError ? error.message : s.unreachable);
    } finally {
      this.busy = false;
    }
  }

  private async fail(message: string) {
    this.error = message;
    await this.updateComplete;
    this.alert?.focus();
  }
}
