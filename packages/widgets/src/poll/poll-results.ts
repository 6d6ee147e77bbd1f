import type { Poll, PollResults } from '@civic-widgets/client';

/** One option's line of the results, ready to show. `null` counts are suppressed ("fewer than N"). */
export interface ResultRow {
  id: string;
  label: string;
  votes: number | null;
  /** Share of all ballots, 0–1; `null` when the count is suppressed. */
  share: number | null;
  /** Ranked polls: Borda points, `null` when suppressed. */
  points?: number | null;
}

export interface ResultSummary {
  rows: ResultRow[];
  total: number;
  /**
   * Single and ranked polls (one counted choice per ballot): ballots whose option's count is hidden, i.e. the
   * total minus the visible counts. Multiple-choice ballots count several times, so there only the number of
   * hidden options can be said honestly (`hiddenOptions`).
   */
  hiddenVotes: number;
  hiddenOptions: number;
}

/**
 * Results as the widget shows them. Percentages are of every ballot cast (`totalVotes`), hidden ones included,
 * so a visible option's share is exact; a suppressed option gets no percentage rather than a guess.
 */
export function summarize(poll: Pick<Poll, 'kind' | 'options'>, results: PollResults): ResultSummary {
  const total = results.totalVotes;
  const votes = new Map(results.options.map((o) => [o.id, o.votes]));
  const points = new Map(results.borda?.map((b) => [b.id, b.points]));
  const rows = poll.options.map((option): ResultRow => {
    const count = votes.get(option.id) ?? null;
    const row: ResultRow = {
      id: option.id,
      label: option.label,
      votes: count,
      share: count === null ? null : total > 0 ? count / total : 0,
    };
    if (poll.kind === 'ranked') row.points = points.get(option.id) ?? null;
    return row;
  });
  const visible = rows.reduce((sum, row) => sum + (row.votes ?? 0), 0);
  const hiddenOptions = rows.filter((row) => row.votes === null).length;
  return {
    rows,
    total,
    hiddenVotes: poll.kind === 'multiple' ? 0 : Math.max(0, total - visible),
    hiddenOptions,
  };
}
