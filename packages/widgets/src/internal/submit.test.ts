import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { LocalizeController } from '../i18n/localize.js';
import { fakeClient } from '../test-support/fake-client.js';
import { SubmitController } from './submit.js';

/** A form whose client arrives after its first render, as a widget's does. */
class LateClientForm extends LitElement {
  static override properties = { client: { attribute: false } };
  client?: ReturnType<typeof fakeClient>;
  l10n = new LocalizeController(this);
  readonly submit = new SubmitController(
    this,
    { client: () => this.client, l10n: this.l10n as never, setState: () => {} },
    {
      operation: 'test',
      schema: { safeParse: (value) => ({ success: true, data: value }) },
      fields: () => [],
      send: async () => ({ status: 'queued', id: 'x', persisted: true }),
    },
  );
  override render() {
    return html`<form novalidate @submit=${this.submit.handleSubmit}><button>Send</button></form>`;
  }
}
customElements.define('civic-test-late-client-form', LateClientForm);

describe('a form and the outbox', () => {
  it('has the outbox loaded as soon as it has a client, so that a submission made offline can be kept', async () => {
    const el = await fixture<LateClientForm>(html`<civic-test-late-client-form></civic-test-late-client-form>`);
    const client = fakeClient({});
    const prepare = sinon.spy(client, 'prepareOutbox');
    el.client = client;
    await el.updateComplete;
    expect(prepare.called).to.equal(true);
  });
});
