import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tallyVotes } from '@civic-widgets/client/domain';
import { Poll, PollList, PollResults, VoteReceipt } from '@civic-widgets/client/schemas';
import { assertProblem, assertValid, newKey, testServer } from '../test-support/harness.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const token = () => `voter_${newKey().replace(/[^A-Za-z0-9_-]/g, '')}`.padEnd(16, 'x').slice(0, 128);

describe('polls', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  let clock = NOW;
  before(async () => {
    t = await testServer({ now: () => clock });
    const base = {
      kind: 'single',
      resultsVisibility: 'always',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    for (const poll of [
      { ...base, id: 'later', question: 'Later?', opensAt: '2027-01-01T00:00:00Z' },
      { ...base, id: 'over', question: 'Over?', closesAt: '2026-11-01T00:00:00Z' },
      { ...base, id: 'secret', question: 'Secret?', resultsVisibility: 'never' },
    ]) {
      assert.equal((await t.admin('POST', '/polls', poll)).statusCode, 201);
    }
  });
  after(() => t.close());

  const vote = (id: string, body: unknown) => t.post(`/api/v1/polls/${id}/votes`, body);

  it('lists polls with the status the clock gives them', async () => {
    const response = await t.get('/api/v1/polls');
    assert.equal(response.statusCode, 200);
    assertValid(PollList, response.json());
    const statuses = Object.fromEntries(
      (t.json(response).items as { id: string; status: string }[]).map((p) => [p.id, p.status]),
    );
    assert.equal(statuses.later, 'upcoming');
    assert.equal(statuses.over, 'closed');
    assert.equal(statuses['park-name'], 'open');
    const upcoming = t.json(await t.get('/api/v1/polls?status=upcoming'));
    assert.deepEqual(
      (upcoming.items as { id: string }[]).map((p) => p.id),
      ['later'],
    );
    assertProblem(await t.get('/api/v1/polls?page=0'), 422, 'validation');
  });

  it('shows a poll and 404s unknown ones', async () => {
    const response = await t.get('/api/v1/polls/budget-priorities');
    assert.equal(response.statusCode, 200);
    assertValid(Poll, response.json());
    assertProblem(await t.get('/api/v1/polls/nope'), 404, 'not-found');
    assertProblem(await t.get('/api/v1/polls/nope/results'), 404, 'not-found');
  });

  it('counts single votes, suppressing small counts', async () => {
    const first = await vote('park-name', { choices: ['riverside'], voterToken: token() });
    assert.equal(first.statusCode, 201);
    assertValid(VoteReceipt, first.json());
    const results = t.json(first).results as { options: { id: string; votes: number | null }[] };
    // park-name suppresses counts below 5: one vote is not shown.
    assert.deepEqual(
      results.options.map((o) => o.votes),
      [null, null, null],
    );
    for (let i = 0; i < 5; i++) await vote('park-name', { choices: ['riverside'], voterToken: token() });
    const after = t.json(await t.get('/api/v1/polls/park-name/results'));
    assertValid(PollResults, after);
    assert.equal(after.totalVotes, 6);
    assert.deepEqual(
      (after.options as { votes: number | null }[]).map((o) => o.votes),
      [6, null, null],
    );
  });

  it('checks the choices against the poll kind', async () => {
    const fail = async (id: string, choices: string[]) => {
      const problem = assertProblem(await vote(id, { choices }), 422, 'validation');
      assert.equal(problem.errors?.[0]?.path, 'choices');
    };
    await fail('park-name', ['riverside', 'mill-meadows']);
    await fail('park-name', ['nowhere']);
    await fail('budget-priorities', ['roads', 'parks', 'libraries', 'youth']);
    await fail('bus-routes', ['route-a']);
    assertProblem(await vote('park-name', { choices: ['riverside', 'riverside'] }), 422, 'validation');
    assertProblem(await vote('park-name', { choices: [] }), 422, 'validation');
    const stored = await t.db.selectFrom('votes').select('id').where('poll_id', '=', 'bus-routes').execute();
    assert.equal(stored.length, 0);
  });

  it('takes one vote per voter token', async () => {
    const voterToken = token();
    assert.equal((await vote('budget-priorities', { choices: ['roads'], voterToken })).statusCode, 201);
    assertProblem(await vote('budget-priorities', { choices: ['parks'], voterToken }), 409, 'already-voted');
    const rows = await t.db.selectFrom('votes').select('id').where('voter_token', '=', voterToken).execute();
    assert.equal(rows.length, 1);
  });

  it('refuses votes outside the open window', async () => {
    assertProblem(await vote('later', { choices: ['a'] }), 409, 'poll-not-open');
    assertProblem(await vote('over', { choices: ['a'] }), 409, 'poll-closed');
  });

  it('tallies multiple and ranked polls like the domain helper', async () => {
    const multiple = [['roads', 'parks'], ['parks'], ['youth', 'roads', 'libraries']];
    for (const choices of multiple) assert.equal((await vote('budget-priorities', { choices })).statusCode, 201);
    const ranked = [
      ['route-a', 'route-b', 'route-c'],
      ['route-c', 'route-a', 'route-b'],
      ['route-a', 'route-c', 'route-b'],
    ];
    for (const choices of ranked) assert.equal((await vote('bus-routes', { choices })).statusCode, 201);

    const ballots = async (pollId: string) => {
      const rows = await t.db
        .selectFrom('vote_choices')
        .select(['vote_id', 'option_id', 'rank'])
        .where('poll_id', '=', pollId)
        .orderBy('vote_id')
        .orderBy('rank')
        .execute();
      const byVote = new Map<string, string[]>();
      for (const r of rows) byVote.set(r.vote_id, [...(byVote.get(r.vote_id) ?? []), r.option_id]);
      return [...byVote.values()];
    };
    const budget = t.json(await t.get('/api/v1/polls/budget-priorities/results'));
    const budgetPoll = t.json(await t.get('/api/v1/polls/budget-priorities')) as never;
    assert.deepEqual(budget, tallyVotes(budgetPoll, await ballots('budget-priorities')));

    // Ranked results are published after the close: an administrator closes the poll.
    assertProblem(await t.get('/api/v1/polls/bus-routes/results'), 403, 'results-hidden');
    assert.equal((await t.admin('POST', '/polls/bus-routes/close')).statusCode, 200);
    const bus = t.json(await t.get('/api/v1/polls/bus-routes/results'));
    const busPoll = t.json(await t.get('/api/v1/polls/bus-routes')) as never;
    assert.deepEqual(bus, tallyVotes(busPoll, await ballots('bus-routes')));
    assert.deepEqual(bus.borda, [
      { id: 'route-a', points: 5 },
      { id: 'route-b', points: 1 },
      { id: 'route-c', points: 3 },
    ]);
    assertProblem(await vote('bus-routes', { choices: ['route-a', 'route-b', 'route-c'] }), 409, 'poll-closed');
  });

  it('never shows results of a `never` poll', async () => {
    const receipt = await vote('secret', { choices: ['a'] });
    assert.equal(receipt.statusCode, 201);
    assert.equal('results' in t.json(receipt), false);
    assertProblem(await t.get('/api/v1/polls/secret/results'), 403, 'results-hidden');
  });

  it('answers the honeypot like a success and stores nothing', async () => {
    const before = await t.db.selectFrom('votes').select('id').execute();
    const response = await vote('budget-priorities', { choices: ['roads'], website: 'spam' });
    assert.equal(response.statusCode, 201);
    assertValid(VoteReceipt, response.json());
    assert.equal((await t.db.selectFrom('votes').select('id').execute()).length, before.length);
    clock = NOW;
  });
});
