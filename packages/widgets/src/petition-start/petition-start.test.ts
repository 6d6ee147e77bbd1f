import { ClientError } from '@civic-widgets/client/core';
import type { Proposal, SimilarPetitions } from '@civic-widgets/client/proposals';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { LOCALES, loadCatalog } from '../i18n/localize.js';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { deferred, delivered, outboxEvent, queued } from '../test-support/fake-client.js';
import { sendKeys } from '../test-support/keys.js';
import {
  examples,
  type FakeProposalsClient,
  fillForm,
  gathering,
  notFound,
  proposalsClient,
  ready,
  receipt,
  rejectedDuplicate,
  rejectedOffensive,
  similarFound,
  submitForm,
  type,
} from './petition-start.examples.js';
import type { CivicPetitionStart } from './petition-start.js';
import { petitionStartCatalog } from './petition-start.strings.js';
import { sponsorLink } from './sponsor-link.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const texts = (el: HTMLElement, selector: string) =>
  [...root(el).querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
const callsOf = (client: FakeProposalsClient, method: string) => client.calls.filter((c) => c.method === method);
const value = (el: HTMLElement, id: string) => $<HTMLInputElement>(el, `#${id}`)!.value;

async function startForm(client: FakeProposalsClient = proposalsClient()) {
  const el = await fixture<CivicPetitionStart>(
    html`<civic-petition-start privacy-url="https://example.gov/privacy" .client=${client}></civic-petition-start>`,
  );
  await ready(el);
  return { el, client };
}

async function sponsorPage(proposal: Proposal, sponsor?: () => Promise<unknown>) {
  const client = proposalsClient({ proposal: async () => structuredClone(proposal), ...(sponsor ? { sponsor } : {}) });
  const el = await fixture<CivicPetitionStart>(
    html`<civic-petition-start proposal-id=${proposal.id} .client=${client}></civic-petition-start>`,
  );
  await ready(el);
  return { el, client };
}

describe('<civic-petition-start>', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
  });

  describeExamples(examples);
  checkCatalog('petitionStart', petitionStartCatalog);

  it('starts a petition with the keyboard alone, then says to confirm by email and gives the sponsor link', async () => {
    const { el, client } = await startForm();
    $(el, '#title')!.focus();
    await sendKeys({ type: 'Plant street trees on Mill Lane' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Mill Lane has no shade in summer.' });
    await sendKeys({ press: 'Tab' }); // details: optional, left empty
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Amina Okafor' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'amina@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ls1 3ab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // consent
    await sendKeys({ press: 'Tab' }); // the privacy link
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '[part=submit-button]'));
    const success = oneEvent(el, 'civic-success');
    await sendKeys({ press: 'Enter' });
    const event = await success;
    expect(event.detail).to.deep.equal({ receipt, operation: 'proposePetition' });
    expect(callsOf(client, 'propose')[0]!.args).to.deep.equal([
      {
        title: 'Plant street trees on Mill Lane',
        background: 'Mill Lane has no shade in summer.',
        name: 'Amina Okafor',
        email: 'amina@example.org',
        postcode: 'LS1 3AB',
        consent: true,
        locale: 'en',
      },
    ]);
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '[data-confirmation]'));
    expect(texts(el, '[data-confirmation]')[0]).to.contain('Check your email to confirm');
    expect(texts(el, 'section p')).to.include('It needs 5 supporters before a moderator checks it.');
    expect(value(el, 'sponsor-link')).to.equal(sponsorLink('prop-1'));
    expect(new URL(value(el, 'sponsor-link')).searchParams.get('civic-proposal')).to.equal('prop-1');
    expect($(el, 'form')).to.equal(null);
    expect(el.matches(':state(submitted)')).to.be.true;
  });

  it('copies the sponsor link, and says so', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const { el } = await startForm();
    await fillForm(el);
    await submitForm(el);
    await waitUntil(() => $(el, '#sponsor-link'));
    [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Copy link')!.click();
    await waitUntil(() => texts(el, '[role=status]').includes('Link copied'));
    expect(write.calledOnceWith(sponsorLink('prop-1'))).to.be.true;
  });

  it('builds the sponsor link from the page, keeping its own parameters and dropping the fragment', () => {
    expect(sponsorLink('p 1', 'https://council.example/petitions/start?lang=fr#form')).to.equal(
      'https://council.example/petitions/start?lang=fr&civic-proposal=p+1',
    );
  });

  it('counts the characters left in the title and the text boxes', async () => {
    const { el } = await startForm();
    expect($(el, '#title')!.getAttribute('maxlength')).to.equal('80');
    expect($(el, '#background')!.getAttribute('maxlength')).to.equal('300');
    expect($(el, '#details')!.getAttribute('maxlength')).to.equal('800');
    type(el, 'title', 'Plant trees');
    type(el, 'background', 'x'.repeat(299));
    await el.updateComplete;
    expect(texts(el, '#title-count')).to.deep.equal(['69 characters left']);
    expect(texts(el, '#background-count')).to.deep.equal(['1 character left']);
    expect(texts(el, '#details-count')).to.deep.equal(['800 characters left']);
    expect($(el, '#title')!.getAttribute('aria-describedby')).to.equal('title-hint title-count');
  });

  it('offers similar open petitions while the title is typed, announced without taking focus', async () => {
    const { el, client } = await startForm(proposalsClient({ similar: async () => similarFound }));
    const title = $<HTMLTextAreaElement>(el, '#title')!;
    title.focus();
    type(el, 'title', 'Saf');
    type(el, 'title', 'Safe cro');
    type(el, 'title', 'Safe crossings');
    await waitUntil(() => $(el, '.similar li'), 'no similar petitions', { timeout: 3000 });
    // One request, for the title as it stood when typing paused.
    expect(callsOf(client, 'similar').map((call) => call.args[0])).to.deep.equal(['Safe crossings']);
    expect(texts(el, '.similar h3')).to.deep.equal(['Sign one of these instead?']);
    const items = [...root(el).querySelectorAll('.similar li')];
    const link = items[0]!.querySelector('a')!;
    expect(link.href).to.equal('https://example.gov/petitions/safer-crossings');
    expect(link.target).to.equal('_blank');
    expect(items[0]!.textContent).to.contain('8,412 signatures');
    expect(items[1]!.querySelector('a')).to.equal(null);
    expect(items[1]!.textContent).to.contain('School streets for every primary school').and.contain('1 signature');
    expect(texts(el, 'p[role=status]')).to.include('2 similar petitions found. You can still start yours.');
    expect(root(el).activeElement).to.equal(title);
    // The resident may go on with their own.
    await fillForm(el, { title: 'Safe crossings on Mill Lane please' });
    const success = oneEvent(el, 'civic-success');
    await submitForm(el);
    await success;
  });

  it('aborts the search of an older title, whose late answer never replaces the newer one', async () => {
    const first = deferred<SimilarPetitions>();
    const signals: AbortSignal[] = [];
    const answers = [first.promise, Promise.resolve({ data: [similarFound.data[1]!] })];
    const client = proposalsClient({
      similar: ((_q: string, options: { signal: AbortSignal }) => {
        signals.push(options.signal);
        return answers.shift()!;
      }) as never,
    });
    const { el } = await startForm(client);
    type(el, 'title', 'Safe crossings');
    await waitUntil(() => signals.length === 1, 'no first search', { timeout: 3000 });
    type(el, 'title', 'School streets');
    expect(signals[0]!.aborted).to.be.true;
    await waitUntil(() => $(el, '.similar li'), 'no second answer', { timeout: 3000 });
    first.resolve(similarFound);
    await aTimeout(20);
    expect(texts(el, '.similar li a')).to.deep.equal([]);
    expect(texts(el, '.similar li')[0]).to.contain('School streets for every primary school');
  });

  it('searches nothing for a very short title, and clears the suggestions when the title is cleared', async () => {
    const { el, client } = await startForm(proposalsClient({ similar: async () => similarFound }));
    type(el, 'title', 'Safe crossings');
    await waitUntil(() => $(el, '.similar'), 'no similar petitions', { timeout: 3000 });
    type(el, 'title', 'Sa');
    await el.updateComplete;
    expect($(el, '.similar')).to.equal(null);
    await aTimeout(500);
    expect(callsOf(client, 'similar')).to.have.length(1);
  });

  it('focuses an error summary linking to each field, sends nothing, and keeps what was typed', async () => {
    const { el, client } = await startForm();
    await fillForm(el, { title: 'Trees', background: '', email: 'amina@example', postcode: '', consent: false });
    await submitForm(el);
    const summary = $(el, '[part=error-summary]')!;
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['#title', 'What do you want us to do? must be 10 characters or more'],
      ['#background', 'Enter Background'],
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
      ['#postcode', 'Enter Postcode'],
      ['#consent', 'Agree to the privacy notice to start a petition'],
    ]);
    expect($(el, '#title')!.getAttribute('aria-invalid')).to.equal('true');
    links[0]!.click();
    expect(root(el).activeElement).to.equal($(el, '#title'));
    expect(el.matches(':state(user-invalid)')).to.be.true;
    expect(callsOf(client, 'propose')).to.have.length(0);
    expect(value(el, 'title')).to.equal('Trees');
    expect(value(el, 'name')).to.equal('Amina Okafor');
  });

  it('says when the service cannot be reached, keeping every field as typed', async () => {
    const { el } = await startForm(
      proposalsClient({
        propose: async () => {
          throw new ClientError('network', 'Failed to fetch');
        },
      }),
    );
    await fillForm(el, { details: 'Oaks, please.' });
    const failed = oneEvent(el, 'civic-error');
    await submitForm(el);
    expect((await failed).detail.operation).to.equal('proposePetition');
    await el.updateComplete;
    expect(texts(el, '.notice.error')).to.deep.equal(['We could not reach the service. Try again in a moment.']);
    expect(value(el, 'title')).to.equal('Plant street trees on Mill Lane');
    expect(value(el, 'details')).to.equal('Oaks, please.');
    expect(value(el, 'email')).to.equal('amina@example.org');
  });

  it('cannot be sent twice while sending', async () => {
    const { el, client } = await startForm(proposalsClient({ propose: () => deferred().promise }));
    await fillForm(el);
    await submitForm(el);
    await submitForm(el);
    expect(callsOf(client, 'propose')).to.have.length(1);
    expect($(el, '[part=submit-button]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(texts(el, '[aria-live=polite]')).to.deep.equal(['Sending…']);
  });

  it('queues the proposal visibly offline, then gives the sponsor link once the outbox delivers it', async () => {
    const { el, client } = await startForm(proposalsClient({ propose: async () => queued('entry-3', true) }));
    await fillForm(el);
    const heard = oneEvent(el, 'civic-queued');
    await submitForm(el);
    expect((await heard).detail).to.include({ id: 'entry-3', persisted: true, operation: 'proposePetition' });
    await el.updateComplete;
    expect(texts(el, '[data-confirmation] h3')).to.deep.equal(['Your petition will be sent']);
    expect(texts(el, '[data-confirmation]')[0]).to.contain('will be sent when you are back online');
    expect(root(el).activeElement).to.equal($(el, '[data-confirmation]'));
    expect($(el, 'form')!.checkVisibility()).to.be.false;
    const success = oneEvent(el, 'civic-success');
    outboxEvent(client, 'delivered', 'entry-3', { receipt });
    await success;
    await el.updateComplete;
    expect(texts(el, '[data-confirmation] h3')).to.deep.equal(['Your petition has been sent']);
    expect(value(el, 'sponsor-link')).to.equal(sponsorLink('prop-1'));
  });

  it('brings the form back as it was when the outbox gives up on a queued proposal', async () => {
    const { el, client } = await startForm(proposalsClient({ propose: async () => queued('entry-4', true) }));
    await fillForm(el, { title: 'Keep the Mill Lane library open' });
    await submitForm(el);
    await waitUntil(() => $(el, '[data-confirmation]'));
    outboxEvent(client, 'failed', 'entry-4', { error: new ClientError('http', 'Gone', { status: 410 }) });
    await el.updateComplete;
    expect($(el, 'form')!.checkVisibility()).to.be.true;
    expect(value(el, 'title')).to.equal('Keep the Mill Lane library open');
    expect(texts(el, '.notice.error')).to.deep.equal(['The service could not handle your request. Try again later.']);
  });

  it('shows a proposal on its sponsor link, with its supporters so far, and takes a supporter', async () => {
    const { el, client } = await sponsorPage(gathering, async () => delivered({ status: 'unconfirmed' }));
    expect(client.calls[0]).to.deep.equal({ method: 'proposal', args: ['prop-1'] });
    expect(texts(el, 'h2')).to.deep.equal(['Plant street trees on Mill Lane']);
    expect(texts(el, '.meta')[0]).to.contain('Gathering supporters').and.contain('2 of 5 supporters');
    expect(texts(el, 'article > p:not(.visually-hidden)')).to.deep.equal([
      'Mill Lane has no shade.',
      'Trees would cool it in summer.',
    ]);
    expect(texts(el, 'h3')).to.include('Support this petition');
    expect($(el, 'textarea')).to.equal(null);
    await fillForm(el, {}, { sponsor: true });
    const success = oneEvent(el, 'civic-success');
    await submitForm(el);
    expect((await success).detail.operation).to.equal('sponsorProposal');
    expect(callsOf(client, 'sponsor')[0]!.args).to.deep.equal([
      'prop-1',
      { name: 'Amina Okafor', email: 'amina@example.org', postcode: 'LS1 3AB', consent: true },
    ]);
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '[data-confirmation]'));
    expect(texts(el, '[data-confirmation]')[0]).to.contain('your support counts once you follow the link');
    expect($(el, 'form')).to.equal(null);
  });

  it('opens the proposal named by the page address (the sponsor link)', async () => {
    const before = location.href;
    history.replaceState(null, '', sponsorLink('prop-1'));
    try {
      const client = proposalsClient({ proposal: async () => structuredClone(gathering) });
      const el = await fixture<CivicPetitionStart>(
        html`<civic-petition-start .client=${client}></civic-petition-start>`,
      );
      await ready(el);
      expect(el.proposalId).to.equal('prop-1');
      expect(client.calls[0]).to.deep.equal({ method: 'proposal', args: ['prop-1'] });
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('queues a supporter visibly offline', async () => {
    const { el } = await sponsorPage(gathering, async () => queued('entry-5', false));
    await fillForm(el, {}, { sponsor: true });
    await submitForm(el);
    await waitUntil(() => $(el, '[data-confirmation]'));
    expect(texts(el, '[data-confirmation] h3')).to.deep.equal(['Your support will be sent']);
    expect(texts(el, '[data-confirmation]')[0]).to.contain('Keep this page open');
  });

  it('explains, keeping the input, when the proposal stopped gathering supporters meanwhile', async () => {
    const { el } = await sponsorPage(gathering, async () => {
      throw new ClientError('http', 'Conflict', { status: 409 });
    });
    await fillForm(el, { name: 'Kept Name' }, { sponsor: true });
    await submitForm(el);
    await waitUntil(() => $(el, '.notice.error'));
    expect(texts(el, '.notice.error')).to.deep.equal(['This petition is not gathering supporters now.']);
    expect(value(el, 'name')).to.equal('Kept Name');
  });

  it('offers no support form before the creator confirms, nor once it is with a moderator', async () => {
    for (const status of ['unconfirmed', 'moderation'] as const) {
      const { el } = await sponsorPage({ ...gathering, status });
      expect($(el, 'form'), status).to.equal(null);
      expect(texts(el, '.notice'), status).to.include('This petition is not gathering supporters now.');
    }
  });

  it('shows why a proposal was rejected, with the moderator’s note', async () => {
    const { el } = await sponsorPage(rejectedDuplicate);
    expect(texts(el, 'h2')).to.deep.equal(['Plant street trees on Mill Lane']);
    expect(texts(el, '.meta')[0]).to.contain('Rejected').and.not.contain('supporters');
    expect(texts(el, '.notice')[0])
      .to.contain('There is already a petition asking for the same thing.')
      .and.contain('Sign “Green Mill Lane” instead.');
    expect($(el, 'form')).to.equal(null);
  });

  it('shows a proposal rejected as offensive without its text', async () => {
    const { el } = await sponsorPage(rejectedOffensive);
    expect(texts(el, 'h2')).to.deep.equal(['This petition was not published']);
    expect(texts(el, '.notice')[0])
      .to.contain('It contained offensive or defamatory content.')
      .and.contain('Its text is not shown');
  });

  it('says a proposal was not found', async () => {
    const client = proposalsClient({
      proposal: async () => {
        throw notFound;
      },
    });
    const el = await fixture<CivicPetitionStart>(
      html`<civic-petition-start proposal-id="nope" .client=${client}></civic-petition-start>`,
    );
    await waitUntil(() => $(el, '[role=alert]'));
    expect(texts(el, '[role=alert] p')).to.deep.equal(['This proposed petition could not be found.']);
  });

  it('renders HTML and script payloads from the server as text and runs nothing', async () => {
    const payload = '<img src=x onerror="window.__civicXss=1"><script>window.__civicXss=1</script>';
    const hostile: SimilarPetitions = {
      data: [{ id: 'x', title: `Similar ${payload}`, signatureCount: 3, url: 'javascript:window.__civicXss=1' }],
    };
    const { el } = await startForm(proposalsClient({ similar: async () => hostile }));
    type(el, 'title', 'Anything at all');
    await waitUntil(() => $(el, '.similar li'), 'no similar petitions', { timeout: 3000 });
    const page = await sponsorPage({
      ...rejectedDuplicate,
      title: `Title ${payload}`,
      background: `Background ${payload}`,
      rejection: { reason: 'duplicate', note: `Note ${payload}` },
    });
    await aTimeout(50);
    expect((window as { __civicXss?: number }).__civicXss).to.equal(undefined);
    for (const widget of [el, page.el]) expect(root(widget).querySelector('img, script')).to.equal(null);
    expect(texts(el, '.similar li a')).to.deep.equal([]);
    expect(texts(el, '.similar li')[0]).to.contain(`Similar ${payload}`);
    expect(texts(page.el, 'h2')).to.deep.equal([`Title ${payload}`]);
    expect(root(page.el).textContent).to.contain(`Note ${payload}`);
  });

  it('links to the privacy notice in a new tab, and drops an address that is not https', async () => {
    const { el } = await startForm();
    const link = $<HTMLAnchorElement>(el, 'a[target=_blank]')!;
    expect(link.href).to.equal('https://example.gov/privacy');
    expect(link.rel).to.equal('noopener noreferrer');
    el.privacyUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect($(el, 'a')).to.equal(null);
  });

  for (const locale of LOCALES) {
    it(`renders completely in ${locale}`, async () => {
      const strings = (await loadCatalog(petitionStartCatalog, locale))!;
      const wrapper = await fixture(
        html`<div lang=${locale}><civic-petition-start .client=${proposalsClient()}></civic-petition-start></div>`,
      );
      const el = wrapper.querySelector<CivicPetitionStart>('civic-petition-start')!;
      await ready(el);
      await el.updateComplete;
      const base = $(el, '[part=base]')!;
      expect(base.getAttribute('lang')).to.equal(locale);
      expect(base.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(getComputedStyle($(el, 'form')!).direction).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(texts(el, 'h2')).to.deep.equal([strings.startHeading]);
      expect($(el, 'label[for=title]')!.textContent).to.equal(strings.titleLabel);
      expect($(el, '[part=submit-button]')!.textContent).to.equal(strings.submit);
      expect(root(el).textContent).not.to.match(/\{\w+\}/);
    });
  }

  it('sends the page language with the proposal, for the mails about it', async () => {
    const client = proposalsClient();
    const wrapper = await fixture(
      html`<div lang="ar"><civic-petition-start .client=${client}></civic-petition-start></div>`,
    );
    const el = wrapper.querySelector<CivicPetitionStart>('civic-petition-start')!;
    await fillForm(el);
    const success = oneEvent(el, 'civic-success');
    await submitForm(el);
    await success;
    expect((callsOf(client, 'propose')[0]!.args[0] as { locale: string }).locale).to.equal('ar');
  });

  it('starts a petition end to end against the memory adapter, offered the similar demo petition first', async () => {
    const el = await fixture<CivicPetitionStart>(html`<civic-petition-start adapter="memory"></civic-petition-start>`);
    await ready(el);
    type(el, 'title', 'Safe crossings on Station Road');
    await waitUntil(() => texts(el, '.similar li').some((item) => item.includes('Build safe crossings')), 'no match', {
      timeout: 3000,
    });
    await fillForm(el, { title: 'Plant street trees on Mill Lane', email: `start-${Date.now()}@example.org` });
    const success = oneEvent(el, 'civic-success');
    await submitForm(el);
    const { receipt: made } = (await success).detail as { receipt: { id: string; sponsorsNeeded: number } };
    await el.updateComplete;
    expect(value(el, 'sponsor-link')).to.equal(sponsorLink(made.id));
    expect(made.sponsorsNeeded).to.be.greaterThan(0);
  });

  it('is used with the keyboard alone in Arabic, right to left: errors summarised in Arabic, focus on the summary', async () => {
    const strings = (await loadCatalog(petitionStartCatalog, 'ar'))!;
    const client = proposalsClient();
    const wrapper = await fixture(
      html`<div lang="ar"><civic-petition-start .client=${client}></civic-petition-start></div>`,
    );
    const el = wrapper.querySelector<CivicPetitionStart>('civic-petition-start')!;
    await ready(el);
    await el.updateComplete;
    $(el, '#title')!.focus();
    await sendKeys({ type: 'Trees' }); // the key plugin types Latin keys only
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' }); // background, details, name, email, postcode, consent
    expect(root(el).activeElement).to.equal($(el, '#consent'));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '[part=submit-button]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const summary = $(el, '[part=error-summary]')!;
    expect(root(el).activeElement).to.equal(summary);
    expect(getComputedStyle(summary).direction).to.equal('rtl');
    expect(texts(el, '[part=error-summary] a').at(-1)).to.equal(strings.consentRequired);
    expect(value(el, 'title')).to.equal('Trees');
    expect(callsOf(client, 'propose')).to.have.length(0);
  });
});
