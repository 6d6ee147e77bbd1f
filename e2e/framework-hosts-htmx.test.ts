// The widgets on a server-rendered page whose content htmx swaps (e2e/hosts/htmx/pages.mjs): a widget removed in
// the middle of a submission loses nothing, a widget inserted later initialises, and a removed widget leaves no
// timer behind (the poll's results stop refreshing).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { FeedbackDriver } from './drivers/feedback.js';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { fragments, page as sitePage, siteScript } from './hosts/htmx/pages.mjs';
import { newPage, outboxEntries } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { until } from './support/until.js';

const htmxFile = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');

describe('the widgets on a page whose content htmx swaps', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    const site = { cdn: `${e2e.apiUrl}/cdn`, endpoint: e2e.endpoint, htmx: '/htmx/htmx.min.js' };
    e2e.serve('/htmx/htmx.min.js', { body: readFileSync(htmxFile, 'utf8'), type: 'text/javascript' });
    e2e.serve('/htmx/site.js', { body: siteScript, type: 'text/javascript' });
    for (const name of Object.keys(fragments) as (keyof typeof fragments)[]) {
      e2e.serve(`/htmx/${name}.html`, sitePage({ ...site, fragment: name }));
      e2e.serve(`/htmx/fragment-${name}.html`, fragments[name](site));
    }
  });
  after(() => e2e?.close());

  const signaturesOf = (email: string) =>
    e2e.db
      .selectFrom('signatures')
      .select('status')
      .where('petition_id', '=', 'safer-crossings')
      .where('email_key', '=', email)
      .execute();

  it('a petition swapped out while its signature is on the way: the outbox delivers it, once', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/htmx/petition.html`);
    const petition = new PetitionDriver(page.locator('civic-petition'));
    await petition.ready.waitFor();
    const email = 'htmx-swap@example.org';
    await petition.fill(signer(email));

    // Hold the signature in the network until the widget has gone, then lose it as a dropped connection would.
    let release!: () => void;
    const held = new Promise<void>((done) => {
      release = done;
    });
    await context.route('**/petitions/safer-crossings/signatures', async (route) => {
      await held;
      await route.abort('internetdisconnected');
    });
    await petition.submit();
    await page.getByRole('link', { name: 'News' }).click();
    await page.getByRole('heading', { name: 'News' }).waitFor();
    assert.equal(await page.locator('civic-petition').count(), 0, 'the petition left the page');
    release();

    await until('the signature to wait in the outbox', async () => (await outboxEntries(page)).length === 1);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    // The next widget the site shows starts the outbox, which sends what waits.
    await page.getByRole('link', { name: 'Consultation' }).click();
    await until('the outbox to empty', async () => (await outboxEntries(page)).length === 0, 10_000);
    assert.equal((await signaturesOf(email)).length, 1, 'stored once');
    assert.deepEqual(
      problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')),
      [],
    );
    await context.close();
  });

  it('a poll swapped in later initialises and votes; swapped out, its results stop refreshing', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/htmx/news.html`);
    await page.getByRole('link', { name: 'Consultation' }).click();
    const poll = new PollDriver(page.locator('civic-poll'));
    await poll.ready.waitFor();
    await poll.vote('Heron Green');
    await poll.voted.waitFor();

    const refreshes: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/polls/park-name/results')) refreshes.push(request);
    });
    await until('the results to refresh', async () => refreshes.length >= 2, 5000);

    await page.getByRole('link', { name: 'News' }).click();
    await page.getByRole('heading', { name: 'News' }).waitFor();
    const left = refreshes.length;
    await page.waitForTimeout(2500); // more than two refresh intervals
    assert.equal(refreshes.length, left, 'no refresh after the poll left the page');

    // The footer's feedback widget stayed through both swaps and still works; the site sees both successes.
    const feedback = new FeedbackDriver(page.locator('civic-feedback'));
    await feedback.rateAndWait('Yes');
    const seen = page.getByRole('list', { name: 'Events the page saw' });
    for (const line of ['civic-poll: civic-success', 'civic-feedback: civic-success'])
      await seen.getByText(line).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
