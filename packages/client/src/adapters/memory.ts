import type { Adapter } from '../adapter.js';
import { emailKey } from '../domain/email.js';
import { distanceKm } from '../domain/geo.js';
import { isOpenAt } from '../domain/hours.js';
import { tallyVotes } from '../domain/results.js';
import { petitionStatus, pollStatus } from '../domain/status.js';
import { ClientError } from '../errors.js';
import { randomUuid } from '../random.js';
import type { FieldError, Page, PageQuery } from '../schemas/common.js';
import type { FeedbackRequest } from '../schemas/feedback.js';
import type { Petition, SignatureReceipt } from '../schemas/petition.js';
import type { Poll, VoteReceipt } from '../schemas/poll.js';
import type { Service } from '../schemas/service.js';
import { type MemoryProposals, memoryProposals } from './memory-proposals.js';
import { exampleSeed, type MemorySeed } from './memory-seed.js';

export { exampleSeed, type MemorySeed } from './memory-seed.js';

export interface MemoryAdapterOptions {
  /** Starting data. Default: the "City of Example" seed. */
  seed?: MemorySeed;
  /** Clock for poll windows and opening hours. */
  now?: () => Date;
  /** Artificial latency per call, to show loading states in demos. */
  delayMs?: number;
  /** Sponsors a proposal needs before moderation. Default 5, as the reference server. */
  sponsorsNeeded?: number;
}

/** What the memory backend has stored, for tests and demos to inspect. */
export interface MemoryStored {
  signatures: { petitionId: string; email: string; name: string; receiptId: string }[];
  feedback: { receiptId: string; body: FeedbackRequest }[];
  votes: { pollId: string; choices: string[]; voterToken?: string; receiptId: string }[];
  /** Started petitions, their creators and sponsors. */
  proposals: MemoryProposals;
}

export interface MemoryAdapter extends Adapter {
  readonly stored: MemoryStored;
  readonly data: MemorySeed;
}

/** A refusal as the reference server words it: `slug` is the end of the problem type (docs/protocol.md). */
const problem = (status: number, slug: string, title: string, errors?: FieldError[]) =>
  new ClientError(status === 422 ? 'validation' : 'http', title, {
    status,
    problem: { type: `https://civic-widgets.org/problems/${slug}`, title, status, errors },
  });

function paginate<T>(items: T[], { page = 1, pageSize = 20 }: PageQuery): Page<T> {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/**
 * An in-browser backend with seeded data and the protocol's rules (one signature per email, poll windows, one
 * vote per voter token, results visibility and suppression, idempotency keys), for docs, demos and tests.
 */
export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  // exampleSeed() makes a new object on each call: only a seed the caller keeps is copied. Copying the example too
  // was on the path of every data widget's first render (structuredClone in the profile at 4x CPU).
  const data = options.seed ? structuredClone(options.seed) : exampleSeed();
  const now = options.now ?? (() => new Date());
  const answered = new Map<string, unknown>();
  const copy = <T>(value: T): T => structuredClone(value);

  async function respond<T>(compute: () => T, idempotencyKey?: string): Promise<T> {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (idempotencyKey && answered.has(idempotencyKey)) return copy(answered.get(idempotencyKey) as T);
    const value = compute();
    if (idempotencyKey) answered.set(idempotencyKey, value);
    return copy(value);
  }

  const proposals = memoryProposals({
    petitions: () => data.petitions.map((p) => ({ ...p, status: petitionStatus(p, now().getTime()) })),
    respond,
    problem,
    sponsorsNeeded: options.sponsorsNeeded ?? 5,
  });
  const stored: MemoryStored = { signatures: [], feedback: [], votes: [], proposals: proposals.kept };

  const petition = (id: string): Petition => {
    const found = data.petitions.find((p) => p.id === id);
    if (!found) throw problem(404, 'not-found', 'Petition not found');
    return found;
  };

  const poll = (id: string): Poll => {
    const found = data.polls.find((p) => p.id === id);
    if (!found) throw problem(404, 'not-found', 'Poll not found');
    return { ...found, status: pollStatus(found, now().getTime()) };
  };

  const results = (p: Poll) =>
    tallyVotes(
      p,
      stored.votes.filter((v) => v.pollId === p.id).map((v) => v.choices),
    );

  const resultsVisible = (p: Poll, hasVoted: boolean) =>
    p.resultsVisibility === 'always' ||
    (p.resultsVisibility === 'after_close' && p.status === 'closed') ||
    (p.resultsVisibility === 'after_vote' && (hasVoted || p.status === 'closed'));

  function checkChoices(p: Poll, choices: string[]) {
    const known = new Set(p.options.map((o) => o.id));
    const fail = (message: string) => {
      throw problem(422, 'validation', 'The vote is not valid', [{ path: 'choices', message }]);
    };
    if (choices.some((c) => !known.has(c))) fail('Unknown option');
    if (p.kind === 'single' && choices.length !== 1) fail('Choose exactly one option');
    if (p.kind === 'multiple' && choices.length > (p.maxChoices ?? p.options.length)) fail('Too many options chosen');
    if (p.kind === 'ranked' && choices.length !== p.options.length) fail('Rank every option');
  }

  function search(query: Parameters<Adapter['searchServices']>[0]): (Service & { distanceKm?: number })[] {
    const origin =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng }
        : query.postcode
          ? data.postcodes[query.postcode.trim().toUpperCase()]
          : undefined;
    if (query.postcode && !origin)
      throw problem(422, 'validation', 'Unknown postcode', [{ path: 'postcode', message: 'Unknown postcode' }]);
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const at = now();
    let found = data.services
      .filter((s) => !query.category || s.categories.includes(query.category))
      .filter((s) => {
        const haystack = `${s.name} ${s.description ?? ''} ${s.organization}`.toLowerCase();
        return words.every((w) => haystack.includes(w));
      })
      .filter((s) => !query.openNow || (s.hours !== undefined && isOpenAt(s.hours, at)))
      .map((s) => (origin ? { ...s, distanceKm: Math.round(distanceKm(origin, s.location) * 100) / 100 } : s));
    if (origin) {
      found = found.filter((s) => query.radiusKm === undefined || s.distanceKm! <= query.radiusKm);
      found.sort((a, b) => a.distanceKm! - b.distanceKm!);
    }
    return found;
  }

  return {
    name: 'memory',
    stored,
    data,
    ...proposals.methods,
    listPetitions: (query) =>
      respond(() => {
        const items = data.petitions
          .map((p) => ({ ...p, status: petitionStatus(p, now().getTime()) }))
          .filter((p) => !query.status || p.status === query.status);
        return paginate(
          items.map(({ id, title, summary, status, signatureCount, closesAt }) => ({
            id,
            title,
            summary,
            status,
            signatureCount,
            closesAt,
          })),
          query,
        );
      }),
    getPetition: (id) =>
      respond(() => {
        const p = petition(id);
        return { ...p, status: petitionStatus(p, now().getTime()) };
      }),
    signPetition: (id, body, ctx) =>
      respond((): SignatureReceipt => {
        const p = petition(id);
        if (petitionStatus(p, now().getTime()) !== 'open')
          throw problem(409, 'petition-closed', 'This petition is closed');
        const receiptId = randomUuid();
        const signer = emailKey(body.email);
        const signedBefore = stored.signatures.some((s) => s.petitionId === id && emailKey(s.email) === signer);
        // A second signature is answered like the first, with a receipt of its own, so that the answer does not
        // tell anyone whether an address has signed.
        if (!body.website && !signedBefore) {
          stored.signatures.push({ petitionId: id, email: body.email, name: body.name, receiptId });
          p.signatureCount += 1;
        }
        return { receiptId, status: 'counted', signatureCount: p.signatureCount };
      }, ctx.idempotencyKey),
    submitFeedback: (body, ctx) =>
      respond(() => {
        if (body.followUpTo) {
          const earlier = stored.feedback.find((f) => f.receiptId === body.followUpTo);
          if (!earlier || earlier.body.topic !== body.topic) throw problem(404, 'not-found', 'Feedback not found');
          earlier.body = { ...earlier.body, comment: body.comment, reasons: body.reasons };
          return { receiptId: earlier.receiptId };
        }
        const receiptId = randomUuid();
        if (!body.website) stored.feedback.push({ receiptId, body });
        return { receiptId };
      }, ctx.idempotencyKey),
    listPolls: (query) =>
      respond(() => {
        const items = data.polls
          .map((p) => ({ ...p, status: pollStatus(p, now().getTime()) }))
          .filter((p) => !query.status || p.status === query.status);
        return paginate(
          items.map(({ id, question, kind, status, opensAt, closesAt }) => ({
            id,
            question,
            kind,
            status,
            opensAt,
            closesAt,
          })),
          query,
        );
      }),
    getPoll: (id) => respond(() => poll(id)),
    votePoll: (id, body, ctx) =>
      respond((): VoteReceipt => {
        const p = poll(id);
        if (p.status !== 'open')
          throw p.status === 'upcoming'
            ? problem(409, 'poll-not-open', 'This poll is not open yet')
            : problem(409, 'poll-closed', 'This poll is closed');
        if (body.voterToken && stored.votes.some((v) => v.pollId === id && v.voterToken === body.voterToken)) {
          throw problem(409, 'already-voted', 'This browser has already voted');
        }
        checkChoices(p, body.choices);
        const receiptId = randomUuid();
        if (!body.website)
          stored.votes.push({ pollId: id, choices: body.choices, voterToken: body.voterToken, receiptId });
        return resultsVisible(p, true) ? { receiptId, results: results(p) } : { receiptId };
      }, ctx.idempotencyKey),
    getPollResults: (id) =>
      respond(() => {
        const p = poll(id);
        if (!resultsVisible(p, p.resultsVisibility === 'after_vote'))
          throw problem(403, 'results-hidden', 'Results are not public yet');
        return results(p);
      }),
    searchServices: (query) => respond(() => paginate(search(query), query)),
    listServiceCategories: () =>
      respond(() =>
        data.categories.map((c) => ({ ...c, count: data.services.filter((s) => s.categories.includes(c.id)).length })),
      ),
  };
}
