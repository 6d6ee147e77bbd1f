// Each widget completed with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows and typing), on a host
// page on a second origin against the real server. Focus is followed through the shadow roots, and every target
// must be reachable by Tab from where the last step left it: a control the keyboard cannot reach fails.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { deepFocus, type E2E, hostPage, newPage, startE2E, tabTo } from './support.js';

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
          body: `<civic-${tag.slice(6)} endpoint="${e2e.endpoint}" ${attributes}></civic-${tag.slice(6)}>`,
        }),
      );
    }
  });
  after(() => e2e?.close());

  async function open(name: string, ready: string) {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(e2e.hostUrl + pages[name]);
    await page.locator(ready).first().waitFor();
    return { context, page, problems };
  }

  const press = (page: Page, key: string) => page.keyboard.press(key);
  const type = (page: Page, text: string) => page.keyboard.type(text);

  const pollChoices = (pollId: string) =>
    e2e.db
      .selectFrom('vote_choices')
      .select(['option_id', 'rank'])
      .where('poll_id', '=', pollId)
      .orderBy('rank')
      .execute()
      .then((rows) => rows.map((row) => row.option_id));

  it('signs a petition', async () => {
    const { context, page, problems } = await open('petition', 'civic-petition form');
    await tabTo(page, (f) => f.id === 'name');
    await type(page, 'Katherine Johnson');
    await tabTo(page, (f) => f.id === 'email', { max: 1 });
    await type(page, 'katherine@example.org');
    await tabTo(page, (f) => f.id === 'postcode', { max: 1 });
    await type(page, 'LS7 4BB');
    await tabTo(page, (f) => f.id === 'consent', { max: 1 });
    await press(page, 'Space');
    await tabTo(page, (f) => f.name === 'Sign this petition');
    await press(page, 'Enter');
    await page.locator('civic-petition').getByRole('heading', { name: 'Thank you for signing' }).waitFor();
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
    const { context, page } = await open('single', 'civic-poll form');
    await tabTo(page, (f) => f.type === 'radio');
    await press(page, 'Space');
    await press(page, 'ArrowDown');
    assert.equal((await deepFocus(page)).name, 'Mill Meadows');
    await tabTo(page, (f) => f.name === 'Vote');
    await press(page, 'Enter');
    await page.locator('civic-poll').getByRole('heading', { name: 'Thank you, your vote has been counted' }).waitFor();
    assert.deepEqual(await pollChoices('park-name'), ['mill-meadows']);
    await context.close();
  });

  it('votes for several options: Space ticks, Tab moves on', async () => {
    const { context, page } = await open('multiple', 'civic-poll form');
    await tabTo(page, (f) => f.name === 'Roads and pavements');
    await press(page, 'Space');
    await tabTo(page, (f) => f.name === 'Parks and green spaces', { max: 1 });
    await tabTo(page, (f) => f.name === 'Libraries', { max: 1 });
    await press(page, 'Space');
    await tabTo(page, (f) => f.name === 'Vote');
    await press(page, 'Enter');
    await page.locator('civic-poll').getByRole('heading', { name: 'Thank you, your vote has been counted' }).waitFor();
    assert.deepEqual(await pollChoices('budget-priorities'), ['roads', 'libraries']);
    await context.close();
  });

  it('ranks the options with the move buttons, focus following the moved option', async () => {
    const { context, page } = await open('ranked', 'civic-poll form');
    await tabTo(page, (f) => f.name === 'Move C: Northfield - City centre up');
    await press(page, 'Enter');
    assert.equal((await deepFocus(page)).name, 'Move C: Northfield - City centre up', 'focus follows the option');
    await press(page, 'Space');
    assert.equal((await deepFocus(page)).id, 'up-0');
    await tabTo(page, (f) => f.name === 'Vote');
    await press(page, 'Enter');
    await page.locator('civic-poll').getByRole('heading', { name: 'Thank you, your vote has been counted' }).waitFor();
    assert.deepEqual(await pollChoices('bus-routes'), ['route-c', 'route-a', 'route-b']);
    await context.close();
  });

  it('rates with the arrows, sends with Enter, and answers the follow-up', async () => {
    const { context, page, problems } = await open('feedback', 'civic-feedback civic-rating');
    await tabTo(page, (f) => f.role === 'radio');
    await press(page, 'ArrowRight');
    assert.equal((await deepFocus(page)).name, '2 out of 5 stars');
    await press(page, 'Enter');
    const widget = page.locator('civic-feedback');
    await widget.getByText('Thank you, your answer has been recorded.').waitFor();
    await tabTo(page, (f) => f.name === 'The information is out of date or wrong');
    await press(page, 'Space');
    await tabTo(page, (f) => f.id === 'comment');
    await type(page, 'The collection calendar shows last year.');
    await tabTo(page, (f) => f.name === 'Send');
    await press(page, 'Enter');
    await widget.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
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
    const { context, page, problems } = await open('services', 'civic-service-locator form');
    const widget = page.locator('civic-service-locator');
    await widget.locator('#r0').waitFor(); // the first search, of everything
    await tabTo(page, (f) => f.id === 'postcode');
    await type(page, 'LS2 7DT');
    await press(page, 'Enter');
    await widget
      .getByText(/km away/)
      .first()
      .waitFor();
    const first = (await widget.locator('#r0').textContent())?.trim() ?? '';
    assert.equal(first, 'Citizens Advice Example', 'the service at that postcode comes first');
    await tabTo(page, (f) => f.name === `More about ${first}`);
    await press(page, 'Enter');
    await widget.getByRole('button', { name: 'Back to the list' }).waitFor();
    assert.equal((await deepFocus(page)).id, 'details-heading', 'focus moves to the details');
    await tabTo(page, (f) => f.name === 'Back to the list', { back: true });
    await press(page, 'Enter');
    await widget.locator('#r0').waitFor();
    assert.equal((await deepFocus(page)).name, `More about ${first}`, 'focus returns to where the reader was');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
