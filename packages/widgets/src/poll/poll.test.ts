import { ClientError, type Poll, type VoteRequest } from '@civic-widgets/client';
import { tallyVotes } from '@civic-widgets/client/domain';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { deferred, delivered, fakeClient, outboxEvent, queued } from '../test-support/fake-client.js';
import { sendKeys } from '../test-support/keys.js';
import {
  closedPoll,
  examples,
  loaded,
  multiplePoll,
  multipleResults,
  noVotes,
  pollClient,
  rankedPoll,
  rankedResults,
  singlePoll,
  singleResults,
  upcomingPoll,
} from './poll.examples.js';
import type { CivicPoll } from './poll.js';
import { pollCatalog } from './poll.strings.js';
import { summarize } from './poll-results.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const all = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (el: HTMLElement, selector: string) => all(el, selector).map(text);
const active = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;
const dateTime = (iso: string, lang = 'en') =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

async function show(poll: Poll, ...rest: Parameters<typeof pollClient> extends [Poll, ...infer R] ? R : never) {
  const client = pollClient(poll, ...rest);
  const el = await fixture<CivicPoll>(html`<civic-poll poll-id=${poll.id} .client=${client}></civic-poll>`);
  await loaded(el);
  await el.updateComplete;
  return { el, client };
}

const voteBody = (client: ReturnType<typeof pollClient>) =>
  client.calls.find((call) => call.method === 'votePoll')?.args[1] as VoteRequest | undefined;

describe('<civic-poll>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
    localStorage.clear();
  });

  describeExamples(examples);
  checkCatalog('poll', pollCatalog);

  it('votes in a single-choice poll by keyboard alone, with a voter token kept for this poll', async () => {
    const { el, client } = await show(singlePoll, singleResults);
    expect(client.calls[0]).to.deep.equal({ method: 'getPoll', args: ['park-name'] });
    expect(
      client.calls.some((c) => c.method === 'getPollResults'),
      'after_vote: no results before voting',
    ).to.equal(false);
    expect(text($(el, 'h2'))).to.equal('What should we call the new riverside park?');
    const radios = all<HTMLInputElement>(el, 'input[type=radio]');
    expect(radios.map((r) => r.labels?.[0]?.textContent)).to.deep.equal([
      'Riverside Park',
      'Mill Meadows',
      'Heron Green',
    ]);
    expect(text($(el, 'legend'))).to.equal(singlePoll.question);
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' }); // the radio group moves and selects
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(el, '[part=submit-button]'));
    const success = oneEvent(el, 'civic-success');
    await sendKeys({ press: 'Enter' });
    await success;
    await el.updateComplete;
    const body = voteBody(client)!;
    expect(body.choices).to.deep.equal(['mill-meadows']);
    expect(body.voterToken).to.match(/^[0-9a-f]{32}$/);
    expect(JSON.parse(localStorage.getItem('civic-poll:rest:park-name')!)).to.include({
      token: body.voterToken,
      receiptId: 'R-2041',
    });
    const done = $(el, '[data-confirmation]')!;
    expect(active(el)).to.equal(done);
    expect(text(done.querySelector('h3'))).to.equal('Thank you, your vote has been counted');
    expect(texts(el, '[data-confirmation] li')).to.deep.equal(['Mill Meadows']);
    expect(text(done)).to.contain('Your receipt number: R-2041');
    expect($(el, 'form'), 'no second vote').to.equal(null);
    await waitUntil(() => $(el, '.chart'), 'results after voting');
    expect(texts(el, '.chart li')[0]).to.equal('Riverside Park 22 votes (55%)');
  });

  it('remembers the vote on the next visit: confirmation and results instead of the form, same token', async () => {
    localStorage.setItem(
      'civic-poll:rest:park-name',
      JSON.stringify({ token: 'a'.repeat(32), receiptId: 'R-1', choices: ['riverside'] }),
    );
    const { el, client } = await show(singlePoll, singleResults);
    expect($(el, 'form')).to.equal(null);
    expect(texts(el, '[data-confirmation] li')).to.deep.equal(['Riverside Park']);
    expect(active(el), 'no focus stolen on page load').to.equal(null);
    expect(client.calls.map((c) => c.method)).to.deep.equal(['getPoll', 'getPollResults']);
    expect($(el, '.chart')).to.exist;
  });

  it('remembers an already-voted answer on the next visit, without taking focus', async () => {
    localStorage.setItem('civic-poll:rest:park-name', JSON.stringify({ token: 'b'.repeat(32), voted: true }));
    const { el } = await show(singlePoll, singleResults);
    expect($(el, 'form')).to.equal(null);
    expect(text($(el, '[data-confirmation]'))).to.equal('You have already voted in this poll from this browser.');
    expect(active(el)).to.equal(null);
    expect($(el, '.chart'), 'after_vote results').to.exist;
  });

  it('uses the token another tab or widget of the poll made after this one loaded, so the browser counts once', async () => {
    // Both load before either votes (two tabs, or the poll twice on a page): neither has a token yet.
    const first = await show(singlePoll);
    const second = await show(singlePoll);
    for (const { el } of [first, second]) {
      $<HTMLInputElement>(el, 'input[type=radio]')!.click();
      const success = oneEvent(el, 'civic-success');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      await success;
    }
    const token = voteBody(first.client)!.voterToken;
    expect(token).to.match(/^[0-9a-f]{32}$/);
    expect(voteBody(second.client)!.voterToken, 'the stored token, not a new one').to.equal(token);
    expect(JSON.parse(localStorage.getItem('civic-poll:rest:park-name')!).token).to.equal(token);
  });

  it('votes without a token when storage is unavailable', async () => {
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('denied', 'SecurityError'));
    const { el, client } = await show(singlePoll);
    $<HTMLInputElement>(el, 'input[type=radio]')!.click();
    const success = oneEvent(el, 'civic-success');
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await success;
    expect(voteBody(client)).to.deep.equal({ choices: ['riverside'] });
    await waitUntil(() => client.calls.filter((c) => c.method === 'getPoll').length === 2, 'reload after voting');
    await el.updateComplete;
    expect(text($(el, '[data-confirmation] h3'))).to.equal('Thank you, your vote has been counted');
  });

  it('asks for a choice before sending anything', async () => {
    const { el, client } = await show(singlePoll);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[data-error-summary]'));
    expect(texts(el, '[data-error-summary] li')).to.deep.equal(['Choose at least one option']);
    expect(active(el)).to.equal($(el, '[data-error-summary]'));
    expect(voteBody(client)).to.equal(undefined);
  });

  it('multiple: enforces and announces maxChoices, by keyboard alone', async () => {
    const { el, client } = await show(multiplePoll, multipleResults);
    const boxes = () => all<HTMLInputElement>(el, 'input[type=checkbox]');
    const left = () => text($(el, 'p[aria-live=polite]'));
    expect(text($(el, 'fieldset .hint'))).to.equal('Choose up to 3.');
    expect(left()).to.equal('3 choices left');
    boxes()[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(left()).to.equal('1 choice left');
    expect(boxes().some((b) => b.disabled)).to.equal(false);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(left()).to.equal('0 choices left');
    expect(boxes().map((b) => b.disabled)).to.deep.equal([false, false, false, true, true]);
    // Tab skips the disabled boxes and reaches the vote button.
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(el, '[part=submit-button]'));
    // Unticking one frees the others again.
    boxes()[1]!.click();
    await el.updateComplete;
    expect(boxes().map((b) => b.disabled)).to.deep.equal([false, false, false, false, false]);
    expect(left()).to.equal('1 choice left');
    boxes()[4]!.click();
    await el.updateComplete;
    const success = oneEvent(el, 'civic-success');
    $(el, '[part=submit-button]')!.focus();
    await sendKeys({ press: 'Enter' });
    await success;
    expect(voteBody(client)!.choices).to.deep.equal(['roads', 'libraries', 'social-care']);
  });

  it('ranked: moves by buttons with clear names, announces the rank, keeps focus, votes in that order', async () => {
    const { el, client } = await show(rankedPoll);
    const order = () => texts(el, '.ranking .label').map((t) => t.replace(/ \(.*\)$/, ''));
    const status = () => text($(el, 'fieldset [role=status]'));
    expect(order()).to.deep.equal([
      'A: Hospital - Station',
      'B: University - Retail park',
      'C: Northfield - City centre',
    ]);
    // The accessible name is the hidden text: the arrow is aria-hidden.
    const names = all(el, '.ranking button .visually-hidden').map(text);
    expect(names.slice(0, 2)).to.deep.equal(['Move A: Hospital - Station up', 'Move A: Hospital - Station down']);
    expect(all(el, '.ranking button [aria-hidden=true]')).to.have.length(6);
    expect(text($(el, '.ranking li'))).to.contain('(1 of 3)');
    // Keyboard: Tab to "Move C down"... start from the first control and walk to C's up button.
    $<HTMLButtonElement>(el, '#up-2')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order()).to.deep.equal([
      'A: Hospital - Station',
      'C: Northfield - City centre',
      'B: University - Retail park',
    ]);
    expect(status()).to.equal('C: Northfield - City centre is now 2 of 3.');
    expect(active(el)?.id).to.equal('up-1');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order()[0]).to.equal('C: Northfield - City centre');
    expect(status()).to.equal('C: Northfield - City centre is now 1 of 3.');
    expect(active(el)?.id).to.equal('up-0');
    expect($(el, '#up-0')!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' }); // already first: nothing moves
    expect(order()[0]).to.equal('C: Northfield - City centre');
    await sendKeys({ press: 'Tab' }); // C down
    await sendKeys({ press: 'Tab' }); // A up
    await sendKeys({ press: 'Tab' }); // A down
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(order()).to.deep.equal([
      'C: Northfield - City centre',
      'B: University - Retail park',
      'A: Hospital - Station',
    ]);
    expect(active(el)?.id).to.equal('down-2');
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(el, '[part=submit-button]'));
    const success = oneEvent(el, 'civic-success');
    await sendKeys({ press: 'Enter' });
    await success;
    await el.updateComplete;
    expect(voteBody(client)!.choices).to.deep.equal(['route-c', 'route-b', 'route-a']);
    expect(all(el, '[data-confirmation] ol li').map(text)).to.deep.equal([
      'C: Northfield - City centre',
      'B: University - Retail park',
      'A: Hospital - Station',
    ]);
    expect(text($(el, 'article'))).to.contain('Results will be published when voting closes.');
  });

  it('ranked: reorders by dragging with a pointer', async () => {
    const { el, client } = await show(rankedPoll);
    const items = all(el, '.ranking li');
    const transfer = new DataTransfer();
    items[2]!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: transfer }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    items[0]!.dispatchEvent(over);
    expect(over.defaultPrevented, 'a drop target').to.equal(true);
    items[0]!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await el.updateComplete;
    expect(text($(el, '.ranking li .label'))).to.contain('C: Northfield - City centre');
    expect(text($(el, 'fieldset [role=status]'))).to.equal('C: Northfield - City centre is now 1 of 3.');
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => voteBody(client));
    expect(voteBody(client)!.choices).to.deep.equal(['route-c', 'route-a', 'route-b']);
  });

  describe('open window, with a fixed clock', () => {
    it('upcoming: says when it opens, in the reader’s time zone, and shows no form', async () => {
      sinon.useFakeTimers({ now: Date.parse('2030-02-01T12:00:00Z'), toFake: ['Date'] });
      const { el } = await show(upcomingPoll);
      expect(text($(el, 'p[part=status]'))).to.equal(
        `Voting opens on ${dateTime('2030-03-01T09:00:00Z')}. Come back then to have your say.`,
      );
      expect($(el, 'form')).to.equal(null);
    });

    it('open, then closed by the clock alone: closing time, no form, results', async () => {
      const poll = { ...multiplePoll, closesAt: '2030-06-30T16:00:00Z' };
      const clock = sinon.useFakeTimers({ now: Date.parse('2030-06-30T15:59:00Z'), toFake: ['Date'] });
      const first = await show(poll, multipleResults);
      expect(text($(first.el, 'p[part=status]'))).to.equal(`Voting closes on ${dateTime(poll.closesAt)}.`);
      expect($(first.el, 'form')).to.exist;
      clock.setSystemTime(Date.parse('2030-06-30T16:00:00Z'));
      const later = await show(poll, multipleResults);
      expect(text($(later.el, 'p[part=status]'))).to.equal(`Voting closed on ${dateTime(poll.closesAt)}.`);
      expect($(later.el, 'form')).to.equal(null);
      expect($(later.el, '.chart')).to.exist;
    });

    it('opens on a past opensAt: the form is there', async () => {
      sinon.useFakeTimers({ now: Date.parse('2030-03-01T09:00:00Z'), toFake: ['Date'] });
      const { el } = await show({ ...upcomingPoll, status: 'open' });
      expect($(el, 'form')).to.exist;
    });

    it('times follow the reader’s language', async () => {
      const client = pollClient(closedPoll, rankedResults);
      const wrapper = await fixture(html`<div lang="fr"><civic-poll poll-id="x" .client=${client}></civic-poll></div>`);
      const el = wrapper.querySelector('civic-poll')!;
      await loaded(el);
      await el.updateComplete;
      expect(text($(el, 'p[part=status]'))).to.equal(
        `Le vote s’est terminé le ${dateTime(closedPoll.closesAt!, 'fr')}.`,
      );
    });
  });

  describe('results', () => {
    it('single with suppression: "fewer than 5", no percentage, and how many votes are hidden', async () => {
      localStorage.setItem('civic-poll:rest:park-name', JSON.stringify({ receiptId: 'R', choices: ['riverside'] }));
      const { el } = await show(singlePoll, singleResults);
      expect(texts(el, '.chart li')).to.deep.equal([
        'Riverside Park 22 votes (55%)',
        'Mill Meadows 15 votes (38%)',
        'Heron Green fewer than 5 (hidden)',
      ]);
      expect(all<HTMLMeterElement>(el, 'meter').map((m) => m.value)).to.deep.equal([0.55, 0.375, 0]);
      expect(text($(el, '[part=result]')))
        .to.contain('40 votes in total.')
        .and.contain('3 votes are hidden to protect privacy: counts below 5 are not shown.');
    });

    it('shows the same numbers in a real table instead of the chart', async () => {
      localStorage.setItem('civic-poll:rest:park-name', JSON.stringify({ receiptId: 'R', choices: ['riverside'] }));
      const { el } = await show(singlePoll, singleResults);
      const toggle = $<HTMLButtonElement>(el, '[aria-pressed]')!;
      expect([text(toggle), toggle.getAttribute('aria-pressed')]).to.deep.equal(['Show as a table', 'false']);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '.chart')).to.equal(null);
      expect(texts(el, 'thead th')).to.deep.equal(['Option', 'Votes', 'Percentage']);
      expect(all(el, 'tbody tr').map((tr) => [...tr.children].map(text))).to.deep.equal([
        ['Riverside Park', '22', '55%'],
        ['Mill Meadows', '15', '38%'],
        ['Heron Green', 'fewer than 5', 'hidden'],
      ]);
      expect(all(el, 'tbody th').every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    });

    it('multiple: shares of voters, a note that they add past 100%, hidden options counted', async () => {
      const results = {
        ...multipleResults,
        suppressBelow: 5,
        options: multipleResults.options.map((o) => ({ ...o, votes: o.votes! < 5 ? null : o.votes })),
      };
      const { el } = await show(multiplePoll, results);
      expect(texts(el, '.chart li')).to.deep.equal([
        'Roads and pavements 6 votes (60%)',
        'Parks and green spaces 5 votes (50%)',
        'Libraries fewer than 5 (hidden)',
        'Youth services fewer than 5 (hidden)',
        'Adult social care 9 votes (90%)',
      ]);
      expect(text($(el, '[part=result]')))
        .to.contain('2 options have hidden counts to protect privacy: counts below 5 are not shown.')
        .and.contain('percentages add up to more than 100%');
    });

    it('ranked: first choices and Borda points with the explanation', async () => {
      const { el } = await show(closedPoll, rankedResults);
      expect(texts(el, '.chart li')[0]).to.equal('A: Hospital - Station 6 first choices (50%) · 16 points');
      expect(text($(el, '[part=result]'))).to.contain(
        'Points: each ballot gives 2 points to its first choice, one fewer to each next choice, and none to its last.',
      );
      $<HTMLButtonElement>(el, '[aria-pressed]')!.click();
      await el.updateComplete;
      expect(texts(el, 'thead th')).to.deep.equal(['Option', 'First choices', 'Percentage', 'Points']);
      expect([...$(el, 'tbody tr')!.children].map(text)).to.deep.equal(['A: Hospital - Station', '6', '50%', '16']);
    });

    it('zero votes: says so, with no chart', async () => {
      const { el } = await show(multiplePoll, noVotes(multiplePoll));
      expect(text($(el, '[part=result]'))).to.equal('Results No votes yet.');
      expect($(el, 'meter')).to.equal(null);
    });

    it('never: no results request, and says results are not published once closed', async () => {
      const { el, client } = await show({ ...closedPoll, resultsVisibility: 'never' });
      expect(client.calls.map((c) => c.method)).to.deep.equal(['getPoll']);
      expect(text($(el, 'article'))).to.contain('The organisers do not publish results for this poll.');
    });

    it('refreshes the results of an open poll while they are shown, and not those of a closed one', async () => {
      let total = singleResults.totalVotes;
      const live = () => ({ ...singleResults, totalVotes: ++total });
      localStorage.setItem('civic-poll:rest:park-name', JSON.stringify({ receiptId: 'R', choices: ['riverside'] }));
      const client = fakeClient({
        getPoll: async () => structuredClone(singlePoll),
        getPollResults: async () => live(),
      });
      const el = await fixture<CivicPoll>(
        html`<civic-poll poll-id=${singlePoll.id} refresh-interval="0.05" .client=${client}></civic-poll>`,
      );
      await waitUntil(() => text($(el, '[part=result]'))?.includes('votes in total'), 'no results');
      await waitUntil(() => client.calls.filter((c) => c.method === 'getPollResults').length >= 3, 'no refresh');
      await waitUntil(() => !text($(el, '[part=result]'))?.includes('41 votes in total.'), 'results not updated');
      el.refreshInterval = 0;
      await el.updateComplete;
      const calls = client.calls.length;
      await aTimeout(150);
      expect(client.calls.length, 'refreshing off').to.equal(calls);

      const closed = pollClient(closedPoll, rankedResults);
      await fixture(html`<civic-poll poll-id=${closedPoll.id} refresh-interval="0.05" .client=${closed}></civic-poll>`);
      await aTimeout(200);
      expect(closed.calls.map((c) => c.method)).to.deep.equal(['getPoll', 'getPollResults']);
    });

    it('a 403 for results leaves the poll usable', async () => {
      const { el } = await show({ ...multiplePoll }, undefined);
      expect($(el, 'form')).to.exist;
      expect($(el, '[part=result]')).to.equal(null);
    });
  });

  describe('summarize(): percentages and hidden votes on worked examples', () => {
    const ballots = (spec: [string[], number][]) =>
      spec.flatMap(([choices, n]) => Array(n).fill(choices) as string[][]);
    it('single, nothing hidden: shares of all ballots', () => {
      const poll = { ...singlePoll, suppressBelow: undefined };
      const results = tallyVotes(
        poll,
        ballots([
          [['riverside'], 3],
          [['heron-green'], 1],
        ]),
      );
      const s = summarize(poll, results);
      expect(s.rows.map((r) => r.share)).to.deep.equal([0.75, 0, 0.25]);
      expect([s.hiddenVotes, s.hiddenOptions]).to.deep.equal([0, 0]);
    });
    it('single with suppressBelow 5: hidden votes are the total minus the visible counts', () => {
      const poll = { ...singlePoll, suppressBelow: 5 };
      const results = tallyVotes(
        poll,
        ballots([
          [['riverside'], 6],
          [['mill-meadows'], 4],
          [['heron-green'], 1],
        ]),
      );
      const s = summarize(poll, results);
      expect(s.rows.map((r) => [r.votes, r.share])).to.deep.equal([
        [6, 6 / 11],
        [null, null],
        [null, null],
      ]);
      expect([s.total, s.hiddenVotes, s.hiddenOptions]).to.deep.equal([11, 5, 2]);
    });
    it('multiple: shares of voters may add past 1; hidden votes are not guessed', () => {
      const poll = { ...multiplePoll, suppressBelow: 2 };
      const results = tallyVotes(
        poll,
        ballots([
          [['roads', 'parks'], 2],
          [['roads', 'youth'], 1],
        ]),
      );
      const s = summarize(poll, results);
      expect(s.rows.map((r) => r.share)).to.deep.equal([1, 2 / 3, null, null, null]);
      expect([s.hiddenVotes, s.hiddenOptions]).to.deep.equal([0, 3]);
    });
    it('ranked: first-choice shares and Borda points, hidden together', () => {
      const poll = { ...rankedPoll, suppressBelow: 2 };
      const results = tallyVotes(
        poll,
        ballots([
          [['route-a', 'route-b', 'route-c'], 3],
          [['route-b', 'route-c', 'route-a'], 2],
          [['route-c', 'route-b', 'route-a'], 1],
        ]),
      );
      const s = summarize(poll, results);
      expect(s.rows.map((r) => [r.votes, r.points])).to.deep.equal([
        [3, 6],
        [2, 8],
        [null, null],
      ]);
      expect(s.hiddenVotes).to.equal(1);
    });
    it('zero ballots: 0% rather than NaN', () => {
      const poll = { ...singlePoll, suppressBelow: undefined };
      const s = summarize(poll, tallyVotes(poll, []));
      expect(s.rows.map((r) => r.share)).to.deep.equal([0, 0, 0]);
    });
  });

  describe('voting outcomes', () => {
    it('already voted: a clear message, no form, and results when visible after voting', async () => {
      const { el, client } = await show(singlePoll, singleResults, async () => {
        throw new ClientError('http', 'Conflict', {
          status: 409,
          problem: { type: 'https://civic-widgets.org/problems/already-voted', title: 'x', status: 409 },
        });
      });
      $<HTMLInputElement>(el, 'input[type=radio]')!.click();
      const error = oneEvent(el, 'civic-error');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      expect((await error).detail.error.status).to.equal(409);
      await waitUntil(() => $(el, '.chart'), 'results after an already-voted answer');
      expect($(el, 'form')).to.equal(null);
      expect(text($(el, '[data-confirmation]'))).to.equal('You have already voted in this poll from this browser.');
      expect(active(el)).to.equal($(el, '[data-confirmation]'));
      expect(client.calls.map((c) => c.method)).to.include('getPollResults');
    });

    it('a closed poll at voting time: says so and reloads', async () => {
      const { el, client } = await show(singlePoll, undefined, async () => {
        throw new ClientError('http', 'Conflict', {
          status: 409,
          problem: { type: 'https://civic-widgets.org/problems/poll-closed', title: 'x', status: 409 },
        });
      });
      $<HTMLInputElement>(el, 'input[type=radio]')!.click();
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      await waitUntil(() => $(el, 'form [role=alert]'));
      expect(text($(el, 'form [role=alert]'))).to.equal('This poll has closed, so your vote could not be counted.');
      expect(client.calls.filter((c) => c.method === 'getPoll')).to.have.length(2);
    });

    it('queued offline: keeps the form hidden, then shows the receipt when delivered later', async () => {
      const { el, client } = await show(singlePoll, undefined, async () => queued('q-1'));
      $<HTMLInputElement>(el, 'input[type=radio]')!.click();
      const queuedEvent = oneEvent(el, 'civic-queued');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      await queuedEvent;
      await el.updateComplete;
      expect(text($(el, '[data-confirmation] h3'))).to.equal('Your vote will be sent');
      expect($<HTMLFormElement>(el, 'form')!.hidden).to.equal(true);
      outboxEvent(client, 'delivered', 'q-1', { receipt: { receiptId: 'R-9', results: singleResults } });
      await el.updateComplete;
      expect(text($(el, '[data-confirmation]'))).to.contain('Your receipt number: R-9');
      await waitUntil(() => $(el, '.chart'), 'the results of the receipt');
    });

    it('blocks a second submission while one is in flight', async () => {
      const pending = deferred<unknown>();
      const { el, client } = await show(singlePoll, undefined, () => pending.promise);
      $<HTMLInputElement>(el, 'input[type=radio]')!.click();
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      await el.updateComplete;
      expect(client.calls.filter((c) => c.method === 'votePoll')).to.have.length(1);
      pending.resolve(delivered({ receiptId: 'R-3' }));
    });
  });

  it('end to end with the memory adapter: votes, sees results, and a second vote with the same token is refused', async () => {
    const mount = async () => {
      const el = await fixture<CivicPoll>(html`<civic-poll adapter="memory" poll-id="budget-priorities"></civic-poll>`);
      await waitUntil(() => $(el, 'form'), 'the memory poll did not load', { timeout: 3000 });
      return el;
    };
    const el = await mount();
    for (const box of all<HTMLInputElement>(el, 'input[type=checkbox]').slice(0, 2)) box.click();
    await el.updateComplete;
    const success = oneEvent(el, 'civic-success');
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await success;
    await waitUntil(() => texts(el, '.chart li')[0] === 'Roads and pavements 1 vote (100%)', 'results', {
      timeout: 3000,
    });
    // Same browser, confirmation forgotten but token kept: the backend refuses, the widget says why.
    const key = 'civic-poll:memory:budget-priorities';
    const { token } = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ token }));
    const again = await mount();
    all<HTMLInputElement>(again, 'input[type=checkbox]')[2]!.click();
    const refused = oneEvent(again, 'civic-error');
    $<HTMLButtonElement>(again, '[part=submit-button]')!.click();
    await refused;
    await waitUntil(() => $(again, '[data-confirmation]'));
    expect(text($(again, '[data-confirmation]'))).to.equal('You have already voted in this poll from this browser.');
  });

  it('renders option labels, question and description holding markup as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const poll: Poll = {
      ...multiplePoll,
      question: `Q ${payload}`,
      description: payload,
      options: multiplePoll.options.map((o) => ({ ...o, label: `${o.label} ${payload}` })),
    };
    const { el } = await show(poll, multipleResults);
    expect(all(el, 'img, script')).to.have.length(0);
    expect(all<HTMLInputElement>(el, 'input[type=checkbox]')[0]!.labels![0]!.textContent).to.equal(
      `Roads and pavements ${payload}`,
    );
    expect(texts(el, '.chart .label')[0]).to.equal(`Roads and pavements ${payload}`);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('Arabic: right to left, with Arabic names for the move buttons', async () => {
    const wrapper = await fixture(
      html`<div lang="ar"><civic-poll poll-id="x" .client=${pollClient(rankedPoll)}></civic-poll></div>`,
    );
    const el = wrapper.querySelector('civic-poll')!;
    await loaded(el);
    await el.updateComplete;
    expect($(el, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    // Server text keeps its own direction: an English question is not mangled by the Arabic layout.
    expect($(el, 'h2')!.getAttribute('dir')).to.equal('auto');
    expect(all(el, '.ranking .label bdi').map(text)[0]).to.equal('A: Hospital - Station');
    expect(getComputedStyle($(el, '.ranking')!).direction).to.equal('rtl');
    expect(text($(el, '#up-0 .visually-hidden'))).to.equal('انقل A: Hospital - Station إلى الأعلى');
    expect(text($(el, '[part=submit-button]'))).to.equal('صوّت');
  });
});
