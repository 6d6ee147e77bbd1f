import { ClientError, PetitionsClient, SignatureRequest } from '@civic-widgets/client/petitions';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { customElement, property } from 'lit/decorators.js';
import sinon from 'sinon';
import { formStyles } from '../styles/form.styles.js';
import { asCompared } from '../test-support/engine.js';
import { deferred, fakeClient, queued } from '../test-support/fake-client.js';
import { sendKeys } from '../test-support/keys.js';
import { CivicElement } from './civic-element.js';
import { resetSharedClients } from './client.js';
import { defineElement } from './define.js';
import type { CivicSubmitEvent } from './events.js';
import { errorSummary, type Field, failureNotice, liveStatus, renderFields } from './fields.js';
import { SubmitController } from './submit.js';

const FIELDS: Field[] = [
  { control: 'text', id: 'name', label: 'Full name', required: true, maxlength: 200 },
  {
    control: 'text',
    id: 'email',
    label: 'Email',
    type: 'email',
    required: true,
    messages: { invalidFormat: () => 'Bad email' },
  },
  { control: 'checkbox', id: 'consent', label: 'I agree', required: true },
];

/** A minimal widget on the base: one load, one form, the way the real widgets use it. */
@customElement('test-civic-widget')
// biome-ignore lint/complexity/noBannedTypes: no string sections of its own, as `CivicElement`'s default.
class TestWidget extends CivicElement<{ title: string }, {}, PetitionsClient> {
  static override styles = [...CivicElement.styles, formStyles];
  protected readonly resource = PetitionsClient;
  @property({ attribute: 'item-id' }) itemId?: string;

  readonly submit = new SubmitController(this, this.submitContext(), {
    operation: 'signPetition',
    schema: SignatureRequest,
    fields: () => FIELDS,
    send: (client, body) => client.signPetition('p', body),
  });

  get clientInUse() {
    return this.activeClient;
  }

  protected override requiredAttributes() {
    return { 'item-id': this.itemId };
  }
  protected override loadKey() {
    return [this.itemId];
  }
  /** An answer the test resolves, to see what happens while a load is on its way. */
  pending?: Promise<{ title: string }>;
  /** `loadStatus` at each `prepareToShow()`. */
  readonly prepared: string[] = [];

  protected override async load(client: PetitionsClient) {
    // A test's fake client may make the load fail, through its own getPetition.
    if (Object.hasOwn(client, 'getPetition')) await client.getPetition(this.itemId!);
    return this.pending ?? { title: `Item ${this.itemId}` };
  }
  protected override prepareToShow() {
    this.prepared.push(this.loadStatus);
  }
  protected renderContent() {
    const s = this.submit;
    return html`${this.renderLoadState(this.l10n.t.common.loading)}
      <h2>${this.data?.title ?? ''}</h2>
      <p class="count">${this.l10n.plural({ one: '{count} thing', other: '{count} things' }, 1234)}</p>
      ${liveStatus(s.status)}
      <form novalidate @submit=${s.handleSubmit}>
        ${errorSummary(s, this.l10n, this.renderRoot)}
        ${renderFields(s, this.l10n, FIELDS)}
        ${failureNotice(s)}
        <button>Send</button>
      </form>`;
  }
}

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector)!;

async function fill(el: TestWidget, values: { name?: string; email?: string; consent?: boolean }) {
  $<HTMLInputElement>(el, '#name').value = values.name ?? '';
  $<HTMLInputElement>(el, '#email').value = values.email ?? '';
  $<HTMLInputElement>(el, '#consent').checked = values.consent ?? false;
}
const submit = async (el: TestWidget) => {
  $<HTMLButtonElement>(el, 'button').click();
  await el.updateComplete;
};

describe('CivicElement (the widget base)', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
    document.documentElement.lang = 'en';
  });

  describe('client resolution', () => {
    it('uses the .client property and loads with it', async () => {
      const client = fakeClient({});
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      await waitUntil(() => $(el, 'h2').textContent === 'Item a');
    });

    it('shows a configuration error in place and names the missing endpoint in the console', async () => {
      const error = sinon.stub(console, 'error');
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a"></test-civic-widget>`);
      // The resident reads a calm notice; the webmaster reads what to fix in the console.
      expect($(el, '[role=alert]').textContent).to.equal('This form is not available right now.');
      expect(error.calledOnce).to.be.true;
      expect(String(error.firstCall.args[0])).to.contain('"endpoint"');
      expect($(el, 'form')).to.equal(null);
    });

    it("names the widget's own missing attribute", async () => {
      const error = sinon.stub(console, 'error');
      const el = await fixture<TestWidget>(html`<test-civic-widget endpoint="https://x.test"></test-civic-widget>`);
      expect($(el, '[role=alert]').textContent).to.equal('This form is not available right now.');
      expect(String(error.firstCall.args[0])).to.contain('"item-id"');
      el.itemId = 'b';
      await el.updateComplete;
      expect($(el, '[role=alert]')).to.equal(null);
    });

    it('refuses an unknown adapter with a clear message', async () => {
      const error = sinon.stub(console, 'error');
      const el = await fixture<TestWidget>(html`<test-civic-widget adapter="soap" item-id="a"></test-civic-widget>`);
      await waitUntil(() => $(el, '[role=alert]'));
      expect($(el, '[role=alert]').textContent).to.equal('This form is not available right now.');
      expect(String(error.firstCall.args[0])).to.contain('soap');
    });

    for (const [name, failure] of [
      [
        'an adapter configuration error',
        new ClientError('http', 'set the thing attribute', {
          problem: {
            type: 'https://civic-widgets.org/problems/configuration',
            title: 'set the thing attribute',
            status: 400,
          },
        }),
      ],
      [
        'a 404 without a problem document (the endpoint is not a backend)',
        new ClientError('http', 'HTTP 404', { status: 404 }),
      ],
      [
        'an answer of the wrong shape',
        new ClientError('invalid-response', 'Invalid response', {
          fieldErrors: [{ path: 'title', message: 'Invalid input' }],
        }),
      ],
    ] as const) {
      it(`shows the configuration notice, without a retry, for ${name}, and logs it once`, async () => {
        const error = sinon.stub(console, 'error');
        const client = fakeClient({ getPetition: () => Promise.reject(failure) });
        const el = await fixture<TestWidget>(
          html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`,
        );
        await waitUntil(() => $(el, '[role=alert]'));
        await el.updateComplete;
        expect($(el, '[role=alert]').textContent).to.equal('This form is not available right now.');
        expect($(el, 'button')).to.equal(null);
        expect(error.callCount).to.equal(1);
        expect(String(error.firstCall.args[0])).to.match(/^Civic Widgets: <test-civic-widget> .*(thing|endpoint)/);
      });
    }

    it('keeps the retry for a failure a retry can fix (a 404 with a problem document: not found)', async () => {
      const notFound = new ClientError('http', 'Not found', {
        status: 404,
        problem: { type: 'about:blank', title: 'Not found', status: 404 },
      });
      const client = fakeClient({ getPetition: () => Promise.reject(notFound) });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      await waitUntil(() => $(el, '[role=alert] button'));
    });

    it('shares one client per endpoint and adapter on the page', async () => {
      const [a, b, c] = await Promise.all([
        fixture<TestWidget>(html`<test-civic-widget endpoint="https://one.test" item-id="a"></test-civic-widget>`),
        fixture<TestWidget>(html`<test-civic-widget endpoint="https://one.test" item-id="b"></test-civic-widget>`),
        fixture<TestWidget>(html`<test-civic-widget endpoint="https://two.test" item-id="c"></test-civic-widget>`),
      ]);
      await waitUntil(() => [a, b, c].every((el) => el.clientInUse));
      expect(a.clientInUse).to.equal(b.clientInUse);
      expect(a.clientInUse).not.to.equal(c.clientInUse);
    });

    it('loads the memory adapter on demand, without an endpoint', async () => {
      const el = await fixture<TestWidget>(html`<test-civic-widget adapter="memory" item-id="m"></test-civic-widget>`);
      await waitUntil(() => el.clientInUse?.adapter.name === 'memory');
    });

    it('prepares what showing the data needs while the data is on its way, once per load', async () => {
      const answer = deferred<{ title: string }>();
      const el = await fixture<TestWidget>(
        html`<test-civic-widget item-id="a" .client=${fakeClient({})} .pending=${answer.promise}></test-civic-widget>`,
      );
      await waitUntil(() => el.prepared.length > 0);
      expect(el.prepared).to.deep.equal(['loading']);
      answer.resolve({ title: 'Item a' });
      await waitUntil(() => $(el, 'h2').textContent === 'Item a');
      await aTimeout(10);
      expect(el.prepared).to.deep.equal(['loading']);
    });

    it('fires civic-load with the data, bubbling out of the shadow root', async () => {
      const client = fakeClient({});
      const heard = oneEvent(document, 'civic-load');
      await fixture(html`<test-civic-widget item-id="z" .client=${client}></test-civic-widget>`);
      const event = await heard;
      expect(event.composed).to.be.true;
      expect(event.detail.data).to.deep.equal({ title: 'Item z' });
    });
  });

  describe('localization', () => {
    it('takes the language from the closest ancestor, loads it and follows its direction', async () => {
      const wrapper = await fixture(
        html`<div lang="ar"><test-civic-widget item-id="a" .client=${fakeClient({})}></test-civic-widget></div>`,
      );
      const el = wrapper.querySelector<TestWidget>('test-civic-widget')!;
      await el.updateComplete;
      expect($(el, '[part=base]').getAttribute('dir')).to.equal('rtl');
      expect($(el, '[part=base]').getAttribute('lang')).to.equal('ar');
      expect($(el, 'button').textContent).to.equal('Send');
      // Arabic plural rules and digits: 1234 is "other" in Arabic and formatted with Arabic-Indic digits.
      expect(asCompared($(el, '.count').textContent!)).to.equal(
        asCompared(`${new Intl.NumberFormat('ar').format(1234)} things`),
      );
    });

    it("prefers the element's own lang, and falls back to English for languages it does not ship", async () => {
      const wrapper = await fixture(
        html`<div lang="fr"><test-civic-widget lang="de" item-id="a" .client=${fakeClient({})}></test-civic-widget></div>`,
      );
      const el = wrapper.querySelector<TestWidget>('test-civic-widget')!;
      await el.updateComplete;
      expect($(el, '[part=base]').getAttribute('lang')).to.equal('en');
    });

    it('re-renders when <html lang> changes at run time', async () => {
      sinon.stub(console, 'error');
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a"></test-civic-widget>`);
      expect($(el, '[role=alert]').textContent).to.contain('This form is not available right now.');
      document.documentElement.lang = 'es';
      await waitUntil(() => $(el, '[part=base]').getAttribute('lang') === 'es');
      await el.updateComplete;
      expect($(el, '[role=alert]').textContent).to.contain('Este formulario no está disponible en este momento.');
    });

    it('applies per-instance .strings overrides', async () => {
      sinon.stub(console, 'error');
      const el = await fixture<TestWidget>(
        html`<test-civic-widget
          item-id="a"
          .strings=${{ common: { configError: 'Ask the web team' } }}
        ></test-civic-widget>`,
      );
      expect($(el, '[role=alert]').textContent).to.equal('Ask the web team');
    });
  });

  describe('forms', () => {
    it('checks native validity first, then focuses an error summary that links to each field', async () => {
      const client = fakeClient({ signPetition: async () => queued() });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      await fill(el, { name: '', email: 'not-an-email', consent: false });
      await submit(el);
      const summary = $(el, '[part=error-summary]');
      expect(root(el).activeElement).to.equal(summary);
      const links = [...summary.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#name', '#email', '#consent']);
      expect(links.map((a) => a.textContent)).to.deep.equal([
        'Enter Full name',
        'Enter an email address in the correct format, like name@example.com',
        'Select “I agree”',
      ]);
      expect($(el, '#name').getAttribute('aria-describedby')).to.equal('name-error');
      expect($(el, '#name-error').textContent).to.contain('Enter Full name');
      expect(el.matches(':state(user-invalid)')).to.be.true;
      links[1]!.click();
      expect(root(el).activeElement).to.equal($(el, '#email'));
      expect(client.calls).to.have.length(0);
    });

    it("then applies the client's schema, mapping issues to our messages, never zod's", async () => {
      const client = fakeClient({ signPetition: async () => queued() });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      // Passes the browser's email check (no dot needed) but not the schema's pattern.
      await fill(el, { name: 'Ann', email: 'ann@localhost', consent: true });
      await submit(el);
      expect([...root(el).querySelectorAll('[part=error-summary] a')].map((a) => a.textContent)).to.deep.equal([
        'Bad email',
      ]);
      expect(client.calls).to.have.length(0);
    });

    it('lets a civic-submit listener cancel the request', async () => {
      const client = fakeClient({ signPetition: async () => queued() });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      el.addEventListener('civic-submit', (event) => event.preventDefault());
      await fill(el, { name: 'Ann', email: 'ann@example.org', consent: true });
      const heard = oneEvent(el, 'civic-submit');
      await submit(el);
      const event: CivicSubmitEvent = await heard;
      expect(event.cancelable && event.bubbles && event.composed).to.be.true;
      expect(event.detail.body).to.include({ name: 'Ann', email: 'ann@example.org' });
      expect(client.calls).to.have.length(0);
    });

    it('blocks a second submission while one is in flight, and keeps the input when it fails', async () => {
      const pending = deferred<never>();
      const client = fakeClient({ signPetition: () => pending.promise });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      await fill(el, { name: 'Ann', email: 'ann@example.org', consent: true });
      await submit(el);
      await submit(el);
      expect(client.calls).to.have.length(1);
      expect(el.matches(':state(submitting)')).to.be.true;
      expect($(el, '[role=status][aria-live=polite]').textContent).to.equal('Sending…');
      const { ClientError } = await import('@civic-widgets/client');
      const failed = oneEvent(el, 'civic-error');
      pending.reject(new ClientError('http', 'Server exploded <b>', { status: 500 }));
      expect((await failed).detail.error.status).to.equal(500);
      await el.updateComplete;
      expect(el.matches(':state(submitting)')).to.be.false;
      expect($(el, '.notice.error').textContent).to.equal(
        'The service could not handle your request. Try again later.',
      );
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Ann');
      expect($<HTMLInputElement>(el, '#consent').checked).to.be.true;
    });

    it('says so, and keeps the input, when the form is sent before the backend is connected', async () => {
      const client = fakeClient({ signPetition: async () => queued() });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      // As while an adapter's module is still downloading: no client yet.
      (el as unknown as { activeClient?: unknown }).activeClient = undefined;
      await fill(el, { name: 'Ann', email: 'ann@example.org', consent: true });
      await submit(el);
      await el.updateComplete;
      expect($(el, '.notice.error').textContent).to.equal('We could not reach the service. Try again in a moment.');
      expect(client.calls).to.have.length(0);
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Ann');
    });

    it('maps server field errors by path to inline errors', async () => {
      const { ClientError } = await import('@civic-widgets/client');
      const client = fakeClient({
        signPetition: async () => {
          throw new ClientError('validation', 'x', {
            fieldErrors: [{ path: 'name', code: 'too_big', message: 'raw' }],
          });
        },
      });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      await fill(el, { name: 'Ann', email: 'ann@example.org', consent: true });
      await submit(el);
      await aTimeout(0);
      await el.updateComplete;
      expect($(el, '#name-error').textContent).to.contain('Full name must be');
      expect(root(el).textContent).not.to.contain('raw');
    });

    it('can be completed with the keyboard alone', async () => {
      const client = fakeClient({ signPetition: async () => queued() });
      const el = await fixture<TestWidget>(html`<test-civic-widget item-id="a" .client=${client}></test-civic-widget>`);
      $(el, '#name').focus();
      await sendKeys({ type: 'Ann' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'ann@example.org' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      const sent = oneEvent(el, 'civic-queued');
      await sendKeys({ press: 'Enter' });
      await sent;
      expect(client.calls[0]!.args[1]).to.include({ name: 'Ann', consent: true });
    });
  });

  it('defines a tag twice harmlessly, and warns when another class claims it', () => {
    const warn = sinon.stub(console, 'warn');
    defineElement('test-civic-widget', TestWidget);
    expect(warn.called).to.be.false;
    defineElement('test-civic-widget', class extends HTMLElement {});
    expect(warn.calledOnce).to.be.true;
    expect(customElements.get('test-civic-widget')).to.equal(TestWidget);
  });
});
