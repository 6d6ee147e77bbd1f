import { Poll, PollList, PollResults, VoteReceipt } from '@civic-widgets/client/schemas';
import type { Check } from '../check.js';
import { expectAccepted, expectEqual, expectFieldErrors, expectProblem, expectShape, expectStatus } from '../expect.js';
import { ballot } from '../fixtures.js';
import { fail, skip } from '../outcome.js';
import { listChecks, statusByClockCheck, statusFilterCheck } from './lists.js';

const section = 'polls';

export const pollChecks: Check[] = [
  ...listChecks({ resource: 'polls', path: '/polls', schema: PollList, name: 'PollList', section }),
  statusFilterCheck('polls', '/polls', 'open'),
  statusByClockCheck('polls', '/polls', 'Listed polls are upcoming before opensAt, and closed from closesAt'),
  {
    id: 'polls.item',
    title: 'GET /polls/{id} answers 200 with a Poll for every listed poll',
    section,
    mode: 'read',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const listed = await fixtures.list('/polls');
      if (!listed.length) skip('the backend lists no poll');
      for (const { id } of listed) {
        const answer = await backend.get(`/polls/${id}`);
        expectStatus(answer, 200);
        expectEqual(expectShape(Poll, answer, `Poll ${id}`).id, id, 'id');
      }
    },
  },
  {
    id: 'polls.results',
    title: 'GET /polls/{id}/results follows resultsVisibility: PollResults when public, else a 403 results-hidden',
    section: 'behaviour-a-backend-must-share',
    mode: 'read',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const listed = await fixtures.list('/polls');
      if (!listed.length) skip('the backend lists no poll');
      for (const { id } of listed) {
        const poll = expectShape(Poll, await backend.get(`/polls/${id}`), `Poll ${id}`);
        const answer = await backend.get(`/polls/${id}/results`);
        const hidden =
          poll.resultsVisibility === 'never' || (poll.resultsVisibility === 'after_close' && poll.status !== 'closed');
        if (hidden) {
          expectProblem(answer, 403, 'results-hidden');
          continue;
        }
        expectStatus(answer, 200);
        const results = expectShape(PollResults, answer, `PollResults of ${id}`);
        expectEqual(results.pollId, id, 'pollId');
        expectEqual(
          results.options.map((option) => option.id).sort(),
          poll.options.map((option) => option.id).sort(),
          `option ids of ${id}`,
        );
        const shown = results.options.filter(
          (option) => option.votes !== null && option.votes < (poll.suppressBelow ?? 0),
        );
        if (shown.length) fail(`counts below suppressBelow ${poll.suppressBelow} as null`, JSON.stringify(shown));
      }
    },
  },
  {
    id: 'polls.not-found',
    title: 'GET /polls/{unknown id} answers a 404 not-found problem',
    section: 'errors',
    mode: 'read',
    resource: 'polls',
    async run({ backend }) {
      expectProblem(await backend.get(`/polls/conformance-missing-${crypto.randomUUID()}`), 404, 'not-found');
    },
  },
  {
    id: 'polls.vote',
    title: 'POST /polls/{id}/votes answers 201 with a VoteReceipt',
    section,
    mode: 'write',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const poll = await fixtures.openPoll();
      const answer = await backend.post(`/polls/${poll.id}/votes`, ballot(poll));
      expectStatus(answer, 201);
      expectShape(VoteReceipt, answer, 'VoteReceipt');
    },
  },
  {
    id: 'polls.validation',
    title: 'A vote repeating a choice is a 422 with an error at choices',
    section: 'errors',
    mode: 'write',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const poll = await fixtures.openPoll();
      const first = poll.options[0]!.id;
      const answer = await backend.post(`/polls/${poll.id}/votes`, { choices: [first, first] });
      expectFieldErrors(answer, ['choices']);
    },
  },
  {
    id: 'polls.vote-once',
    title: 'A voter token votes once: the second vote is a 409 already-voted and totalVotes grows by one',
    section,
    mode: 'write',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const poll = await fixtures.openPoll(true);
      const before = await fixtures.totalVotes(poll.id);
      const vote = ballot(poll);
      expectAccepted(await backend.post(`/polls/${poll.id}/votes`, vote));
      expectProblem(await backend.post(`/polls/${poll.id}/votes`, vote), 409, 'already-voted');
      expectEqual(await fixtures.totalVotes(poll.id), before + 1, 'totalVotes');
    },
  },
  {
    id: 'polls.honeypot',
    title: 'A vote with the honeypot `website` filled in is answered like a success and not counted',
    section: 'submissions-idempotency-and-the-honeypot',
    mode: 'write',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const poll = await fixtures.openPoll(true);
      const before = await fixtures.totalVotes(poll.id);
      const answer = await backend.post(`/polls/${poll.id}/votes`, {
        ...ballot(poll),
        website: 'https://spam.example',
      });
      expectAccepted(answer);
      expectShape(VoteReceipt, answer, 'VoteReceipt');
      expectEqual(await fixtures.totalVotes(poll.id), before, 'totalVotes');
    },
  },
  {
    id: 'polls.closed',
    title: 'A vote on a closed poll is a 409 poll-closed problem',
    section: 'errors',
    mode: 'write',
    resource: 'polls',
    async run({ backend, fixtures }) {
      const id = await fixtures.closedPollId();
      const answer = await backend.post(`/polls/${id}/votes`, ballot(await fixtures.poll(id)));
      expectProblem(answer, 409, 'poll-closed');
    },
  },
];
