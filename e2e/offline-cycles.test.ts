// Offline, again and again, end to end. One resident goes offline, submits, reloads the page while offline (once
// or twice) and comes back online, 50 times in one browser; three tabs of one browser, sharing one outbox, submit
// offline and come back online at the same moment, 10 times. The page and the CDN files come from a cache, as a
// service worker would serve them; the API's reads need the network, so a widget loaded offline shows its error,
// and back online the resident presses "Try again". What must hold: every submission stored exactly once, the
// server never answering one idempotency key twice, the outbox (IndexedDB, read directly) empty, no script error.
//
// The timing varies with a seeded random source: the seed is printed, and `OFFLINE_SEED=<seed>` repeats a run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { FeedbackDriver } from './drivers/feedback.js';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { newPage, outboxEntries, problemsOf } from './support/browser.js';
import { type E2E, serveFromCache, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';
import { until } from './support/until.js';

const CYCLES = 50;
const ROUNDS = 10;
const SEED = Number(process.env.OFFLINE_SEED) || Math.floor(Math.random() * 2 ** 31);

/** mulberry32: a small, fast generator whose whole state is one number, so a seed repeats a run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One submission a test makes, and what the server must then hold for it. */
type Item =
  | { kind: 'signature'; name: string; email: string }
  /** A rating made offline: a feedback row on its own topic, without a comment. */
  | { kind: 'rating'; topic: string; value: number }
  /** A rating sent online, then its follow-up made offline: the row gets the comment. */
  | { kind: 'follow-up'; topic: string; value: number; comment: string }
  | { kind: 'vote'; pollId: string; label: string; optionId: string };

/** What one load of the host page shows: the petition, feedback on `topic`, and perhaps a poll. */
interface PageSpec {
  topic: string;
  pollId?: string;
}

const POLL_VOTES: Item[] = [
  { kind: 'vote', pollId: 'park-name', label: 'Mill Meadows', optionId: 'mill-meadows' },
  { kind: 'vote', pollId: 'budget-priorities', label: 'Parks and green spaces', optionId: 'parks' },
];

describe('offline, reload, back online, again and again; three tabs back online at once', () => {
  let e2e: E2E;
  const random = seeded(SEED);
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;

  before(async () => {
    e2e = await startE2E();
    console.log(`offline cycles: seed ${SEED} (run again with OFFLINE_SEED=${SEED})`);
  });
  after(() => e2e?.close());

  function html(spec: PageSpec) {
    return hostPage({
      scripts: ['civic-petition', 'civic-feedback', ...(spec.pollId ? ['civic-poll'] : [])].map(
        (name) => `${e2e.apiUrl}/cdn/${name}.js`,
      ),
      body: `<civic-petition endpoint="${e2e.endpoint}" petition-id="safer-crossings"></civic-petition>
        <civic-feedback endpoint="${e2e.endpoint}" topic="${spec.topic}" scale="stars"></civic-feedback>
        ${spec.pollId ? `<civic-poll endpoint="${e2e.endpoint}" poll-id="${spec.pollId}"></civic-poll>` : ''}`,
    });
  }

  /**
   * Counts the answers the server gave to submissions, per idempotency key: a request that failed on the way
   * (the browser going offline under it) does not count, one the server answered does, replayed or not.
   */
  function countAnswers(context: BrowserContext) {
    const answers = new Map<string, number>();
    context.on('response', (response) => {
      const request = response.request();
      if (request.method() !== 'POST' || !request.url().startsWith(e2e.endpoint)) return;
      const key = request.headers()['idempotency-key'] ?? '(none)';
      answers.set(key, (answers.get(key) ?? 0) + 1);
    });
    return answers;
  }

  /**
   * The submissions in the outbox. Not the client's storage check, a `__probe__` entry written and removed as a
   * page starts (and left for the next page to remove when a reload cuts it short).
   */
  const outboxSize = async (page: Page) =>
    (await outboxEntries(page)).filter((entry) => (entry as { id: string }).id !== '__probe__').length;

  /** Waits for the outbox to empty; when it does not, the failure says what is left and which locks are held. */
  async function waitForEmptyOutbox(page: Page, when: string) {
    try {
      await until(`${when}: the outbox to empty`, async () => (await outboxSize(page)) === 0, 10_000);
    } catch (error) {
      const left = JSON.stringify(await outboxEntries(page));
      const held = await page.evaluate(async () => (await navigator.locks.query()).held?.map((lock) => lock.name));
      assert.fail(`${(error as Error).message}; left: ${left}; locks held: ${held?.join(', ') || 'none'}`);
    }
  }

  const petitionIn = (page: Page) => new PetitionDriver(page.locator('civic-petition'));
  const feedbackIn = (page: Page) => new FeedbackDriver(page.locator('civic-feedback'));
  const pollIn = (page: Page) => new PollDriver(page.locator('civic-poll'));

  /** Fills in and sends one item in `page`, as a resident would. */
  async function submit(page: Page, item: Item) {
    switch (item.kind) {
      case 'signature':
        return petitionIn(page).sign(signer(item.email, { name: item.name, postcode: 'LS6 1AN' }));
      case 'rating': {
        const feedback = feedbackIn(page);
        return feedback.rate(feedback.rating.names.stars(item.value));
      }
      case 'follow-up':
        // The rating went out online before (rateOnline); this is the offline part.
        return feedbackIn(page).followUp({ comment: item.comment });
      case 'vote':
        return pollIn(page).vote(item.label);
    }
  }

  /** The widget's confirmation for `item`: kept for later, or sent (when the connection came back first). */
  function confirmation(page: Page, item: Item): Locator {
    switch (item.kind) {
      case 'signature':
        return petitionIn(page).confirmed;
      case 'rating': {
        // Kept: the thank-you. Sent (a retry found the connection back): "recorded" and the follow-up question.
        const feedback = feedbackIn(page);
        return feedback.thanked.or(feedback.recorded).first();
      }
      case 'follow-up':
        return feedbackIn(page).thanked;
      case 'vote':
        return pollIn(page).confirmed;
    }
  }

  /** What the widgets show and what the outbox holds, for a failure's message. */
  async function shown(page: Page) {
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('civic-petition, civic-feedback, civic-poll')].map(
        (widget) => `${widget.localName}: ${widget.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim()}`,
      ),
    );
    return `\n${texts.join('\n')}\noutbox: ${JSON.stringify(await outboxEntries(page))}`;
  }

  /** The first half of a follow-up: the rating, sent online, and the widget's follow-up question. */
  async function rateOnline(page: Page, item: Item & { kind: 'follow-up' }) {
    const feedback = feedbackIn(page);
    await feedback.rateAndWait(feedback.rating.names.stars(item.value));
  }

  /** Back online, the resident presses "Try again" in each widget that could not load while offline. */
  async function tryAgain(page: Page) {
    for (const [driver, ready] of [
      [petitionIn(page), petitionIn(page).ready],
      [pollIn(page), pollIn(page).voteButton],
    ] as const) {
      if ((await driver.widget.count()) === 0) continue;
      await ready.or(driver.retryButton).waitFor();
      if (await driver.retryButton.isVisible()) await driver.tryAgain();
      await ready.waitFor();
    }
  }

  /** Fails unless the server holds `item` exactly once. */
  async function assertStoredOnce(item: Item, when: string) {
    switch (item.kind) {
      case 'signature': {
        const rows = await e2e.db
          .selectFrom('signatures')
          .select(['name', 'email'])
          .where('email', '=', item.email)
          .execute();
        assert.deepEqual(rows, [{ name: item.name, email: item.email }], `${when}: signature of ${item.email}`);
        return;
      }
      case 'rating':
      case 'follow-up': {
        const rows = await e2e.db
          .selectFrom('feedback')
          .select(['rating_value', 'comment'])
          .where('topic', '=', item.topic)
          .execute();
        const comment = item.kind === 'follow-up' ? item.comment : null;
        assert.deepEqual(rows, [{ rating_value: item.value, comment }], `${when}: feedback on ${item.topic}`);
        return;
      }
      case 'vote': {
        const rows = await e2e.db
          .selectFrom('vote_choices')
          .select('option_id')
          .where('poll_id', '=', item.pollId)
          .execute();
        assert.deepEqual(rows, [{ option_id: item.optionId }], `${when}: vote in ${item.pollId}`);
        return;
      }
    }
  }

  /** Every submission the tests make is in the server exactly once, and nothing else was stored. */
  async function assertAllStoredOnce(items: Item[], tag: string) {
    for (const item of items) await assertStoredOnce(item, 'at the end');
    const signatures = await e2e.db
      .selectFrom('signatures')
      .select('email')
      .where('email', 'like', `%@${tag}.example`)
      .execute();
    assert.equal(signatures.length, items.filter((item) => item.kind === 'signature').length, 'signatures');
    const feedback = await e2e.db.selectFrom('feedback').select('id').where('topic', 'like', `${tag}-%`).execute();
    assert.equal(feedback.length, items.filter((item) => item.kind !== 'signature' && item.kind !== 'vote').length);
  }

  /** Fails unless every item got an answer (Playwright reports them a little later), and no key two. */
  async function assertAnsweredOnce(answers: Map<string, number>, expected: number) {
    await until(`${expected} answers (${answers.size} so far)`, async () => answers.size >= expected);
    const twice = [...answers].filter(([, count]) => count > 1);
    assert.deepEqual(twice, [], 'submissions the server was asked for twice (same idempotency key)');
  }

  /** How one cycle goes: what is sent, how many reloads, and when the connection comes back. */
  interface Plan {
    items: Item[];
    reloads: 1 | 2;
    /** With two reloads: the second starts once the widgets' scripts ran, cutting their start short. */
    interrupt: boolean;
    /** `submitted`: right after the click, racing the submission; `reloading`: during the (last) reload. */
    online: 'submitted' | 'reloading' | 'reloaded';
    delayMs: number;
  }

  function plan(cycle: number): Plan {
    const topic = `cycle-${cycle}`;
    const signature: Item = {
      kind: 'signature',
      name: `Resident ${cycle}`,
      email: `resident-${cycle}@cycle.example`,
    };
    const value = 1 + Math.floor(random() * 5);
    const feedback = pick<Item>([
      { kind: 'rating', topic, value },
      { kind: 'follow-up', topic, value, comment: `Cycle ${cycle}: the bins were not collected on time.` },
    ]);
    const items = pick<Item[]>([[signature], [signature], [feedback], [signature, feedback]]);
    // A poll takes one vote per browser: each poll gets one, in a cycle of its own choosing.
    if (cycle === 7) items.push(POLL_VOTES[0]!);
    if (cycle === 29) items.push(POLL_VOTES[1]!);
    const online = pick(['submitted', 'reloading', 'reloading', 'reloaded', 'reloaded'] as const);
    return {
      items,
      reloads: random() < 0.3 ? 2 : 1,
      interrupt: random() < 0.5,
      online,
      delayMs: Math.floor(random() * (online === 'submitted' ? 40 : 250)),
    };
  }

  const specOf = (cycle: number, p: Plan): PageSpec => ({
    topic: `cycle-${cycle}`,
    pollId: p.items.find((item) => item.kind === 'vote')?.pollId,
  });

  it(`${CYCLES} cycles of offline, submit, reload offline (once or twice), back online: each item stored once`, async () => {
    const { context, page, problems } = await newPage(e2e);
    context.setDefaultTimeout(10_000);
    const answers = countAnswers(context);
    const plans = Array.from({ length: CYCLES + 1 }, (_, cycle) => plan(cycle));
    let current = specOf(0, plans[0]!);
    await serveFromCache(e2e, context, { '/cycles.html': () => html(current) });
    await page.goto(`${e2e.hostUrl}/cycles.html`);
    await tryAgain(page); // each cycle starts with its widgets shown, as the previous cycle leaves them

    const sent: Item[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const p = plans[cycle]!;
      const when = `cycle ${cycle} (${p.items.map((item) => item.kind).join('+')}, ${p.reloads} reload(s)${
        p.reloads === 2 && p.interrupt ? ', interrupted' : ''
      }, online when ${p.online} +${p.delayMs} ms; seed ${SEED})`;
      for (const item of p.items) if (item.kind === 'follow-up') await rateOnline(page, item);

      await context.setOffline(true);
      for (const [i, item] of p.items.entries()) {
        await submit(page, item);
        if (p.online === 'submitted' && i === p.items.length - 1) {
          await sleep(p.delayMs);
          await context.setOffline(false);
        }
        await confirmation(page, item)
          .waitFor()
          .catch(async (error: Error) => assert.fail(`${when}, ${item.kind}: ${error.message}${await shown(page)}`));
      }
      sent.push(...p.items);
      if (p.online === 'submitted') {
        // Sent by the `online` event (or at once, when it came first), not left for the next page load.
        await waitForEmptyOutbox(page, `${when}, before the reload`);
      } else {
        assert.equal(await outboxSize(page), p.items.length, `${when}: kept in the outbox`);
      }

      // The next load of the page is the next cycle's: its own feedback topic, its poll.
      current = specOf(cycle + 1, plans[cycle + 1]!);
      if (p.reloads === 2) await page.reload({ waitUntil: p.interrupt ? 'domcontentloaded' : 'load' });
      if (p.online === 'reloading') {
        const reloading = page.reload();
        await sleep(p.delayMs);
        await context.setOffline(false);
        await reloading;
      } else {
        await page.reload();
      }
      if (p.online === 'reloaded') {
        await page.locator('civic-petition [part="error"]').waitFor(); // it cannot load offline
        assert.equal(await outboxSize(page), p.items.length, `${when}: still in the outbox after the reload`);
        await context.setOffline(false);
      }

      await waitForEmptyOutbox(page, when);
      for (const item of p.items) await assertStoredOnce(item, when);
      await tryAgain(page);
    }

    await assertAllStoredOnce(sent, 'cycle');
    await assertAnsweredOnce(answers, sent.length);
    assert.deepEqual(await outboxEntries(page), [], 'the outbox is empty, probe and all');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it(`${ROUNDS} rounds of three tabs submitting offline and coming back online at once: each item stored once`, async () => {
    const { context, page: first, problems } = await newPage(e2e);
    context.setDefaultTimeout(10_000);
    const answers = countAnswers(context);
    let round = 0;
    // Each tab's feedback has a topic of its own (from the page's address), so its row can be told apart.
    await serveFromCache(e2e, context, {
      '/tabs.html': (url) => html({ topic: `tabs-${round}-${url.searchParams.get('tab')}` }),
    });
    const tabs = [first, await context.newPage(), await context.newPage()];
    const problemsOfOthers = tabs.slice(1).map(problemsOf);
    await Promise.all(tabs.map((tab, i) => tab.goto(`${e2e.hostUrl}/tabs.html?tab=${i}`)));

    const sent: Item[] = [];
    for (; round < ROUNDS; round++) {
      if (round > 0) await Promise.all(tabs.map((tab) => tab.reload()));
      await Promise.all(tabs.map((tab) => petitionIn(tab).ready.waitFor()));
      const items = tabs.map((_, i) => {
        const mine: Item[] = [
          { kind: 'signature', name: `Tab ${i} of round ${round}`, email: `tab-${round}-${i}@tabs.example` },
        ];
        if (random() < 0.5)
          mine.push({ kind: 'rating', topic: `tabs-${round}-${i}`, value: 1 + Math.floor(random() * 5) });
        return random() < 0.5 ? mine : mine.reverse();
      });
      const when = `round ${round} (${items.map((mine) => mine.length).join('+')} items; seed ${SEED})`;

      await context.setOffline(true);
      // One tab after the other, each brought to the front as a resident would: Chromium throttles the frames of a
      // tab in the background, which makes Playwright's clicks there take seconds.
      for (const [i, tab] of tabs.entries()) {
        await tab.bringToFront();
        for (const item of items[i]!) {
          await submit(tab, item);
          await confirmation(tab, item).waitFor();
        }
      }
      const all = items.flat();
      assert.equal(await outboxSize(first), all.length, `${when}: one outbox, shared by the tabs`);

      await context.setOffline(false); // fires `online` in every tab at once
      await waitForEmptyOutbox(first, when);
      for (const item of all) await assertStoredOnce(item, when);
      sent.push(...all);
    }

    await assertAllStoredOnce(sent, 'tabs');
    await assertAnsweredOnce(answers, sent.length);
    assert.deepEqual(await outboxEntries(first), [], 'the outbox is empty, probe and all');
    assert.deepEqual([...problems, ...problemsOfOthers.flat()], []);
    await context.close();
  });
});
