import { css, html, LitElement } from 'lit';

/** The SDK version, kept in step with package.json by the release script. */
export const VERSION = '0.1.0';

/**
 * Shows which version of Civic Widgets a page runs: a support aid for webmasters, and the element that proves
 * the build, test and manifest pipeline end to end.
 *
 * @tag civic-version
 * @summary Shows the Civic Widgets version.
 * @csspart base - The text.
 */
export class CivicVersion extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
  `;

  static override properties = {
    label: {},
  };

  /** Text before the version number. */
  label = 'Civic Widgets';

  override render() {
    return html`<span part="base">${this.label} ${VERSION}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-version': CivicVersion;
  }
}
