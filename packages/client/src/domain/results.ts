import type { Poll, PollResults } from '../schemas/poll.js';

/**
 * Counts ballots into results. Single and multiple polls count every choice; ranked polls count first choices
 * and Borda points (with n options, a ballot gives n-1 points to its first choice, n-2 to the second, ..., 0 to
 * the last; unranked options get nothing). Counts below `poll.suppressBelow` are replaced by `null`, and so are
 * the Borda points of those options, so that small groups of voters cannot be singled out.
 */
export function tallyVotes(
  poll: Pick<Poll, 'id' | 'kind' | 'options' | 'suppressBelow'>,
  ballots: string[][],
): PollResults {
  const votes = new Map(poll.options.map((o) => [o.id, 0]));
  const points = new Map(poll.options.map((o) => [o.id, 0]));
  const n = poll.options.length;
  for (const choices of ballots) {
    const counted = poll.kind === 'ranked' ? choices.slice(0, 1) : choices;
    for (const id of counted) votes.set(id, (votes.get(id) ?? 0) + 1);
    if (poll.kind !== 'ranked') continue;
    for (const [rank, id] of choices.entries()) points.set(id, (points.get(id) ?? 0) + (n - 1 - rank));
  }
  const threshold = poll.suppressBelow ?? 0;
  const hidden = (id: string) => (votes.get(id) ?? 0) < threshold;
  const results: PollResults = {
    pollId: poll.id,
    totalVotes: ballots.length,
    options: poll.options.map((o) => ({ id: o.id, votes: hidden(o.id) ? null : (votes.get(o.id) ?? 0) })),
  };
  if (poll.suppressBelow !== undefined) results.suppressBelow = poll.suppressBelow;
  if (poll.kind === 'ranked') {
    results.borda = poll.options.map((o) => ({ id: o.id, points: hidden(o.id) ? null : (points.get(o.id) ?? 0) }));
  }
  return results;
}
