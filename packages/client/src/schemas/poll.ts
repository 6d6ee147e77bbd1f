import * as z from 'zod/mini';
import { int, oneOf, optionalText, page, text } from './build.js';
import { DateTime, Honeypot, Id, PageQuery, ReceiptId } from './common.js';

export const PollKind = oneOf(['single', 'multiple', 'ranked']);
export const PollStatus = oneOf(['upcoming', 'open', 'closed']);
export const ResultsVisibility = oneOf(['after_vote', 'after_close', 'always', 'never']);

export const PollOption = z.object({ id: Id, label: text(300), description: optionalText(2000) });

export const PollSummary = z.object({
  id: Id,
  question: text(500),
  kind: PollKind,
  status: PollStatus,
  opensAt: z.optional(DateTime),
  closesAt: z.optional(DateTime),
});

export const Poll = z.object({
  ...PollSummary.shape,
  description: optionalText(5000),
  options: z.array(PollOption).check(z.minLength(2), z.maxLength(50)),
  /** For `multiple`: the most options one vote may choose. */
  maxChoices: z.optional(int().check(z.gte(1), z.lte(50))),
  resultsVisibility: ResultsVisibility,
  /** Counts below this number are reported as `null` so that small groups cannot be identified. */
  suppressBelow: z.optional(int().check(z.gte(0))),
});

export const PollListQuery = z.object({ ...PageQuery.shape, status: z.optional(PollStatus) });
export const PollList = page(PollSummary);

export const VoteRequest = z.object({
  /** Option ids: one for `single`, up to `maxChoices` for `multiple`, every option in order of preference for `ranked`. */
  choices: z.array(Id).check(
    z.minLength(1),
    z.maxLength(50),
    z.refine((ids) => new Set(ids).size === ids.length, { message: 'Choices must not repeat' }),
  ),
  /** A random per-browser token: one vote per token per poll. */
  voterToken: z.optional(z.string().check(z.minLength(16), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/))),
  website: Honeypot,
});

export const OptionResult = z.object({
  id: Id,
  /** `null` when suppressed (fewer than `suppressBelow` votes). For ranked polls: first-choice votes. */
  votes: z.nullable(int().check(z.gte(0))),
});

export const PollResults = z.object({
  pollId: Id,
  totalVotes: int().check(z.gte(0)),
  options: z.array(OptionResult),
  suppressBelow: z.optional(int().check(z.gte(0))),
  /** Ranked polls: Borda points per option (n-1 for a first choice down to 0 for the last). */
  borda: z.optional(z.array(z.object({ id: Id, points: z.nullable(z.number().check(z.gte(0))) }))),
});

export const VoteReceipt = z.object({ receiptId: ReceiptId, results: z.optional(PollResults) });

export type PollKind = z.infer<typeof PollKind>;
export type PollStatus = z.infer<typeof PollStatus>;
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;
export type PollOption = z.infer<typeof PollOption>;
export type PollSummary = z.infer<typeof PollSummary>;
export type Poll = z.infer<typeof Poll>;
export type PollListQuery = z.infer<typeof PollListQuery>;
export type PollList = z.infer<typeof PollList>;
export type VoteRequest = z.infer<typeof VoteRequest>;
export type OptionResult = z.infer<typeof OptionResult>;
export type PollResults = z.infer<typeof PollResults>;
export type VoteReceipt = z.infer<typeof VoteReceipt>;
