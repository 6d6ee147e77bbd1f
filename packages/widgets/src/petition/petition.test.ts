import { ClientError, type Petition } from '@civic-widgets/client';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { LOCALES, loadCatalog } from '../i18n/localize.js';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { deferred, delivered, fakeClient, outboxEvent, queued } from '../test-support/fake-client.js';
import { sendKeys } from '../test-support/keys.js';
import {
  askingEverything,
  closedPetition,
  counted,
  examples,
  fillForm,
  loaded,
  openPetition,
  petitionClient,
  respondedPetition,
  submitForm,
} from './petition.examples.js';
import type { CivicPetition } from './petition.js';
import { petitionCatalog } from './petition.strings.js';
import type { CivicPetitionCounter } from './petition-counter.js';

const longDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(iso));
const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const texts = (el: HTMLElement, selector: string) =>
  [...root(el).querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

async function show(petition: Petition, sign?: () => Promise<unknown>) {
  const client = petitionClient(petition, sign);
  const el = await fixture<CivicPetition>(
    html`<civic-petition petition-id=${petition.id} .client=${client}></civic-petition>`,
  );
  await loaded(el);
  return { el, client };
}

describe('<civic-petition>', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
  });

  describeExamples(examples);
  checkCatalog('petition', petitionCatalog);

  it('shows title, summary, full text, status, closing date, count and progress toward the next milestone', async () => {
    const { el, client } = await show(openPetition);
    expect(client.calls[0]).to.deep.equal({ method: 'getPetition', args: [openPetition.id] });
    expect($(el, 'h2')!.textContent).to.equal('Build safe crossings on Station Road');
    expect(texts(el, 'article > p')[0]).to.contain('Children walking to Station Road Primary');
    expect($(el, 'details summary')!.textContent).to.equal('Read the full petition');
    expect(texts(el, 'details p')).to.have.length(2);
    expect(texts(el, '.meta')[0])
      .to.contain('Open for signatures')
      .and.contain(`Closes on ${longDate(openPetition.closesAt!)}`);
    expect(texts(el, '.total')).to.deep.equal(['8,412 signatures']);
    const progress = $<HTMLProgressElement>(el, 'progress')!;
    expect([progress.value, progress.max]).to.deep.equal([8412, 10000]);
    expect($(el, `#${progress.getAttribute('aria-labelledby')}`)!.textContent!.trim()).to.equal(
      '8,412 of 10,000 needed: The council responds',
    );
  });

  it('signs with the keyboard alone and shows the confirmation, the new count and the share step', async () => {
    const { el, client } = await show(openPetition);
    $(el, '#name')!.focus();
    await sendKeys({ type: 'Amina Okafor' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'amina@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'LS1 3AB' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // consent
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // past the privacy link
    await sendKeys({ press: 'Space' }); // show my name
    const success = oneEvent(el, 'civic-success');
    await sendKeys({ press: 'Enter' });
    const event = await success;
    expect(event.detail.receipt).to.deep.equal(counted());
    expect(client.calls[1]!.method).to.equal('signPetition');
    expect(client.calls[1]!.args).to.deep.equal([
      openPetition.id,
      { name: 'Amina Okafor', email: 'amina@example.org', postcode: 'LS1 3AB', consent: true, showName: true },
    ]);
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '[data-confirmation]'));
    expect(texts(el, '[data-confirmation]')[0]).to.contain('Your signature has been counted.');
    expect(texts(el, '.total')).to.deep.equal(['8,413 signatures']);
    expect($(el, 'form')).to.equal(null);
    expect(el.matches(':state(submitted)')).to.be.true;
    expect(texts(el, 'button')).to.include('Copy link');
  });

  it('copies the share link', async () => {
    const { el } = await show(openPetition);
    el.shareUrl = 'https://example.gov/petitions/crossings';
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    await fillForm(el);
    await submitForm(el);
    await waitUntil(() => $(el, '[data-confirmation]'));
    [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Copy link')!.click();
    await waitUntil(() => texts(el, '[role=status]').includes('Link copied'));
    expect(write.calledOnceWith('https://example.gov/petitions/crossings')).to.be.true;
  });

  it('says to check email when the signature awaits confirmation', async () => {
    const { el } = await show(openPetition, async () => delivered({ ...counted(), status: 'pending_confirmation' }));
    await fillForm(el);
    await submitForm(el);
    await waitUntil(() => $(el, '[data-confirmation]'));
    expect(texts(el, '[data-confirmation]')[0]).to.contain('Check your email to confirm your signature');
  });

  it('focuses an error summary linking to each field, with petition wording for consent and country', async () => {
    const { el, client } = await show(askingEverything);
    await fillForm(el, { name: '', email: 'amina@example', postcode: 'LS1', country: 'Britain', consent: false });
    await submitForm(el);
    const summary = $(el, '[part=error-summary]')!;
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['#name', 'Enter Full name'],
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
      ['#country', 'Enter a two-letter country code, like GB or FR'],
      ['#consent', 'Agree to the privacy notice to sign the petition'],
    ]);
    expect($(el, '#country')!.getAttribute('aria-describedby')).to.equal('country-hint country-error');
    expect($(el, '#country')!.getAttribute('aria-invalid')).to.equal('true');
    links[2]!.click();
    expect(root(el).activeElement).to.equal($(el, '#country'));
    expect(el.matches(':state(user-invalid)')).to.be.true;
    expect(client.calls.filter((c) => c.method === 'signPetition')).to.have.length(0);
  });

  it('sends nothing when a civic-submit listener cancels', async () => {
    const { el, client } = await show(openPetition);
    el.addEventListener('civic-submit', (event) => event.preventDefault());
    await fillForm(el);
    const heard = oneEvent(el, 'civic-submit');
    await submitForm(el);
    expect((await heard).detail.operation).to.equal('signPetition');
    await aTimeout(10);
    expect(client.calls.map((c) => c.method)).to.deep.equal(['getPetition']);
    expect($(el, 'form')).not.to.equal(null);
  });

  it('cannot be submitted twice while signing, and shows it is sending', async () => {
    const pending = deferred<never>();
    const { el, client } = await show(openPetition, () => pending.promise);
    await fillForm(el);
    await submitForm(el);
    await submitForm(el);
    expect(client.calls.filter((c) => c.method === 'signPetition')).to.have.length(1);
    expect(el.matches(':state(submitting)')).to.be.true;
    expect($(el, '[part=submit-button]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(texts(el, '[aria-live=polite]')).to.deep.equal(['Sending…']);
  });

  it('keeps the input and explains when the petition closed meanwhile', async () => {
    const { el } = await show(openPetition, async () => {
      throw new ClientError('http', 'This petition is closed', { status: 409 });
    });
    await fillForm(el, { name: 'Amina Okafor' });
    const failed = oneEvent(el, 'civic-error');
    await submitForm(el);
    expect((await failed).detail.error.status).to.equal(409);
    await el.updateComplete;
    expect(texts(el, '.notice.error')).to.deep.equal(['This petition closed before your signature arrived.']);
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Amina Okafor');
    expect(root(el).textContent).not.to.contain('This petition is closed');
  });

  it('says when the service cannot be reached, keeping the input', async () => {
    const { el } = await show(openPetition, async () => {
      throw new ClientError('network', 'Failed to fetch');
    });
    await fillForm(el, { email: 'kept@example.org' });
    const failed = oneEvent(el, 'civic-error');
    await submitForm(el);
    await failed;
    await el.updateComplete;
    expect(texts(el, '.notice.error')).to.deep.equal(['We could not reach the service. Try again in a moment.']);
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('kept@example.org');
  });

  it('tells the signer a queued signature will be sent, then confirms when the outbox delivers it', async () => {
    const { el, client } = await show(openPetition, async () => queued('entry-7', true));
    await fillForm(el);
    const heard = oneEvent(el, 'civic-queued');
    await submitForm(el);
    expect((await heard).detail).to.include({ id: 'entry-7', persisted: true });
    await el.updateComplete;
    expect(texts(el, '[data-confirmation]')[0]).to.contain('will be sent when you are back online');
    expect(el.matches(':state(submitted)')).to.be.true;
    outboxEvent(client, 'delivered', 'someone-else', { receipt: counted(9000) });
    await el.updateComplete;
    expect(texts(el, '[data-confirmation] h3')).to.deep.equal(['Your signature will be sent']);
    const success = oneEvent(el, 'civic-success');
    outboxEvent(client, 'delivered', 'entry-7', { receipt: counted(8500) });
    expect((await success).detail.receipt).to.deep.equal(counted(8500));
    await el.updateComplete;
    expect(texts(el, '[data-confirmation] h3')).to.deep.equal(['Thank you for signing']);
    expect(texts(el, '.total')).to.deep.equal(['8,500 signatures']);
  });

  it('brings the form back as it was when the outbox gives up on a queued signature', async () => {
    const { el, client } = await show(openPetition, async () => queued('entry-9', true));
    await fillForm(el, { name: 'Amina Okafor', email: 'kept@example.org' });
    await submitForm(el);
    await waitUntil(() => $(el, '[data-confirmation]'));
    expect($(el, 'form')!.closest('section')!.hidden).to.be.true;
    expect($(el, 'form')!.checkVisibility()).to.be.false;
    const failed = oneEvent(el, 'civic-error');
    outboxEvent(client, 'failed', 'entry-9', { error: new ClientError('http', 'Gone', { status: 410 }) });
    expect((await failed).detail.error.status).to.equal(410);
    await el.updateComplete;
    expect($(el, '[data-confirmation]')).to.equal(null);
    expect($(el, 'form')!.checkVisibility()).to.be.true;
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Amina Okafor');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('kept@example.org');
    expect(texts(el, '.notice.error')).to.deep.equal(['The service could not handle your request. Try again later.']);
  });

  it('cannot be signed when closed, and says so', async () => {
    const { el } = await show(closedPetition);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '.notice')).to.include('This petition is closed and can no longer be signed.');
    expect(texts(el, '.meta')[0]).to.contain(`Closed on ${longDate(closedPetition.closesAt!)}`);
  });

  it('gives no "closed on" date when it was closed before its planned date', async () => {
    const early = { ...closedPetition, closesAt: new Date(Date.now() + 90 * 86_400_000).toISOString() };
    const { el } = await show(early);
    expect(texts(el, '.meta')[0]).to.contain('Closed').and.not.contain('Closed on');
    expect(texts(el, '.meta')[0]).not.to.contain('Closes on');
  });

  it('leads with the government response when there is one', async () => {
    const { el } = await show(respondedPetition);
    const order = [...root(el).querySelectorAll('article > *')].map((node) => node.localName);
    expect(order.slice(0, 3)).to.deep.equal(['h2', 'section', 'p']);
    expect(texts(el, 'article > section h3')[0]).to.equal('Government response');
    expect(texts(el, 'article > section')[0]).to.contain('Sunday opening will continue through 2027');
    expect(texts(el, 'article > section')[0]).to.contain(
      `Responded on ${longDate(respondedPetition.response!.respondedAt)}`,
    );
    expect($(el, 'form')).to.equal(null);
  });

  it('renders HTML and script payloads from the server as text and runs nothing', async () => {
    const payload = '<img src=x onerror="window.__civicXss=1"><script>window.__civicXss=1</script>';
    const hostile: Petition = {
      ...respondedPetition,
      status: 'open',
      title: `Title ${payload}`,
      summary: `Summary ${payload}`,
      body: `Body ${payload}`,
      thresholds: [{ count: 20_000, label: `Label ${payload}` }],
      response: { summary: `Response ${payload}`, body: `More ${payload}`, respondedAt: '2026-10-15T09:00:00Z' },
      privacyNoticeUrl: 'javascript:window.__civicXss=1',
    };
    const { el } = await show(hostile);
    await aTimeout(50);
    expect((window as { __civicXss?: number }).__civicXss).to.equal(undefined);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect($(el, 'h2')!.textContent).to.equal(`Title ${payload}`);
    expect(root(el).textContent).to.contain(`Response ${payload}`);
    expect(root(el).textContent).to.contain(`Label ${payload}`);
    // The privacy link is not javascript:, so it is left out rather than rendered.
    expect([...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([]);
  });

  it('links to the privacy notice in a new tab', async () => {
    const { el } = await show(openPetition);
    const link = $<HTMLAnchorElement>(el, 'a[target=_blank]')!;
    expect(link.href).to.equal('https://example.gov/privacy/petitions');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Read the privacy notice (opens in a new tab)');
  });

  for (const locale of LOCALES) {
    it(`renders completely in ${locale}`, async () => {
      const strings = { petition: (await loadCatalog(petitionCatalog, locale))! };
      const wrapper = await fixture(
        html`<div lang=${locale}><civic-petition petition-id="p" .client=${petitionClient(openPetition)}></civic-petition></div>`,
      );
      const el = wrapper.querySelector<CivicPetition>('civic-petition')!;
      await loaded(el);
      await el.updateComplete;
      const base = $(el, '[part=base]')!;
      expect(base.getAttribute('lang')).to.equal(locale);
      expect(base.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(getComputedStyle($(el, 'form')!).direction).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect($(el, '[part=submit-button]')!.textContent).to.equal(strings.petition.submit);
      expect($(el, 'label[for=name]')!.textContent).to.equal(strings.petition.nameLabel);
      expect(texts(el, 'h3')).to.include(strings.petition.signHeading);
      // No placeholder was left unfilled.
      expect(root(el).textContent).not.to.match(/\{\w+\}/);
    });
  }

  it('lets an embedder override the legal wording', async () => {
    const el = await fixture<CivicPetition>(
      html`<civic-petition
        petition-id="p"
        .client=${petitionClient(openPetition)}
        .strings=${{ petition: { consentLabel: 'I accept the Borough privacy terms' } }}
      ></civic-petition>`,
    );
    await loaded(el);
    expect($(el, 'label[for=consent]')!.textContent).to.equal('I accept the Borough privacy terms');
  });

  it('refreshes the count while the page is visible, and not while it is hidden', async () => {
    let count = openPetition.signatureCount;
    const client = fakeClient({ getPetition: async () => ({ ...openPetition, signatureCount: ++count }) });
    const el = await fixture<CivicPetition>(
      html`<civic-petition petition-id="p" refresh-interval="0.05" .client=${client}></civic-petition>`,
    );
    await waitUntil(() => client.calls.length >= 3, 'no refresh');
    await waitUntil(() => texts(el, '.total')[0] !== '8,413 signatures');
    el.refreshInterval = 0;
    await el.updateComplete;
    const calls = client.calls.length;
    await aTimeout(150);
    expect(client.calls.length).to.equal(calls);
  });

  it('does not refresh in a hidden tab', async () => {
    const visibility = sinon.stub(document, 'visibilityState').get(() => 'hidden');
    const client = petitionClient(openPetition);
    await fixture(html`<civic-petition petition-id="p" refresh-interval="0.05" .client=${client}></civic-petition>`);
    await aTimeout(200);
    expect(client.calls).to.have.length(1);
    visibility.restore();
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => client.calls.length >= 2, 'no refresh on return');
  });

  it('signs end to end against the memory adapter', async () => {
    const el = await fixture<CivicPetition>(
      html`<civic-petition adapter="memory" petition-id="safer-crossings" refresh-interval="0"></civic-petition>`,
    );
    await waitUntil(() => $(el, 'h2'), 'not loaded', { timeout: 3000 });
    await fillForm(el, { email: `e2e-${Date.now()}@example.org` });
    const success = oneEvent(el, 'civic-success');
    await submitForm(el);
    expect((await success).detail.receipt).to.include({ status: 'counted', signatureCount: 8413 });
  });

  it('names a missing petition-id in the console, and shows the resident a calm notice', async () => {
    const error = sinon.stub(console, 'error');
    const el = await fixture<CivicPetition>(html`<civic-petition adapter="memory"></civic-petition>`);
    expect(texts(el, '[role=alert]')[0]).to.equal('This form is not available right now.');
    expect(String(error.firstCall.args[0])).to.contain('"petition-id"');
  });
});

describe('<civic-petition-counter>', () => {
  it('shows only the count and the progress', async () => {
    const client = petitionClient(respondedPetition);
    const el = await fixture<CivicPetitionCounter>(
      html`<civic-petition-counter petition-id="library-hours" .client=${client}></civic-petition-counter>`,
    );
    await waitUntil(() => $(el, '.total'));
    expect(texts(el, '.total')).to.deep.equal(['12,930 signatures']);
    expect(texts(el, '.count')[0]).to.contain('Every milestone has been reached.');
    expect($(el, 'form')).to.equal(null);
    expect(client.calls).to.deep.equal([{ method: 'getPetition', args: ['library-hours'] }]);
  });

  it('uses the same client as a petition on the page', async () => {
    const wrapper = await fixture(html`<div>
      <civic-petition adapter="memory" petition-id="safer-crossings"></civic-petition>
      <civic-petition-counter adapter="memory" petition-id="safer-crossings"></civic-petition-counter>
    </div>`);
    const [petition, counter] = [...wrapper.children] as [CivicPetition, CivicPetitionCounter];
    await waitUntil(() => $(petition, 'h2') && $(counter, '.total'), 'not loaded', { timeout: 3000 });
    const clientOf = (el: HTMLElement) => (el as unknown as { activeClient: unknown }).activeClient;
    expect(clientOf(petition)).to.equal(clientOf(counter));
  });
});
