import { ClientError, type FeedbackRequest } from '@civic-widgets/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { isFirefox } from '../test-support/engine.js';
import { deferred, delivered, fakeClient } from '../test-support/fake-client.js';
import { sendKeys } from '../test-support/keys.js';
import {
  examples,
  extraFields,
  feedbackClient,
  fieldsClient,
  followUp,
  rate,
  ratingOf,
  receipt,
} from './feedback.examples.js';
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

  it('passes a rating override in .strings on to the rating inside', async () => {
    const el = await show(html`<civic-feedback topic="t" .client=${feedbackClient()}></civic-feedback>`);
    const choiceNames = () =>
      [...ratingOf(el).shadowRoot!.querySelectorAll('[data-value]')].map((choice) => choice.getAttribute('aria-label'));
    expect(choiceNames()).to.deep.equal(['Yes', 'No']);
    el.strings = { rating: { yes: 'Useful', no: 'Not useful' }, feedback: { send: 'Submit' } };
    await el.updateComplete;
    await ratingOf(el).updateComplete;
    expect(choiceNames()).to.deep.equal(['Useful', 'Not useful']);
    expect(text($(el, 'form button'))).to.equal('Submit');
  });

  it("shows a preset's statement in the page's language, and again after the language changes", async () => {
    const { strings: fr } = await import('./i18n/presets.fr.js');
    const { strings: es } = await import('./i18n/presets.es.js');
    const el = await show(
      html`<civic-feedback lang="fr" topic="t" preset="a11-ease" .client=${feedbackClient()}></civic-feedback>`,
    );
    expect(text($(el, '#question'))).to.equal(fr.a11Ease);
    expect(text($(el, '#rating-hint'))).to.equal(fr.agreeHint);
    el.setAttribute('lang', 'es');
    await waitUntil(async () => (await el.updateComplete) && text($(el, '#question')) === es.a11Ease, 'not in Spanish');
    expect(text($(el, '#rating-hint'))).to.equal(es.agreeHint);
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
    // Firefox (WebDriver BiDi): once Tab takes focus out of the page into the browser's own UI, the next key
    // action never returns. There the test tabs once, within the dialog; Chromium and WebKit go round the cycle.
    const tabs = isFirefox ? 1 : 8;
    for (let i = 0; i < tabs; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id, `tab ${i + 1}`).not.to.be.oneOf(['before', 'after']);
      const active = focused(el);
      if (active) {
        expect(dialog.contains(active), `tab ${i + 1}`).to.equal(true);
        // WebKit rests focus on the dialog itself when Tab wraps around (MiniBrowser has no UI to visit): still
        // inside the dialog, but not one of its controls.
        if (active !== dialog) visited.add(active);
      }
    }
    if (isFirefox) {
      expect([...visited].map((control) => control.textContent?.trim())).to.deep.equal(['Send']);
    } else {
      expect(visited, 'the cycle came back into the dialog').to.include(ratingOf(el));
      expect(visited.size).to.equal(3); // close, rating, send
    }
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(launcher);
    launcher.click();
    $<HTMLButtonElement>(el, 'dialog .close')!.click();
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(launcher);
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

  describe('extra questions of the backend (Open311 service attributes)', () => {
    const optional = extraFields.map((field) => ({ ...field, required: false }));
    const control = <T extends Element>(el: HTMLElement, id: string) => $<T & HTMLElement>(el, `#${id}`)!;
    const type = (el: HTMLElement, id: string, value: string) => {
      const input = control<HTMLInputElement>(el, id);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const click = (el: HTMLElement, value: number) =>
      ratingOf(el).shadowRoot!.querySelector<HTMLElement>(`[data-value="${value}"]`)!.click();

    it('renders them in the follow-up, in order, labelled, with hints, required marks and native controls', async () => {
      const client = fieldsClient(extraFields);
      const el = await show(html`<civic-feedback topic="page:/bins" scale="stars" .client=${client}></civic-feedback>`);
      expect(client.calls[0]).to.deep.equal({ method: 'feedbackFields', args: ['page:/bins'] });
      click(el, 2);
      await waitUntil(() => $(el, '#field-1'));
      expect(text($(el, '.info'))).to.equal('We reply within 5 working days.');
      const labels = [...root(el).querySelectorAll('form label[part=label], form legend')].map(text);
      expect(labels).to.deep.equal([
        'What went wrong?',
        'Which bin? (required)',
        'Anything dangerous nearby? (required)',
        'How many bins? (required)',
        'When was it due?',
        'Which street?',
        'Anything else?',
        'Tell us more (optional)',
      ]);
      expect(control(el, 'field-1').localName).to.equal('select');
      expect(control<HTMLSelectElement>(el, 'field-1').required).to.equal(true);
      expect([...control<HTMLSelectElement>(el, 'field-1').options].map((o) => [o.value, o.text])).to.deep.equal([
        ['', 'Choose an option'],
        ['black', 'Black (general waste)'],
        ['green', 'Green (garden waste)'],
      ]);
      expect([...root(el).querySelectorAll<HTMLInputElement>('input[name=field-2]')].map((i) => i.type)).to.deep.equal([
        'checkbox',
        'checkbox',
      ]);
      expect(control<HTMLInputElement>(el, 'field-3').type).to.equal('number');
      expect(control<HTMLInputElement>(el, 'field-4').type).to.equal('datetime-local');
      expect(control<HTMLInputElement>(el, 'field-4').getAttribute('aria-describedby')).to.equal('field-4-hint');
      expect(text($(el, '#field-4-hint'))).to.equal('Date and time');
      expect(control(el, 'field-6').localName).to.equal('textarea');
    });

    it('required questions: the rating waits; errors are localized, keep the input, and the answers are sent with it', async () => {
      const client = fieldsClient(extraFields);
      const el = await show(html`<civic-feedback topic="page:/bins" scale="stars" .client=${client}></civic-feedback>`);
      click(el, 2);
      await waitUntil(() => $(el, '#field-1'));
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields']);
      expect(focused(el)).to.have.attribute('data-confirmation');
      expect(text(focused(el))).to.equal('Answer the questions below to send your feedback.');

      type(el, 'field-5', 'Mill Lane');
      root(el).querySelector<HTMLInputElement>('input[name=field-2][value=needles]')!.click();
      type(el, 'field-3', '');
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '[data-error-summary]'));
      expect([...root(el).querySelectorAll('[data-error-summary] li')].map(text)).to.deep.equal([
        'Answer “Which bin?”',
        'Answer “How many bins?”',
      ]);
      expect(text($(el, '#field-1-error'))).to.equal('Error: Answer “Which bin?”');
      expect(control(el, 'field-1').getAttribute('aria-invalid')).to.equal('true');
      expect(control<HTMLInputElement>(el, 'field-5').value).to.equal('Mill Lane');
      expect(root(el).querySelector<HTMLInputElement>('input[value=needles]')!.checked).to.equal(true);
      await expect(el).to.be.accessible();
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields']);

      const select = control<HTMLSelectElement>(el, 'field-1');
      select.value = 'green';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      type(el, 'field-3', '2');
      type(el, 'field-4', '2026-11-27T07:30');
      type(el, 'field-6', 'Call me on 07700 900123');
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '#thanks'), 'the feedback was not sent');
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields', 'submitFeedback']);
      const sent = client.calls[1]!.args[0] as FeedbackRequest;
      expect(sent.rating).to.deep.equal({ scale: 'stars', value: 2 });
      expect(sent.followUpTo).to.equal(undefined);
      expect(sent.fields).to.deep.equal([
        { code: 'bin', value: 'green' },
        { code: 'hazards', values: ['needles'] },
        { code: 'count', value: '2' },
        { code: 'when', value: new Date('2026-11-27T07:30').toISOString() },
        { code: 'street', value: 'Mill Lane' },
        { code: 'details', value: 'Call me on […]' },
      ]);
    });

    it('a required multiple choice needs one answer; messages follow the page language', async () => {
      const client = fieldsClient([extraFields[2]!]);
      const wrapper = await fixture(
        html`<div lang="fr"><civic-feedback topic="t" .client=${client}></civic-feedback></div>`,
      );
      const el = wrapper.querySelector('civic-feedback')!;
      await el.updateComplete;
      click(el, 1);
      await waitUntil(() => $(el, '#field-0'));
      expect(text($(el, 'legend'))).to.equal('Anything dangerous nearby? (obligatoire)');
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '[data-error-summary]'));
      expect(text($(el, '[data-error-summary] li'))).to.equal('Répondez à « Anything dangerous nearby? »');
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields']);
    });

    it('optional questions: the rating is sent at once, the answers go with the follow-up', async () => {
      const client = fieldsClient(optional);
      const el = await show(html`<civic-feedback topic="page:/bins" .client=${client}></civic-feedback>`);
      await rate(el, 1);
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields', 'submitFeedback']);
      expect(text(focused(el))).to.equal('Thank you, your answer has been recorded.');
      control(el, 'field-3').focus();
      await sendKeys({ type: '1e' }); // an exponent with no digits: the browser cannot read it as a number
      expect(control<HTMLInputElement>(el, 'field-3').validity.badInput).to.equal(true);
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '[data-error-summary]'));
      expect(text($(el, '[data-error-summary] li'))).to.equal('Enter a number for “How many bins?”');
      type(el, 'field-3', '3');
      root(el).querySelector<HTMLInputElement>('input[value=glass]')!.click();
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '#thanks'));
      const second = client.calls[2]!.args[0] as FeedbackRequest;
      expect(second.followUpTo).to.equal(receipt.receiptId);
      expect(second.fields).to.deep.equal([
        { code: 'hazards', values: ['glass'] },
        { code: 'count', value: '3' },
      ]);
    });

    it('shows a refusal of one answer on its field', async () => {
      const refusal = new ClientError('validation', 'attribute[bin] has a value that is not allowed', {
        status: 400,
        fieldErrors: [{ path: 'fields.bin', message: 'attribute[bin] has a value that is not allowed' }],
      });
      const client = fieldsClient([extraFields[1]!], async () => Promise.reject(refusal));
      const el = await show(html`<civic-feedback topic="t" .client=${client}></civic-feedback>`);
      click(el, 1);
      await waitUntil(() => $(el, '#field-0'));
      control<HTMLSelectElement>(el, 'field-0').value = 'black';
      root(el).querySelectorAll('form')[0]!.requestSubmit();
      await waitUntil(() => $(el, '#field-0-error'));
      expect(text($(el, '#field-0-error'))).to.equal('Error: Check Which bin?');
      expect(control<HTMLSelectElement>(el, 'field-0').value).to.equal('black');
    });

    it("renders the backend's text as text, never as HTML", async () => {
      const hostile = '<img src=x onerror="window.pwned=1">Which <b>bin</b>?';
      const client = fieldsClient([
        { code: 'a', type: 'info', label: hostile, required: false },
        { code: 'b', type: 'text', label: hostile, hint: hostile, required: false },
        { code: 'c', type: 'choice', label: 'c', required: false, options: [{ value: 'v', label: hostile }] },
      ]);
      const el = await show(html`<civic-feedback topic="t" .client=${client}></civic-feedback>`);
      await rate(el, 1);
      expect(root(el).querySelector('img, b')).to.equal(null);
      expect(text($(el, '.info'))).to.equal(hostile);
      expect(text($(el, 'label[for=field-1]'))).to.equal(hostile);
      expect((window as { pwned?: number }).pwned).to.equal(undefined);
    });

    it('goes on without them when they cannot be read', async () => {
      const client = fakeClient({
        submitFeedback: async () => delivered(receipt),
        feedbackFields: async () => Promise.reject(new ClientError('network', 'Failed to fetch')),
      });
      const el = await show(html`<civic-feedback topic="t" .client=${client}></civic-feedback>`);
      await rate(el, 0);
      expect($(el, '#field-0')).to.equal(null);
      expect(client.calls.map((c) => c.method)).to.deep.equal(['feedbackFields', 'submitFeedback']);
    });
  });
});
