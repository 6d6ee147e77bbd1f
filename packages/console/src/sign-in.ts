import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, type Officer, singleSignOnUrl } from './api.js';
import { t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.signIn;

/** Why the server refused a single sign-on (`?sign-in-error=` on its way back to the console), in words. */
const SINGLE_SIGN_ON_ERRORS: Record<string, string> = {
  failed: t.oidc.errors.failed,
  unavailable: t.oidc.errors.unavailable,
  'no-role': t.oidc.errors.noRole,
  'no-email': t.oidc.errors.noEmail,
  disabled: t.oidc.errors.disabled,
};

/**
 * The sign-in form. On success it fires `signed-in` with the officer; on failure it says why, keeps the email,
 * clears the password and moves focus to the message. When the server offers single sign-on, a link to the
 * council's provider comes first; a refusal from there comes back in the address and is said the same way.
 */
@customElement('civic-console-sign-in')
export class CivicConsoleSignIn extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      a.button {
        display: inline-block;
        padding: 0.5rem 1rem;
        background: var(--civic-color-primary, #00703c);
        color: var(--civic-color-on-primary, #fff);
        text-decoration: none;
        border-radius: var(--civic-radius, 0);
      }
    `,
  ];

  @state() private error?: string;
  @state() private busy = false;
  @state() private singleSignOn = false;
  @query('[role="alert"]') private alert?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    api.signInOptions().then(
      (options) => (this.singleSignOn = options.singleSignOn),
      () => undefined, // the password form works without it
    );
    const url = new URL(location.href);
    const refused = url.searchParams.get('sign-in-error');
    if (refused !== null) {
      // Said once: a reload or a bookmark should not repeat it.
      url.searchParams.delete('sign-in-error');
      history.replaceState(history.state, '', url.href);
      void this.fail(SINGLE_SIGN_ON_ERRORS[refused] ?? t.oidc.errors.failed);
    }
  }

  override render() {
    return html`
      <h1>${s.heading}</h1>
      ${this.error ? html`<p role="alert" tabindex="-1" id="error">${this.error}</p>` : ''}
      ${
        this.singleSignOn
          ? html`<p><a class="button" href=${singleSignOnUrl}>${t.oidc.button}</a></p>
              <p>${t.oidc.orLocal}</p>`
          : ''
      }
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
