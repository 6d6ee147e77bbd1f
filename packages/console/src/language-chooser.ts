import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { activeLocale, LANGUAGE_NAMES, LOCALES, type Locale, rememberLocale } from './languages.js';
import { t } from './strings.js';
import { consoleStyles } from './styles.js';

// Set just before the page reloads in the chosen language, so that the focus comes back to the chooser rather than
// to the top of the page: the officer carries on where they were.
const FOCUS_KEY = 'civic-console-language-focus';

/**
 * The language chooser, in the header and on the sign-in page: each language by its own name. Choosing one
 * remembers it in this browser and reloads the console in it (every module then reads the new words).
 */
@customElement('civic-console-language')
export class CivicConsoleLanguage extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        margin-block-end: 0.5rem;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 1rem;
      }
      button {
        margin: 0;
      }
      button[aria-pressed='true'] {
        color: inherit;
        font-weight: 700;
        text-decoration: none;
      }
    `,
  ];

  override render() {
    const active = activeLocale();
    return html`
      <div role="group" aria-labelledby="label">
        <span id="label">${t.language.label}</span>
        ${LOCALES.map(
          (locale) => html`<button
            type="button"
            class="secondary"
            lang=${locale}
            aria-pressed=${locale === active ? 'true' : 'false'}
            @click=${() => this.choose(locale)}
          >
            ${LANGUAGE_NAMES[locale]}
          </button>`,
        )}
      </div>
    `;
  }

  override firstUpdated() {
    try {
      if (sessionStorage.getItem(FOCUS_KEY) === null) return;
      sessionStorage.removeItem(FOCUS_KEY);
    } catch {
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
  }

  private choose(locale: Locale) {
    if (locale === activeLocale()) return;
    rememberLocale(locale);
    try {
      sessionStorage.setItem(FOCUS_KEY, locale);
    } catch {
      // Storage refused: the page still reloads in the new language, with the focus at its start.
    }
    location.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-language': CivicConsoleLanguage;
  }
}
