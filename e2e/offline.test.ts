// Offline, end to end: a resident submits without a connection, the submission waits in the browser's outbox
// (IndexedDB), survives a reload, and reaches the real server exactly once when the connection returns, whether
// the page is still open (the `online` event) or opened again later (the flush on load).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { newPage, outboxEntries } from './support/browser.js';
import { type E2E, serveFromCache, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';
import { until } from './support/until.js';

describe('submissions made offline reach the server once, after a reload and back online', () => {
  let e2e: E2E;
  let petitionPage: string;
  before(async () => {
    e2e = await startE2E();
    petitionPage = hostPage({
      scripts: [`${e2e.apiUrl}/cdn/civic-petition.js`],
      body: `<civic-petition endpoint="${e2e.endpoint}" petition-id="safer-crossings"></civic-petition>`,
    });
    e2e.serve('/petition.html', petitionPage);
    e2e.serve(
      '/poll.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-poll.js`],
        body: `<civic-poll endpoint="${e2e.endpoint}" poll-id="budget-priorities"></civic-poll>`,
      }),
    );
  });
  after(() => e2e?.close());

  const outbox = async (page: Page) => (await outboxEntries(page)).length;

  const signatures = () =>
    e2e.db
      .selectFrom('signatures')
      .select('email')
      .where('petition_id', '=', 'safer-crossings')
      .execute()
      .then((rows) => rows.map((row) => row.email));

  it('signs offline, reloads offline, comes back online: one signature stored, the outbox empty', async () => {
    const { context, page } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/petition.html`);
    const petition = new PetitionDriver(page.locator('civic-petition'));
    await petition.fill(signer('grace@example.org', { name: 'Grace Hopper', postcode: 'LS6 1AN' }));
    const before = (await e2e.get('/petitions/safer-crossings')).signatureCount as number;

    await context.setOffline(true);
    await petition.submit();
    await petition.queued.waitFor();
    assert.equal(await outbox(page), 1);
    assert.deepEqual(await signatures(), []);

    await serveFromCache(e2e, context, { '/petition.html': petitionPage });
    await page.reload();
    await page.locator('civic-petition [part="error"]').waitFor(); // the petition cannot load offline
    assert.equal(await outbox(page), 1, 'the signature survived the reload');
    assert.deepEqual(await signatures(), []);

    await context.setOffline(false);
    await until('the outbox to empty', async () => (await outbox(page)) === 0);
    assert.deepEqual(await signatures(), ['grace@example.org']);
    assert.equal((await e2e.get('/petitions/safer-crossings')).signatureCount, before + 1);

    // Nothing is left to send again: another visit stores nothing more.
    await context.unrouteAll();
    await page.reload();
    await petition.submitButton.waitFor();
    assert.equal(await outbox(page), 0);
    assert.deepEqual(await signatures(), ['grace@example.org']);
    await context.close();
  });

  it('votes offline, closes the page, opens it again online: the vote is delivered on load, once', async () => {
    const { context, page } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/poll.html`);
    const poll = new PollDriver(page.locator('civic-poll'));
    await poll.choose('Parks and green spaces');
    await context.setOffline(true);
    await poll.submit();
    await poll.queued.waitFor();
    assert.equal(await outbox(page), 1);
    await page.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${e2e.hostUrl}/poll.html`);
    await until('the outbox to empty', async () => (await outbox(again)) === 0);
    const votes = await e2e.db
      .selectFrom('vote_choices')
      .select('option_id')
      .where('poll_id', '=', 'budget-priorities')
      .execute();
    assert.deepEqual(votes, [{ option_id: 'parks' }]);
    assert.equal((await e2e.get('/polls/budget-priorities/results')).totalVotes, 1);
    await context.close();
  });
});
