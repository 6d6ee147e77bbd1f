// The floor: the least a Lit element can do. A host with a shadow root, one shared stylesheet and a template of a
// few nodes (a labelled button), so that what a widget costs beyond it is what the widget itself does.
import { css, html, LitElement } from 'lit';

class BenchFloor extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  static properties = { label: {} };

  constructor() {
    super();
    this.label = 'Rate this page';
  }

  render() {
    return html`<div part="base"><span>${this.label}</span><button type="button">OK</button></div>`;
  }
}
customElements.define('bench-floor', BenchFloor);
