// <civic-poll> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import { PollDriver } from '../drivers/poll.js';
import { common as commonIn, poll as pollIn } from '../drivers/strings.js';
import type { E2E } from '../support/e2e.js';
import { assertCreated, type CaseContext, switchLanguage, type WidgetStates } from './case.js';

const poll = pollIn.en;
const common = commonIn.en;
const driver = (d: CaseContext) => new PollDriver(d.widget);

/** "Voting has closed." or "Voting closed on <date>.", as the poll has a closing date or not. */
const CLOSED = /^Voting (has closed|closed on .+)\.$/;

/** Polls in the states the seed has none in: upcoming, never published, closed with votes, and two to close. */
async function setUp(e2e: E2E) {
  const yesNo = [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ];
  const single = { kind: 'single', options: yesNo, resultsVisibility: 'after_close' };
  const polls = [
    {
      ...single,
      id: 'csp-upcoming',
      question: 'Should the market move to Saturdays?',
      opensAt: '2099-01-01T09:00:00Z',
    },
    { ...single, id: 'csp-never', question: 'Should the library open later?', resultsVisibility: 'never' },
    { ...single, id: 'csp-closing', question: 'Should the bridge be painted green?' },
    {
      id: 'csp-multiple',
      question: 'Which two events should return?',
      kind: 'multiple',
      maxChoices: 2,
      options: [...yesNo, { id: 'maybe', label: 'Maybe' }],
      resultsVisibility: 'always',
    },
    {
      id: 'csp-closed-ranked',
      question: 'Rank the playground designs',
      kind: 'ranked',
      options: [
        { id: 'castle', label: 'Castle' },
        { id: 'ship', label: 'Ship' },
        { id: 'forest', label: 'Forest' },
      ],
      resultsVisibility: 'after_close',
    },
  ];
  for (const poll of polls) assertCreated(await e2e.admin('POST', '/polls', poll));
  const vote = await e2e.api.inject({
    method: 'POST',
    url: '/api/v1/polls/csp-closed-ranked/votes',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'csp-closed-ranked-vote-1' },
    payload: JSON.stringify({ choices: ['ship', 'castle', 'forest'] }),
  });
  assert.equal(vote.statusCode, 201, vote.body);
  assert.equal((await e2e.admin('POST', '/polls/csp-closed-ranked/close')).status, 200);
}

export const pollStates: WidgetStates = {
  setUp,
  cases: [
    {
      widget: 'civic-poll',
      state: 'loading',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        const release = await d.hold(/\/polls\/park-name$/);
        await d.open();
        await d.widget.getByRole('status').getByText(poll.loading).waitFor();
        release();
        await driver(d).option('Riverside Park').waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'single choice: loaded, results hidden until a vote',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        await d.open();
        await driver(d).option('Heron Green').waitFor();
        await driver(d).voteButton.waitFor();
        assert.equal(await d.widget.evaluate((el) => el.matches(':state(results-visible)')), false);
      },
    },
    {
      widget: 'civic-poll',
      state: 'invalid: no option chosen',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        await d.open();
        await driver(d).submit();
        await d.inState('user-invalid');
        await d.widget.locator('[part="error-summary"]').getByText(poll.chooseOne).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'submitting',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        const release = await d.hold(/\/votes$/, 'POST');
        await d.open();
        await driver(d).vote('Mill Meadows');
        await d.inState('submitting');
        release();
        await d.inState('submitted');
      },
    },
    {
      widget: 'civic-poll',
      state: 'voted: results as a chart, small counts suppressed',
      attrs: 'poll-id="park-name"',
      chunks: ['poll-results-view'],
      async drive(d) {
        await d.open();
        await driver(d).vote('Riverside Park');
        await driver(d).voted.waitFor();
        await d.inState('results-visible');
        await d.widget.locator('ul.chart meter').first().waitFor();
        await d.widget
          .getByText(/fewer than 5/)
          .first()
          .waitFor();
        await d.widget.getByText(/hidden to protect privacy/).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'results as a table',
      attrs: 'poll-id="park-name"',
      chunks: ['poll-results-view'],
      async drive(d) {
        await d.open();
        await driver(d).vote('Heron Green');
        await driver(d).showTable();
        await d.widget.getByRole('table').getByRole('columnheader', { name: poll.percentColumn }).waitFor();
        assert.equal(await d.widget.getByRole('button', { name: poll.showTable }).getAttribute('aria-pressed'), 'true');
      },
    },
    {
      widget: 'civic-poll',
      state: 'multiple choice: results always public, none yet',
      attrs: 'poll-id="csp-multiple"',
      chunks: ['poll-results-view'],
      async drive(d) {
        await d.open();
        await d.inState('results-visible');
        await d.widget.getByText(poll.noVotes).waitFor();
        await d.widget.getByText('Choose up to 2.').waitFor();
        await d.widget.getByText('2 choices left').waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'multiple choice: the limit reached, voted, counted once each',
      attrs: 'poll-id="budget-priorities"',
      chunks: ['poll-results-view'],
      async drive(d) {
        await d.open();
        for (const name of ['Roads and pavements', 'Libraries', 'Youth services']) {
          await driver(d).choose(name);
        }
        await d.widget.getByText('0 choices left').waitFor();
        assert.ok(await driver(d).option('Adult social care').isDisabled());
        await driver(d).submit();
        await driver(d).voted.waitFor();
        await d.widget.getByText(poll.multipleNote).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'ranked: reordered, voted, results after closing',
      attrs: 'poll-id="bus-routes"',
      chunks: ['poll-ranking'],
      async drive(d) {
        await d.open();
        await driver(d).moveUp('C: Northfield - City centre');
        await d.widget.getByText('C: Northfield - City centre is now 2 of 3.').waitFor();
        await driver(d).submit();
        await driver(d).voted.waitFor();
        await d.widget.getByText(poll.resultsLater).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'closed, with ranked results and points',
      attrs: 'poll-id="csp-closed-ranked"',
      chunks: ['poll-ranking', 'poll-results-view'],
      async drive(d) {
        await d.open();
        await d.inState('results-visible');
        await d.widget.getByText(CLOSED).waitFor();
        await d.widget.getByText(/^Points: each ballot gives 2 points/).waitFor();
        assert.equal(await driver(d).voteButton.count(), 0);
      },
    },
    {
      widget: 'civic-poll',
      state: 'not open yet',
      attrs: 'poll-id="csp-upcoming"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(/^Voting opens on .+ Come back then to have your say\.$/).waitFor();
        assert.equal(await driver(d).voteButton.count(), 0);
      },
    },
    {
      widget: 'civic-poll',
      state: 'voted where results are never published',
      attrs: 'poll-id="csp-never"',
      async drive(d) {
        await d.open();
        await driver(d).vote('Yes');
        await d.widget.getByText(poll.resultsNever).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'already voted from this browser (409)',
      body: (e2e) =>
        `<civic-poll id="first" endpoint="${e2e.endpoint}" poll-id="park-name"></civic-poll>
       <civic-poll id="again" endpoint="${e2e.endpoint}" poll-id="park-name"></civic-poll>`,
      selector: '#again',
      async drive(d) {
        await d.open();
        const first = new PollDriver(d.page.locator('#first'));
        await first.vote('Riverside Park');
        await first.voted.waitFor();
        await driver(d).vote('Heron Green');
        await d.widget.getByText(poll.alreadyVoted).first().waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'closed while the resident was voting (409)',
      attrs: 'poll-id="csp-closing"',
      async drive(d) {
        await d.open();
        await driver(d).choose('Yes');
        assert.equal((await d.e2e.admin('POST', '/polls/csp-closing/close')).status, 200);
        const refused = d.page.waitForResponse((r) => r.url().endsWith('/votes') && r.status() === 409);
        await driver(d).submit();
        await refused;
        await d.widget.getByText(CLOSED).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'offline: the vote waits in the outbox, then is sent',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        await d.open();
        await driver(d).choose('Mill Meadows');
        await d.context.setOffline(true);
        await driver(d).submit();
        await driver(d).queued.waitFor();
        await d.inState('submitted');
        await d.context.setOffline(false);
        await driver(d).voted.waitFor();
        await d.widget.getByText(common.deliveredLater).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'refused by the server (403)',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        await d.refuse(/\/votes$/, 403, 'POST');
        await d.open();
        await driver(d).vote('Mill Meadows');
        await d.widget.getByText(common.errorServer).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'not found (404)',
      attrs: 'poll-id="no-such-poll"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('alert').getByText(poll.notFound).waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'load fails (503)',
      attrs: 'poll-id="park-name"',
      async drive(d) {
        await d.refuse(/\/polls\/park-name$/, 503);
        await d.open();
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
        await driver(d).retryButton.waitFor();
      },
    },
    {
      widget: 'civic-poll',
      state: 'language switch: fr, es, ar, zh',
      attrs: 'poll-id="bus-routes"',
      chunks: ['poll-ranking'],
      async drive(d) {
        await d.open();
        await driver(d).voteButton.waitFor();
        await switchLanguage(d, (locale) => pollIn[locale].rankHint);
      },
    },
  ],
};
