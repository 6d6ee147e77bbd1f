import { ClientError, type Poll, type PollResults, type VoteReceipt } from '@civic-widgets/client';
import { exampleSeed } from '@civic-widgets/client/adapters/memory';
import { oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import { deferred, delivered, fakeClient, queued } from '../test-support/fake-client.js';
import '../define/civic-poll.js';

const seeded = exampleSeed().polls;
/** "What should we call the new riverside park?": single, results after voting, counts below 5 hidden. */
export const singlePoll: Poll = seeded[0]!;
/** "Which three areas should get more money next year?": multiple, up to 3, results always. */
export const multiplePoll: Poll = seeded[1]!;
/** "Rank the proposed bus routes": ranked, results after closing. */
export const rankedPoll: Poll = seeded[2]!;

export const upcomingPoll: Poll = { ...singlePoll, status: 'upcoming', opensAt: '2030-03-01T09:00:00Z' };
export const closedPoll: Poll = { ...rankedPoll, status: 'closed', closesAt: '2026-01-31T17:00:00Z' };

export const singleResults: PollResults = {
  pollId: singlePoll.id,
  totalVotes: 40,
  suppressBelow: 5,
  options: [
    { id: 'riverside', votes: 22 },
    { id: 'mill-meadows', votes: 15 },
    { id: 'heron-green', votes: null },
  ],
};
export const multipleResults: PollResults = {
  pollId: multiplePoll.id,
  totalVotes: 10,
  options: multiplePoll.options.map((o, i) => ({ id: o.id, votes: [6, 5, 4, 0, 9][i]! })),
};
export const rankedResults: PollResults = {
  pollId: rankedPoll.id,
  totalVotes: 12,
  options: [
    { id: 'route-a', votes: 6 },
    { id: 'route-b', votes: 4 },
    { id: 'route-c', votes: 2 },
  ],
  borda: [
    { id: 'route-a', points: 16 },
    { id: 'route-b', points: 12 },
    { id: 'route-c', points: 8 },
  ],
};
export const noVotes = (poll: Poll): PollResults => ({
  pollId: poll.id,
  totalVotes: 0,
  options: poll.options.map((o) => ({ id: o.id, votes: 0 })),
});

/** A client that knows one poll, answers results with `results` (or 403) and votes with `vote`. */
export function pollClient(poll: Poll, results?: PollResults, vote?: () => Promise<unknown>) {
  return fakeClient({
    getPoll: async () => structuredClone(poll),
    getPollResults: async () => {
      if (!results) throw new ClientError('http', 'Forbidden', { status: 403 });
      return structuredClone(results);
    },
    votePoll: vote ?? (async () => delivered<VoteReceipt>({ receiptId: 'R-2041', results })),
  });
}

const shadow = (element: HTMLElement) => element.shadowRoot!;

/** Waits until the poll is shown. */
export async function loaded(element: HTMLElement) {
  await waitUntil(() => shadow(element).querySelector('h2'), 'the poll did not load');
}

/** Chooses the first option (single), the first two (multiple) or keeps the order (ranked), then votes. */
export async function vote(element: HTMLElement) {
  await loaded(element);
  const boxes = [...shadow(element).querySelectorAll<HTMLInputElement>('input[name=choice]')].slice(0, 2);
  for (const box of boxes) if (!box.checked) box.click();
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  shadow(element).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
}

const voted = (event: string) => async (element: HTMLElement) => {
  const done = oneEvent(element, event);
  await vote(element);
  await done;
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

const poll = (client: ReturnType<typeof pollClient>) => html`<civic-poll poll-id="p" .client=${client}></civic-poll>`;

/** Every state of `<civic-poll>`; each one is checked with axe. */
export const examples: Example[] = [
  {
    name: 'loading',
    render: () => poll(fakeClient({ getPoll: () => deferred().promise }) as ReturnType<typeof pollClient>),
  },
  { name: 'single choice, open', render: () => poll(pollClient(singlePoll)), setup: loaded },
  {
    name: 'multiple choice with results always visible',
    render: () => poll(pollClient(multiplePoll, multipleResults)),
    setup: loaded,
  },
  { name: 'ranked, open', render: () => poll(pollClient(rankedPoll)), setup: loaded },
  {
    name: 'nothing chosen: error summary',
    render: () => poll(pollClient(singlePoll)),
    setup: async (element) => {
      await loaded(element);
      shadow(element).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
      await waitUntil(() => shadow(element).querySelector('[data-error-summary]'));
    },
  },
  {
    name: 'submitting',
    render: () => poll(pollClient(singlePoll, undefined, () => deferred().promise)),
    setup: vote,
  },
  {
    name: 'voted, with results and a hidden count',
    render: () => poll(pollClient(singlePoll, singleResults)),
    setup: async (element) => {
      await voted('civic-success')(element);
      await waitUntil(() => shadow(element).querySelector('.chart'));
    },
  },
  {
    name: 'voted, results as a table',
    render: () => poll(pollClient(singlePoll, singleResults)),
    setup: async (element) => {
      await voted('civic-success')(element);
      await waitUntil(() => shadow(element).querySelector('[aria-pressed]'));
      shadow(element).querySelector<HTMLButtonElement>('[aria-pressed]')!.click();
      await waitUntil(() => shadow(element).querySelector('table'));
    },
  },
  {
    name: 'ranked, voted, results after closing',
    render: () => poll(pollClient(rankedPoll)),
    setup: voted('civic-success'),
  },
  {
    name: 'queued while offline',
    render: () => poll(pollClient(singlePoll, undefined, async () => queued())),
    setup: voted('civic-queued'),
  },
  {
    name: 'already voted from this browser',
    render: () =>
      poll(
        pollClient(singlePoll, undefined, async () => {
          throw new ClientError('http', 'Conflict', {
            status: 409,
            problem: { type: 'https://civic-widgets.org/problems/already-voted', title: 'Already voted', status: 409 },
          });
        }),
      ),
    setup: voted('civic-error'),
  },
  { name: 'upcoming', render: () => poll(pollClient(upcomingPoll)), setup: loaded },
  { name: 'closed, ranked results', render: () => poll(pollClient(closedPoll, rankedResults)), setup: loaded },
  {
    name: 'closed, ranked results as a table',
    render: () => poll(pollClient(closedPoll, rankedResults)),
    setup: async (element) => {
      await loaded(element);
      shadow(element).querySelector<HTMLButtonElement>('[aria-pressed]')!.click();
    },
  },
  { name: 'no votes yet', render: () => poll(pollClient(multiplePoll, noVotes(multiplePoll))), setup: loaded },
  {
    name: 'load failed',
    render: () =>
      poll(
        fakeClient({
          getPoll: async () => {
            throw new ClientError('http', 'Not found', { status: 404 });
          },
        }) as ReturnType<typeof pollClient>,
      ),
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')).then(() => undefined),
  },
  { name: 'configuration error', render: () => html`<civic-poll poll-id="p"></civic-poll>` },
  {
    name: 'Arabic, right to left, ranked',
    render: () => html`<div lang="ar"><civic-poll poll-id="p" .client=${pollClient(rankedPoll)}></civic-poll></div>`,
    setup: async (wrapper) => loaded(wrapper.querySelector('civic-poll')!),
  },
  {
    name: 'Arabic, results',
    render: () =>
      html`<div lang="ar"><civic-poll poll-id="p" .client=${pollClient(closedPoll, rankedResults)}></civic-poll></div>`,
    setup: async (wrapper) => loaded(wrapper.querySelector('civic-poll')!),
  },
];
