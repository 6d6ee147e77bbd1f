// The console's charts and preview (issue 16), end to end in real Chromium under the console's strict CSP: an
// officer reads a topic's feedback trends (each chart named, its table holding the numbers, an empty week empty),
// a consultation's results as a chart and a table, and previews a consultation as residents will see it while
// typing it, with nothing sent. Keyboard only, 320 px wide, axe in each state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addUser } from '../packages/server/src/auth/users.js';
import { newPage, tabTo } from './support/browser.js';
import { axeViolations, named, overflows, PASSWORD } from './support/console.js';
import { type E2E, startE2E } from './support/e2e.js';

const DAY = 24 * 3600_000;

describe('the console’s charts and preview', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    await addUser(e2e.db, { email: 'clerk@council.example', role: 'editor', password: PASSWORD }, new Date());
    // This week: two "yes" and one "no" on the topic; three weeks ago, four answers; the weeks between, none.
    const rows = [
      [0, 1],
      [0, 1],
      [0, 0],
      [21, 1],
      [21, 1],
      [21, 1],
      [21, 0],
    ].map(([daysAgo, value], i) => ({
      id: `trend-${i}`,
      topic: 'street-lights',
      rating_scale: 'thumbs',
      rating_value: value!,
      page_url: 'https://council.example/lights',
      created_at: new Date(Date.now() - daysAgo! * DAY - 60_000).toISOString(),
    }));
    await e2e.db.insertInto('feedback').values(rows).execute();
    const poll = await e2e.admin('POST', '/polls', {
      id: 'bridge-name',
      question: 'What should the new footbridge be called?',
      kind: 'single',
      options: [
        { id: 'heron', label: 'Heron Bridge' },
        { id: 'mill', label: 'Mill Bridge' },
      ],
      resultsVisibility: 'always',
    });
    assert.equal(poll.status, 201, poll.body);
    for (const choice of ['heron', 'heron', 'mill']) {
      const vote = await e2e.api.inject({
        method: 'POST',
        url: '/api/v1/polls/bridge-name/votes',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        payload: JSON.stringify({ choices: [choice], voterToken: crypto.randomUUID().replaceAll('-', '') }),
      });
      assert.equal(vote.statusCode, 201, vote.body);
    }
  });
  after(() => e2e?.close());

  it('an officer reads a topic’s trends, a consultation’s result chart, and previews a new one, by keyboard at 320 px', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    const changes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') changes.push(`${request.method()} ${request.url()}`);
    });
    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByLabel('Email address').fill('clerk@council.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
    changes.length = 0;

    await tabTo(page, named('Feedback trends'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Feedback trends', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Trends for all feedback, / }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'trends of all feedback');

    // A page address that is not one: said, the typed text kept, nothing asked of the server.
    await tabTo(page, named(/^Page address/));
    await page.keyboard.type('lights');
    await tabTo(page, named('Show the trends'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Write the page address in full').waitFor();
    assert.equal(await page.getByLabel(/^Page address/).inputValue(), 'lights');
    assert.deepEqual(await axeViolations(page), [], 'trends filter with an error');
    await page.getByLabel(/^Page address/).fill('');

    await tabTo(page, named('Topic (optional)'), { back: true });
    await page.keyboard.type('street-lights');
    await tabTo(page, named('Show the trends'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Trends for street-lights shown.').waitFor();
    const chart = page.getByRole('img', { name: /^Share of “yes”, by week, / });
    await chart.waitFor();
    const yes = page.getByRole('region', { name: 'Share of “yes”' });
    const rows = yes.getByRole('row');
    assert.equal(await rows.count(), 27, 'a header and 26 weeks');
    const cells = async (n: number) => (await rows.nth(n).getByRole('cell').allTextContents()).map((c) => c.trim());
    assert.deepEqual(await cells(26), ['67% (only 3)', '3'], 'this week: 2 of 3, marked as resting on few answers');
    assert.deepEqual(await cells(23), ['75% (only 4)', '4'], 'three weeks ago');
    assert.deepEqual(await cells(24), ['No answers', '0'], 'an empty week is empty, not zero');
    // The chart draws the two weeks with answers, and nothing for the empty ones.
    assert.equal(await chart.locator('rect').count(), 2);
    await page.getByRole('img', { name: /^Answers per week, by week, / }).waitFor();
    await page.getByText('No answers in these weeks: Average stars (of 5); CSAT').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'trends of one topic');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');

    // A consultation's results: a named chart, and the table with the same numbers.
    await page.getByRole('link', { name: 'Consultations' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Consultations', level: 1 }).waitFor();
    await tabTo(page, named('Results of “What should the new footbridge be called?”'));
    await page.keyboard.press('Enter');
    const results = page.getByRole('region', { name: 'Results of “What should the new footbridge be called?”' });
    const resultsChart = results.getByRole('img', {
      name: 'Bar chart of the results of “What should the new footbridge be called?”',
    });
    await resultsChart.waitFor();
    assert.match((await resultsChart.textContent()) ?? '', /Heron Bridge: 2.*Mill Bridge: 1/s);
    assert.equal(await results.getByRole('row', { name: 'Heron Bridge 2' }).count(), 1);
    assert.deepEqual(await axeViolations(page), [], 'results with their chart');

    // The preview follows the form as the officer types, through the residents' own widget.
    const preview = page.getByRole('region', { name: 'Preview: the consultation as residents will see it' });
    await preview.getByText('The preview appears once the question and two options are written.').waitFor();
    assert.equal(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => r.name.includes('preview-client')),
      ),
      false,
      'the widget is not loaded before a preview is shown',
    );
    await page.getByLabel('Question', { exact: true }).focus();
    await page.keyboard.type('Which day should the market move to?');
    await tabTo(page, named(/^Options \(one a line/));
    await page.keyboard.type('Tuesday\nThursday');
    await preview.getByRole('heading', { name: 'Which day should the market move to?' }).waitFor();
    await preview.getByRole('radio', { name: 'Thursday' }).waitFor();
    await page.keyboard.type('\nSaturday');
    await preview.getByRole('radio', { name: 'Saturday' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'consultation form with its preview');

    // A vote in the preview is the widget's whole path, counted in the page only.
    await preview.getByRole('radio', { name: 'Saturday' }).check();
    await preview.getByRole('button', { name: 'Vote' }).click();
    await preview.getByText('Thank you, your vote has been counted').waitFor();
    // The next change shows the changed poll again, not the thanks for the preview's vote.
    await page.getByLabel('Options (one a line').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nSunday');
    await preview.getByRole('radio', { name: 'Sunday' }).waitFor();
    assert.deepEqual(changes, [], 'nothing posted but signing in');
    const stored = await e2e.db.selectFrom('polls').select('id').where('question', 'like', '%market%').execute();
    assert.deepEqual(stored, []);
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');
    // The only problem: the console asking who is signed in before anyone is.
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
    );
    await context.close();
  });
});
