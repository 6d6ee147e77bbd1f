// Each widget completed with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows and typing), on a host
// page on a second origin against the real server. Focus is followed through the shadow roots, and every target
// must be reachable by Tab from where the last step left it: a control the keyboard cannot reach fails.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { FeedbackDriver } from './drivers/feedback.js';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import { deepFocus, newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

describe('every widget completed with the keyboard alone', () => {
  let e2e: E2E;
  const pages: Record<string, string> = {};
  before(async () => {
    e2e = await startE2E();
    const widgets: Record<string, [string, string]> = {
      petition: ['civic-petition', 'petition-id="safer-crossings"'],
      single: ['civic-poll', 'poll-id="park-name"'],
      multiple: ['civic-poll', 'poll-id="budget-priorities"'],
      ranked: ['civic-poll', 'poll-id="bus-routes"'],
      feedback: ['civic-feedback', 'topic="bins" scale="stars"'],
      services: ['civic-service-locator', ''],
    };
    for (const [name, [tag, attributes]] of Object.entries(widgets)) {
      pages[name] = `/${name}.html`;
      e2e.serve(
        pages[name],
        hostPage({
          scripts: [`${e2e.apiUrl}/cdn/${tag}.js`],
          body: `<${tag} id="widget" endpoint="${e2e.endpoint}" ${attributes}></${tag}>`,
        }),
      );
    }
  });
  after(() => e2e?.close());

  /** Opens the page of `name` and waits until its widget, driven by `drive`, is ready. */
  async function open<D extends { ready: Locator }>(name: string, drive: new (widget: Locator) => D) {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(e2e.hostUrl + pages[name]);
    const widget = new drive(page.locator('#widget'));
    await widget.ready.waitFor();
    return { context, page, problems, widget };
  }

  const pollChoices = (pollId: string) =>
    e2e.db
      .selectFrom('vote_choices')
      .select(['option_id', 'rank'])
      .where('poll_id', '=', pollId)
      .orderBy('rank')
      .execute()
      .then((rows) => rows.map((row) => row.option_id));

  it('signs a petition', async () => {
    const { context, page, problems, widget } = await open('petition', PetitionDriver);
    await widget.signWithKeyboard(
      page,
      signer('katherine@example.org', { name: 'Katherine Johnson', postcode: 'LS7 4BB' }),
    );
    await widget.thanked.waitFor();
    assert.equal((await deepFocus(page)).tag, 'section', 'focus moves to the confirmation');
    const stored = await e2e.db
      .selectFrom('signatures')
      .select(['name', 'postcode'])
      .where('email', '=', 'katherine@example.org')
      .execute();
    assert.deepEqual(stored, [{ name: 'Katherine Johnson', postcode: 'LS7 4BB' }]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('votes in a single-choice poll: arrows move the choice, Enter votes', async () => {
    const { context, page, widget } = await open('single', PollDriver);
    await widget.voteWithArrows(page, 1, 'Mill Meadows');
    await widget.voted.waitFor();
    assert.deepEqual(await pollChoices('park-name'), ['mill-meadows']);
    await context.close();
  });

  it('votes for several options: Space ticks, Tab moves on', async () => {
    const { context, page, widget } = await open('multiple', PollDriver);
    await widget.voteWithSpace(page, { 'Roads and pavements': true, 'Parks and green spaces': false, Libraries: true });
    await widget.voted.waitFor();
    assert.deepEqual(await pollChoices('budget-priorities'), ['roads', 'libraries']);
    await context.close();
  });

  it('ranks the options with the move buttons, focus following the moved option', async () => {
    const { context, page, widget } = await open('ranked', PollDriver);
    await widget.moveUpWithKeyboard(page, 'C: Northfield - City centre');
    assert.equal((await deepFocus(page)).name, 'Move C: Northfield - City centre up', 'focus follows the option');
    // The same button again, where focus already is.
    await page.keyboard.press('Space');
    assert.equal((await deepFocus(page)).id, 'up-0');
    await widget.voteWithEnter(page);
    await widget.voted.waitFor();
    assert.deepEqual(await pollChoices('bus-routes'), ['route-c', 'route-a', 'route-b']);
    await context.close();
  });

  it('rates with the arrows, sends with Enter, and answers the follow-up', async () => {
    const { context, page, problems, widget } = await open('feedback', FeedbackDriver);
    await widget.rateWithArrows(page, 1, '2 out of 5 stars');
    await widget.widget.getByText('Thank you, your answer has been recorded.').waitFor();
    await widget.followUpWithKeyboard(page, {
      reasons: ['The information is out of date or wrong'],
      comment: 'The collection calendar shows last year.',
    });
    await widget.widget.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
    const rows = await e2e.db
      .selectFrom('feedback')
      .select(['rating_value', 'reasons', 'comment'])
      .where('topic', '=', 'bins')
      .execute();
    assert.deepEqual(rows, [
      { rating_value: 2, reasons: JSON.stringify(['outdated']), comment: 'The collection calendar shows last year.' },
    ]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('searches services by postcode, opens a result and comes back to it', async () => {
    // Ready once the first search, of everything, has listed a service.
    const { context, page, problems, widget } = await open('services', ServiceLocatorDriver);
    await widget.searchPostcodeWithKeyboard(page, 'LS2 7DT');
    await widget.distances.first().waitFor();
    const first = (await widget.names())[0]?.trim() ?? '';
    assert.equal(first, 'Citizens Advice Example', 'the service at that postcode comes first');
    await widget.openDetailsWithKeyboard(page, first);
    await widget.backButton.waitFor();
    assert.equal((await deepFocus(page)).id, 'details-heading', 'focus moves to the details');
    await widget.backWithKeyboard(page);
    await widget.ready.waitFor();
    assert.equal((await deepFocus(page)).name, `More about ${first}`, 'focus returns to where the reader was');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
