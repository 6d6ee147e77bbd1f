// Petitions and polls end to end: the real server on one origin, a host page on another (CORS), Chromium doing
// what a resident does. Each check reads the widget's text and what the server reports and stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { newPage, waitForState } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

describe('petitions and polls embedded in a host page, against the real server', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    e2e.serve(
      '/petition.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-petition.js`],
        body: `<civic-petition endpoint="${e2e.endpoint}" petition-id="safer-crossings"></civic-petition>`,
      }),
    );
    for (const id of ['park-name', 'budget-priorities', 'bus-routes']) {
      e2e.serve(
        `/poll-${id}.html`,
        hostPage({
          scripts: [`${e2e.apiUrl}/cdn/civic-poll.js`],
          body: `<civic-poll endpoint="${e2e.endpoint}" poll-id="${id}"></civic-poll>`,
        }),
      );
    }
  });
  after(() => e2e?.close());

  async function sign(email: string) {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/petition.html`);
    const petition = new PetitionDriver(page.locator('civic-petition'));
    await petition.ready.waitFor();
    const shown = await petition.shownCount();
    await petition.sign(signer(email));
    await petition.thanked.waitFor();
    const after = await petition.shownCount();
    assert.deepEqual(problems, []);
    await context.close();
    return { shown, after };
  }

  const signatures = (emailKey: string) =>
    e2e.db
      .selectFrom('signatures')
      .select(['status', 'email'])
      .where('petition_id', '=', 'safer-crossings')
      .where('email_key', '=', emailKey)
      .execute();

  it('signs a petition: the widget, the API and the database all count one more', async () => {
    const before = (await e2e.get('/petitions/safer-crossings')).signatureCount as number;
    const { shown, after } = await sign('ada@example.org');
    assert.equal(shown, before, 'the widget shows the count the API reports');
    assert.equal(after, before + 1, 'the widget shows the new count');
    assert.equal((await e2e.get('/petitions/safer-crossings')).signatureCount, before + 1);
    assert.deepEqual(await signatures('ada@example.org'), [{ status: 'counted', email: 'ada@example.org' }]);
  });

  it('signs again with the same email, differently typed, in another browser: answered alike, counted once', async () => {
    const before = (await e2e.get('/petitions/safer-crossings')).signatureCount as number;
    const { shown, after } = await sign('  ADA@Example.org ');
    assert.equal(shown, before);
    assert.equal(after, before, 'the answer carries the unchanged count');
    assert.equal((await e2e.get('/petitions/safer-crossings')).signatureCount, before);
    assert.equal((await signatures('ada@example.org')).length, 1);
  });

  async function openPoll(id: string) {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/poll-${id}.html`);
    const widget = page.locator('civic-poll');
    const poll = new PollDriver(widget);
    await poll.ready.waitFor();
    return { context, page, problems, widget, poll };
  }

  const choices = (pollId: string) =>
    e2e.db
      .selectFrom('vote_choices')
      .select(['option_id', 'rank'])
      .where('poll_id', '=', pollId)
      .orderBy('rank')
      .execute()
      .then((rows) => rows.map((row) => `${row.rank}:${row.option_id}`));

  it('votes in a single-choice poll and sees the results, small counts hidden', async () => {
    const { context, page, problems, widget, poll } = await openPoll('park-name');
    await poll.vote('Mill Meadows');
    await poll.voted.waitFor();
    await waitForState(page, 'civic-poll', 'results-visible');
    assert.match((await widget.locator('[data-confirmation] ul').textContent()) ?? '', /Mill Meadows/);
    // suppressBelow 5: one vote is shown as "fewer than 5", never as 1.
    const table = await poll.resultsTable();
    assert.equal(table['Mill Meadows']?.[0], 'fewer than 5');
    assert.match((await widget.locator('[part="result"]').textContent()) ?? '', /1 vote in total/);
    const results = await e2e.get('/polls/park-name/results');
    assert.equal(results.totalVotes, 1);
    assert.deepEqual(await choices('park-name'), ['0:mill-meadows']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('votes in two tabs opened before either voted: the second is refused, the browser counts once', async () => {
    const votes = async () => (await choices('park-name')).length;
    const before = await votes();
    const { context, poll: first } = await openPoll('park-name');
    const second = await context.newPage();
    await second.goto(`${e2e.hostUrl}/poll-park-name.html`);
    const other = new PollDriver(second.locator('civic-poll'));
    await other.option('Heron Green').waitFor();
    await first.vote('Riverside Park');
    await first.voted.waitFor();
    await other.vote('Heron Green');
    await other.widget.getByText('You have already voted in this poll from this browser.').waitFor();
    assert.equal(await votes(), before + 1);
    await context.close();
  });

  it('votes for several options and sees each counted once', async () => {
    const { context, problems, widget, poll } = await openPoll('budget-priorities');
    // Results are always public here: none yet.
    await widget.getByText('No votes yet.').waitFor();
    await poll.vote('Roads and pavements', 'Libraries');
    await poll.voted.waitFor();
    await widget.getByText('1 vote in total.').waitFor();
    const table = await poll.resultsTable();
    assert.deepEqual(table['Roads and pavements'], ['1', '100%']);
    assert.deepEqual(table.Libraries, ['1', '100%']);
    assert.deepEqual(table['Youth services'], ['0', '0%']);
    const results = await e2e.get<{ totalVotes: number; options: { id: string; votes: number }[] }>(
      '/polls/budget-priorities/results',
    );
    assert.equal(results.totalVotes, 1);
    assert.deepEqual(
      results.options.filter((o) => o.votes > 0).map((o) => o.id),
      ['roads', 'libraries'],
    );
    assert.deepEqual((await choices('budget-priorities')).map((c) => c.split(':')[1]).sort(), ['libraries', 'roads']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ranks the options, sees "results later", and the Borda points once the poll closes', async () => {
    const { context, page, problems, widget, poll } = await openPoll('bus-routes');
    // Route C to the top: two moves up.
    await poll.moveUp('C: Northfield - City centre');
    await poll.moveUp('C: Northfield - City centre');
    await poll.vote();
    await poll.voted.waitFor();
    assert.deepEqual(await widget.locator('[data-confirmation] ol li').allInnerTexts(), [
      'C: Northfield - City centre',
      'A: Hospital - Station',
      'B: University - Retail park',
    ]);
    await widget.getByText('Results will be published when voting closes.').waitFor();
    assert.deepEqual(await choices('bus-routes'), ['0:route-c', '1:route-a', '2:route-b']);

    assert.equal((await e2e.admin('POST', '/polls/bus-routes/close')).status, 200);
    await page.reload();
    await waitForState(page, 'civic-poll', 'results-visible');
    const table = await poll.resultsTable();
    // First choices, share, points: with three options a ballot gives 2, 1 and 0 points.
    assert.deepEqual(table['C: Northfield - City centre'], ['1', '100%', '2']);
    assert.deepEqual(table['A: Hospital - Station'], ['0', '0%', '1']);
    assert.deepEqual(table['B: University - Retail park'], ['0', '0%', '0']);
    const results = await e2e.get<{ borda: { id: string; points: number }[] }>('/polls/bus-routes/results');
    assert.deepEqual(Object.fromEntries(results.borda.map((b) => [b.id, b.points])), {
      'route-a': 1,
      'route-b': 0,
      'route-c': 2,
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
