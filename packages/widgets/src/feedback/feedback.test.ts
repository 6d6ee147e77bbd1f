import { ClientError, type FeedbackRequest } from '@civic-widgets/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { deferred, delivered, fakeClient } from '../test-support/fake-client.js';
import { examples, feedbackClient, followUp, rate, ratingOf, receipt } from './feedback.examples.js';
import type { CivicFeedback } from './feedback.js';
import { feedbackCatalog } from './feedback.strings.js';
import { presetCatalog } from './presets.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();
const body = (client: ReturnType<typeof feedbackClient>, call: number) =>
  client.calls[call]!.args[0] as FeedbackRequest;
/** The element focused inside the widget's shadow root (or its rating's). */
const focused = (el: HTMLElement) => root(el).activeElement;

async function show(markup: ReturnType<typeof html>) {
  const el = await fixture<CivicFeedback>(markup);
  await el.updateComplete;
  return el;
}

describe('<civic-feedback>', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
    localStorage.removeItem('civic-feedback:page:/bins');
  });

  describeExamples(examples);
  checkCatalog('feedback', feedbackCatalog);
  checkCatalog('feedback presets', presetCatalog);

  it('asks a default question per scale, named on the rating; an attribute or a slot replaces it', async () => {
    const question = async (markup: ReturnType<typeof html>) => text($(await show(markup), '#question'));
    expect(await question(html`<civic-feedback topic="t" .client=${feedbackClient()}></civic-feedback>`)).to.equal(
      'Is this page useful?',
    );
    expect(
      await question(html`<civic-feedback topic="t" scale="nps" .client=${feedbackClient()}></civic-feedback>`),
    ).to.equal('How likely are you to recommend this service to a friend or colleague?');
    expect(
      await question(html`<civic-feedback topic="t" preset="a11-ease" .client=${feedbackClient()}></civic-feedback>`),
    ).to.equal('It was easy to complete what I needed to do.');
    expect(
      await question(
        html`<civic-feedback topic="t" question="Was this clear?" .client=${feedbackClient()}></civic-feedback>`,
      ),
    ).to.equal('Was this clear?');
    const slotted = await show(
      html`<civic-feedback topic="t" .client=${feedbackClient()}><span slot="question">Found your bin day?</span></civic-feedback>`,
    );
    const slot = $<HTMLSlotElement>(slotted, 'slot[name=question]')!;
    expect(text(slot.assignedElements()[0]!)).to.equal('Found your bin day?');
    expect(ratingOf(slotted).getAttribute('aria-labelledby')).to.equal('question');
  });

  it('sends the rating on the first click, then the follow-up with the same receipt and the comment redacted', async () => {
    const client = feedbackClient();
    const el = await show(html`<civic-feedback topic="page:/bins" .client=${client}></civic-feedback>`);
    await rate(el, 0);
    expect(client.calls).to.have.length(1);
    const first = body(client, 0);
    expect(first).to.deep.include({ topic: 'page:/bins', rating: { scale: 'thumbs', value: 0 }, locale: 'en' });
    expect(first.comment).to.equal(undefined);
    expect(focused(el)).to.have.attribute('data-confirmation');
    expect(text($(el, 'fieldset legend'))).to.equal('What went wrong?');
    expect([...root(el).querySelectorAll<HTMLInputElement>('input[name=reasons]')].map((i) => i.value)).to.deep.equal([
      'not-found',
      'unclear',
      'outdated',
      'broken',
    ]);
    await followUp(el, 'Email me at jo@example.org or 07700 900123 about bin 42', ['outdated', 'broken']);
    const second = body(client, 1);
    expect(second).to.deep.include({
      topic: 'page:/bins',
      rating: { scale: 'thumbs', value: 0 },
      followUpTo: receipt.receiptId,
      reasons: ['outdated', 'broken'],
      comment: 'Email me at […] or […] about bin 42',
    });
    expect(text($(el, '#thanks'))).to.equal('Thank you for your feedback');
    expect(focused(el)).to.have.attribute('data-confirmation');
  });

  it('sends the page address without query string or fragment', async () => {
    const before = location.href;
    history.replaceState(null, '', '?email=jo%40example.org&ref=abc#step-2');
    try {
      const client = feedbackClient();
      const el = await show(html`<civic-feedback topic="page:/bins" .client=${client}></civic-feedback>`);
      await rate(el, 1);
      expect(body(client, 0).pageUrl).to.equal(`${location.origin}${location.pathname}`);
      expect(body(client, 0).pageUrl).not.to.contain('?').and.not.to.contain('#');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('keyboard: arrows choose without sending, Enter sends', async () => {
    const client = feedbackClient();
    const el = await show(html`<civic-feedback topic="page:/bins" scale="stars" .client=${client}></civic-feedback>`);
    ratingOf(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(client.calls).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.calls.length === 1);
    expect(body(client, 0).rating).to.deep.equal({ scale: 'stars', value: 3 });
  });

  it('Send without a rating shows the error summary and sends nothing', async () => {
    const client = feedbackClient();
    const el = await show(html`<civic-feedback topic="page:/bins" scale="stars" .client=${client}></civic-feedback>`);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[data-error-summary]'));
    expect(text($(el, '[data-error-summary] li'))).to.equal('Choose an answer');
    expect(focused(el)).to.have.attribute('data-error-summary');
    expect(client.calls).to.have.length(0);
  });

  it('a positive answer asks what could be better, without reasons; the counter counts down', async () => {
    const el = await show(
      html`<civic-feedback topic="page:/bins" scale="nps" .client=${feedbackClient()}></civic-feedback>`,
    );
    await rate(el, 9);
    expect($(el, 'fieldset')).to.equal(null);
    expect(text($(el, 'form .question'))).to.equal('Is there anything we could do better?');
    expect(text($(el, '#comment-count'))).to.equal('2,000 characters left');
    expect(text($(el, '#comment-hint'))).to.contain('Do not include personal details');
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'Faster';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '#comment-count'))).to.equal('1,994 characters left');
  });

  it('reasons come from the reasons attribute or from slotted options', async () => {
    const values = async (markup: ReturnType<typeof html>) => {
      const el = await show(markup);
      await rate(el, 0);
      return [...root(el).querySelectorAll('input[name=reasons]')].map((i) => [
        (i as HTMLInputElement).value,
        text(i.nextElementSibling),
      ]);
    };
    const client = () => feedbackClient();
    expect(
      await values(
        html`<civic-feedback topic="t" reasons="map=The map is wrong|Too long" .client=${client()}></civic-feedback>`,
      ),
    ).to.deep.equal([
      ['map', 'The map is wrong'],
      ['Too long', 'Too long'],
    ]);
    expect(
      await values(
        html`<civic-feedback topic="t" .client=${client()}><option slot="reason" value="late">Bus was late</option></civic-feedback>`,
      ),
    ).to.deep.equal([['late', 'Bus was late']]);
  });

  it('sample shows it to a share of page views, decided by the random source', async () => {
    const el = (random: number) =>
      show(
        html`<civic-feedback topic="t" sample="0.1" .random=${() => random} .client=${feedbackClient()}></civic-feedback>`,
      );
    expect($(await el(0.5), 'civic-rating')).to.equal(null);
    expect($(await el(0.05), 'civic-rating')).not.to.equal(null);
  });

  it('cooldown hides it on this browser after an answer, through localStorage and no cookie', async () => {
    const el = await show(
      html`<civic-feedback topic="page:/bins" cooldown="30" .client=${feedbackClient()}></civic-feedback>`,
    );
    await rate(el, 1);
    expect(Number(localStorage.getItem('civic-feedback:page:/bins'))).to.be.closeTo(Date.now(), 5000);
    expect(document.cookie).to.equal('');
    const again = await show(
      html`<civic-feedback topic="page:/bins" cooldown="30" .client=${feedbackClient()}></civic-feedback>`,
    );
    expect($(again, 'civic-rating')).to.equal(null);
    const other = await show(
      html`<civic-feedback topic="page:/parking" cooldown="30" .client=${feedbackClient()}></civic-feedback>`,
    );
    expect($(other, 'civic-rating')).not.to.equal(null);
  });

  it('button mode: the dialog takes focus, keeps it while tabbing, closes on Escape and gives focus back', async () => {
    const page = await fixture(html`<div>
      <button id="before">Before</button>
      <civic-feedback mode="button" topic="t" .client=${feedbackClient()}></civic-feedback>
      <button id="after">After</button>
    </div>`);
    const el = page.querySelector('civic-feedback')!;
    await el.updateComplete;
    const launcher = $<HTMLButtonElement>(el, '[part=launcher]')!;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(text(launcher)).to.equal('Feedback');
    expect(dialog.open).to.equal(false);
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(true);
    expect(focused(el)).to.equal(ratingOf(el));
    // The page behind is inert: Tab visits the dialog's controls (and the browser's own UI), never the page.
    const visited = new Set<Element>();
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id, `tab ${i + 1}`).not.to.be.oneOf(['before', 'after']);
      const active = focused(el);
      if (active) {
        expect(dialog.contains(active), `tab ${i + 1}`).to.equal(true);
        visited.add(active);
      }
    }
    expect(visited, 'the cycle came back into the dialog').to.include(ratingOf(el));
    expect(visited.size).to.equal(3); // close, rating, send
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(launcher);
    launcher.click();
    $<HTMLButtonElement>(el, 'dialog .close')!.click();
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(launcher);
  });

  it('open311 needs service-code, passed to the adapter', async () => {
    const error = sinon.stub(console, 'error');
    const el = await show(
      html`<civic-feedback topic="t" adapter="open311" endpoint="https://proxy.test/open311"></civic-feedback>`,
    );
    expect(text($(el, '[role=alert]'))).to.contain('service-code');
    expect(error).to.have.been.called;
    el.setAttribute('service-code', 'FEEDBACK');
    await waitUntil(() => $(el, 'civic-rating'), 'the open311 client did not resolve');
  });

  it('a failed rating keeps the choice and says why; a retry sends it again', async () => {
    const pending = deferred<never>();
    let attempt = 0;
    const client = fakeClient({
      submitFeedback: () => (++attempt === 1 ? pending.promise : Promise.resolve(delivered(receipt))),
    });
    const el = await show(html`<civic-feedback topic="t" scale="stars" .client=${client}></civic-feedback>`);
    ratingOf(el).shadowRoot!.querySelector<HTMLElement>('[data-value="2"]')!.click();
    pending.reject(new ClientError('http', 'Server error', { status: 500 }));
    await waitUntil(() => $(el, '.notice.error'));
    expect(ratingOf(el).value).to.equal('2');
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[data-confirmation]'));
    expect(client.calls).to.have.length(2);
  });

  it('Arabic: right to left, in Arabic', async () => {
    const wrapper = await fixture(
      html`<div lang="ar"><civic-feedback topic="t" .client=${feedbackClient()}></civic-feedback></div>`,
    );
    const el = wrapper.querySelector('civic-feedback')!;
    await el.updateComplete;
    expect($(el, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '#question'))).to.equal('هل هذه الصفحة مفيدة؟');
    const rating = ratingOf(el);
    await rating.updateComplete;
    expect(rating.shadowRoot!.querySelector('[role=radio]')!.getAttribute('aria-label')).to.equal('نعم');
  });

  it('follows a language change of the page, the rating included', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><civic-feedback topic="t" scale="nps" .client=${feedbackClient()}></civic-feedback></div>`,
    );
    const el = wrapper.querySelector('civic-feedback')!;
    await el.updateComplete;
    wrapper.setAttribute('lang', 'fr');
    const rating = ratingOf(el);
    await waitUntil(
      () => rating.shadowRoot!.querySelector('[role=radio]')!.getAttribute('aria-label') === '0 sur 10',
      'the rating stayed in English',
    );
    expect(text($(el, '#question'))).to.contain('recommandiez');
  });

  it('works end to end against the memory adapter', async () => {
    const el = await show(html`<civic-feedback topic="page:/demo" scale="smileys" adapter="memory"></civic-feedback>`);
    await waitUntil(() => ratingOf(el));
    await rate(el, 1);
    await followUp(el, 'Too slow', ['broken']);
    expect(text($(el, '#thanks'))).to.equal('Thank you for your feedback');
  });
});
