import { randomUUID } from 'node:crypto';
import { pollStatus as statusByClock } from '@civic-widgets/client/domain';
import type {
  Poll,
  PollListQuery,
  PollOption,
  PollResults,
  PollStatus,
  PollSummary,
  VoteReceipt,
  VoteRequest,
} from '@civic-widgets/client/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PollTable } from '../db/schema.js';
import { HttpProblem, invalid, notFound } from '../http/problems.js';
import { utc } from './dates.js';
import { compact, fromJson } from './json.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The status a resident sees: an administrator's close wins, then the window decides. */
export function pollStatus(row: Pick<PollTable, 'status' | 'opens_at' | 'closes_at'>, now: Date): PollStatus {
  return statusByClock({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now.getTime());
}

export function toPoll(row: Selectable<PollTable>, now: Date): Poll {
  return compact({
    id: row.id,
    question: row.question,
    kind: row.kind,
    status: pollStatus(row, now),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    description: row.description,
    options: fromJson<PollOption[]>(row.options),
    maxChoices: row.max_choices,
    resultsVisibility: row.results_visibility,
    suppressBelow: row.suppress_below,
  }) as Poll;
}

export async function getPoll(db: Db, id: string, now: Date): Promise<Poll> {
  const row = await db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Poll');
  return toPoll(row, now);
}

/** Status depends on the clock, so the filter runs on the (few) polls after reading them. */
export async function listPolls(db: Db, query: PollListQuery, now: Date) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const rows = await db.selectFrom('polls').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const all: PollSummary[] = rows
    .map((row) => toPoll(row, now))
    .filter((poll) => !query.status || poll.status === query.status)
    .map(({ id, question, kind, status, opensAt, closesAt }) =>
      compact({ id, question, kind, status, opensAt, closesAt }),
    );
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

/**
 * Whether results may be shown. The server cannot tell who voted, so `after_vote` results are public to
 * anyone who asks (the widget shows them only after a vote, as the memory adapter does); `never` stays hidden
 * from the public API and is for administrators' exports.
 */
export function resultsVisible(poll: Poll): boolean {
  switch (poll.resultsVisibility) {
    case 'always':
    case 'after_vote':
      return true;
    case 'after_close':
      return poll.status === 'closed';
    case 'never':
      return false;
  }
}

function checkChoices(poll: Poll, choices: string[]) {
  const known = new Set(poll.options.map((o) => o.id));
  const fail = (message: string, code: string) => {
    throw invalid('The vote is not valid', [{ path: 'choices', message, code }]);
  };
  if (choices.some((c) => !known.has(c))) fail('Unknown option', 'unknown_option');
  if (poll.kind === 'single' && choices.length !== 1) fail('Choose exactly one option', 'too_many');
  if (poll.kind === 'multiple' && choices.length > (poll.maxChoices ?? poll.options.length)) {
    fail(`Choose at most ${poll.maxChoices ?? poll.options.length} options`, 'too_many');
  }
  if (poll.kind === 'ranked' && choices.length !== poll.options.length) fail('Rank every option', 'too_few');
}

/** Checks the window, the voter token and the choices, then stores one ballot. */
export async function vote(
  trx: Transaction<Database>,
  pollId: string,
  body: VoteRequest,
  now: Date,
): Promise<VoteReceipt> {
  const poll = await getPoll(trx, pollId, now);
  if (poll.status === 'upcoming') {
    throw new HttpProblem(409, 'poll-not-open', 'This poll is not open yet', {
      detail: poll.opensAt ? `Voting opens at ${poll.opensAt}.` : undefined,
    });
  }
  if (poll.status === 'closed') throw new HttpProblem(409, 'poll-closed', 'This poll is closed');
  checkChoices(poll, body.choices);
  const receiptId = randomUUID();
  const inserted = await trx
    .insertInto('votes')
    .values({ id: receiptId, poll_id: pollId, voter_token: body.voterToken ?? null, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['poll_id', 'voter_token']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw new HttpProblem(409, 'already-voted', 'This browser has already voted');
  }
  await trx
    .insertInto('vote_choices')
    .values(body.choices.map((option_id, rank) => ({ vote_id: receiptId, poll_id: pollId, option_id, rank })))
    .execute();
  return resultsVisible(poll) ? { receiptId, results: await tally(trx, poll) } : { receiptId };
}

/**
 * Counts in the database rather than loading every ballot. Same rules as `tallyVotes` in the client's domain
 * helpers (tests compare the two): first choices count for ranked polls, Borda points n-1 down to 0,
 * counts under `suppressBelow` become null along with their points.
 */
export async function tally(db: Db, poll: Poll): Promise<PollResults> {
  const n = poll.options.length;
  const { total } = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('poll_id', '=', poll.id)
    .executeTakeFirstOrThrow();
  let counts = db
    .selectFrom('vote_choices')
    .select((eb) => ['option_id', eb.fn.countAll<number>().as('votes')])
    .where('poll_id', '=', poll.id);
  if (poll.kind === 'ranked') counts = counts.where('rank', '=', 0);
  const byOption = new Map((await counts.groupBy('option_id').execute()).map((r) => [r.option_id, Number(r.votes)]));
  const threshold = poll.suppressBelow ?? 0;
  const hidden = (id: string) => (byOption.get(id) ?? 0) < threshold;
  const results: PollResults = {
    pollId: poll.id,
    totalVotes: Number(total),
    options: poll.options.map((o) => ({ id: o.id, votes: hidden(o.id) ? null : (byOption.get(o.id) ?? 0) })),
  };
  if (poll.suppressBelow !== undefined) results.suppressBelow = poll.suppressBelow;
  if (poll.kind === 'ranked') {
    const points = await db
      .selectFrom('vote_choices')
      .select((eb) => ['option_id', eb.fn.countAll<number>().as('ranked'), eb.fn.sum<number>('rank').as('ranks')])
      .where('poll_id', '=', poll.id)
      .groupBy('option_id')
      .execute();
    // Each ballot ranking an option gives it (n-1-rank) points: summed, ranked*(n-1) - sum(rank).
    const byId = new Map(points.map((p) => [p.option_id, Number(p.ranked) * (n - 1) - Number(p.ranks)]));
    results.borda = poll.options.map((o) => ({ id: o.id, points: hidden(o.id) ? null : (byId.get(o.id) ?? 0) }));
  }
  return results;
}

/** The fields an administrator sets; the status a resident sees is computed from them (see `pollStatus`). */
export type PollInput = Omit<Poll, 'status'> & { status?: 'open' | 'closed' };

function checkPoll(poll: Pick<Poll, 'kind' | 'options' | 'maxChoices' | 'opensAt' | 'closesAt'>) {
  const errors = [];
  if (new Set(poll.options.map((o) => o.id)).size !== poll.options.length) {
    errors.push({ path: 'options', message: 'Option ids must be unique', code: 'duplicate' });
  }
  if (poll.maxChoices !== undefined && poll.kind !== 'multiple') {
    errors.push({ path: 'maxChoices', message: 'Only multiple-choice polls have maxChoices', code: 'not_allowed' });
  }
  if (poll.opensAt && poll.closesAt && Date.parse(poll.opensAt) >= Date.parse(poll.closesAt)) {
    errors.push({ path: 'closesAt', message: 'Closes before it opens', code: 'too_small' });
  }
  if (errors.length) throw invalid('The poll is not valid', errors);
}

const pollColumns = (input: Partial<PollInput>) =>
  compact({
    question: input.question,
    description: input.description,
    kind: input.kind,
    status: input.status,
    opens_at: utc(input.opensAt, 'opensAt'),
    closes_at: utc(input.closesAt, 'closesAt'),
    options: input.options && JSON.stringify(input.options),
    max_choices: input.maxChoices,
    results_visibility: input.resultsVisibility,
    suppress_below: input.suppressBelow,
  });

export async function createPoll(trx: Transaction<Database>, input: PollInput, now: Date): Promise<Poll> {
  checkPoll(input);
  const exists = await trx.selectFrom('polls').select('id').where('id', '=', input.id).executeTakeFirst();
  if (exists) throw new HttpProblem(409, 'exists', 'A poll with this id exists');
  await trx
    .insertInto('polls')
    .values({
      id: input.id,
      question: input.question,
      description: input.description ?? null,
      kind: input.kind,
      status: input.status ?? 'open',
      opens_at: utc(input.opensAt, 'opensAt') ?? null,
      closes_at: utc(input.closesAt, 'closesAt') ?? null,
      options: JSON.stringify(input.options),
      max_choices: input.maxChoices ?? null,
      results_visibility: input.resultsVisibility,
      suppress_below: input.suppressBelow ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return getPoll(trx, input.id, now);
}

/** Kind and options cannot change once someone voted: the stored ballots would no longer mean the same. */
export async function updatePoll(trx: Transaction<Database>, id: string, input: Partial<PollInput>, now: Date) {
  const current = await getPoll(trx, id, now);
  checkPoll({ ...current, ...input });
  if (input.kind !== undefined || input.options !== undefined) {
    const voted = await trx.selectFrom('votes').select('id').where('poll_id', '=', id).limit(1).executeTakeFirst();
    if (voted) throw new HttpProblem(409, 'poll-has-votes', 'Kind and options cannot change after the first vote');
  }
  await trx
    .updateTable('polls')
    .set({ ...pollColumns(input), updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return getPoll(trx, id, now);
}
