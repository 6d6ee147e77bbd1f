// A backend double for the hostile-content suite: a `fetch` that answers the REST protocol with bodies that pass
// the client's schemas but carry XSS vectors in every free-text field. The real client (rest adapter, zod
// schemas) sits between it and the widgets, as in production.
import {
  type CivicClient,
  createClient,
  type FeedbackField,
  memoryOutboxStore,
  type Petition,
  Petition as PetitionSchema,
  type Poll,
  type PollKind,
  PollResults as PollResultsSchema,
  Poll as PollSchema,
  type Problem,
  Problem as ProblemSchema,
  restAdapter,
  type Service,
  type ServiceCategory,
  ServiceCategoryList,
  ServiceList,
} from '@civic-widgets/client';
import * as z from 'zod/mini';
import { type VectorFeed, XSS_VECTORS } from './xss-vectors.js';

export const ENDPOINT = 'https://hostile.test/v1';

/** What the double answers to one request: a JSON body with a status, or a thrown error (network failure). */
export type Answer = { status: number; body: unknown } | Error;
export type Handler = (request: { method: string; path: string; body: unknown }) => Answer | undefined;

/** A `fetch` that asks `handler` for each request (404 problem when it has no answer). */
export function routedFetch(handler: Handler): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const answer = handler({ method, path: url.pathname.replace(/^\/v1/, ''), body }) ?? {
      status: 404,
      body: { type: 'about:blank', title: 'Not found', status: 404 },
    };
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
}

/** A real client on the double, with a memory outbox, no retries and, optionally, the backend's extra questions. */
export function hostileClient(handler: Handler, feedbackFields?: FeedbackField[]): CivicClient {
  const fetch = routedFetch(handler);
  const rest = restAdapter({ endpoint: ENDPOINT, fetch });
  const adapter = feedbackFields ? { ...rest, feedbackFields: async () => structuredClone(feedbackFields) } : rest;
  return createClient({
    endpoint: ENDPOINT,
    adapter,
    outbox: memoryOutboxStore(),
    autoFlush: false,
    retry: { retries: 0 },
    timeoutMs: 2000,
  });
}

/** Throws when `value` would not pass `schema`: the double must be valid by protocol, or widgets show an error. */
function valid<T>(schema: z.core.$ZodType<T>, value: T): T {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new Error(`The hostile double broke the protocol: ${JSON.stringify(result.error.issues)}`);
  return value;
}

/** All vectors, split into consecutive chunks of at most `max` characters, one vector per line. */
export function chunks(max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const { text } of XSS_VECTORS) {
    if (current && current.length + 1 + text.length > max) {
      out.push(current);
      current = text;
    } else current = current ? `${current}\n${text}` : text;
  }
  if (current) out.push(current);
  return out;
}

/**
 * An `https:` URL that passes the protocol's `HttpUrl` (no whitespace) yet carries markup: the next vector without
 * whitespace, after the host or as part of it.
 */
export function hostileHttpUrl(feed: VectorFeed, round: number): string {
  for (let i = 0; i < XSS_VECTORS.length; i++) {
    const text = feed.one();
    if (!/\s/.test(text)) return round % 2 ? `https://civic.example/${text}` : `https://civic.example${text}`;
  }
  return 'https://civic.example/"><img/src/onerror=__xss(-1)>';
}

export function hostilePetition(id: string, feed: VectorFeed, round: number): Petition {
  const [summaryChunk] = chunks(2000).slice(round % chunks(2000).length);
  const all = XSS_VECTORS.map((v) => v.text).join('\n');
  return valid(PetitionSchema, {
    id,
    title: feed.one(300),
    summary: summaryChunk!,
    body: all,
    status: 'open',
    signatureCount: 5,
    closesAt: '2099-01-01T00:00:00Z',
    thresholds: [
      { count: 10_000_000, label: feed.one(200) },
      { count: 1, label: feed.one(200) },
    ],
    response: { summary: feed.one(2000), body: all, respondedAt: '2026-01-01T00:00:00Z' },
    signerFields: ['postcode', 'country'],
    allowPublicName: true,
    privacyNoticeUrl: hostileHttpUrl(feed, round),
  });
}

/** A poll with 50 options (the protocol's most), each label and description a vector. */
export function hostilePoll(id: string, kind: PollKind, feed: VectorFeed, round: number): Poll {
  const descriptions = chunks(2000);
  return valid(PollSchema, {
    id,
    question: feed.one(500),
    kind,
    status: 'open',
    description: chunks(5000)[round % chunks(5000).length]!,
    options: Array.from({ length: kind === 'ranked' ? 12 : 50 }, (_, i) => ({
      id: `o${i}`,
      label: feed.one(300),
      description: i < descriptions.length ? descriptions[i] : feed.one(2000),
    })),
    ...(kind === 'multiple' ? { maxChoices: 3 } : {}),
    resultsVisibility: 'always',
    suppressBelow: 2,
  });
}

export function hostileResults(poll: Poll) {
  return valid(PollResultsSchema, {
    pollId: poll.id,
    totalVotes: 100,
    suppressBelow: 2,
    options: poll.options.map((o, i) => ({ id: o.id, votes: i === 1 ? null : 10 + i })),
    ...(poll.kind === 'ranked'
      ? { borda: poll.options.map((o, i) => ({ id: o.id, points: i === 2 ? null : i })) }
      : {}),
  });
}

export function hostileCategories(feed: VectorFeed): ServiceCategory[] {
  return valid(
    ServiceCategoryList,
    Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, label: feed.one(200), count: i })),
  );
}

/** `count` services, every text field a vector (or all of them, split across the long fields). */
export function hostileServices(feed: VectorFeed, round: number, count = 5): Service[] {
  const long = chunks(2000);
  const notes = chunks(1000);
  const items: Service[] = Array.from({ length: count }, (_, i) => ({
    id: `s${round}-${i}`,
    name: feed.one(300),
    description: chunks(10_000)[i % chunks(10_000).length],
    organization: feed.one(300),
    categories: ['c0'],
    location: {
      name: feed.one(300),
      address: feed.one(500),
      postcode: feed.one(16),
      lat: 53.8 + i / 100,
      lng: -1.5,
    },
    phone: feed.one(50),
    email: `desk${i}@council.example`,
    url: hostileHttpUrl(feed, round + i),
    languages: ['en', feed.one(35)],
    accessibility: long[(i * 2) % long.length],
    eligibility: long[(i * 2 + 1) % long.length],
    hours: {
      // An unknown zone (a vector) on one service: the widget must leave the open/closed claim out, not crash.
      timeZone: i === count - 1 ? feed.one(64) : 'Europe/London',
      weekly: [{ day: 'mo', opens: '09:00', closes: '17:00' }],
      notes: notes[(round * count + i) % notes.length],
    },
    distanceKm: i,
  }));
  return valid(ServiceList, { items, total: items.length, page: 1, pageSize: 10 }).items;
}

/** The backend's extra feedback questions of every type, every text a vector. */
export function hostileFeedbackFields(feed: VectorFeed, required: boolean): FeedbackField[] {
  const options = () => Array.from({ length: 4 }, () => ({ value: feed.one(), label: feed.one() }));
  return [
    { code: 'info', type: 'info', label: feed.one(), required: false },
    { code: feed.one(), type: 'text', label: feed.one(), hint: feed.one(), required },
    { code: 'big', type: 'textarea', label: feed.one(), hint: feed.one(), required: false },
    { code: 'n', type: 'number', label: feed.one(), hint: feed.one(), required: false },
    { code: 'when', type: 'datetime', label: feed.one(), required: false },
    { code: 'one', type: 'choice', label: feed.one(), hint: feed.one(), required: false, options: options() },
    { code: 'many', type: 'choices', label: feed.one(), hint: feed.one(), required: false, options: options() },
  ];
}

/**
 * An error answer whose wording is hostile. Each text starts with a marker (`SERVER-WORDING`) so a test can
 * assert that widgets never show the server's wording at all.
 */
export function hostileProblem(status: number, feed: VectorFeed, paths: string[] = [], type = 'about:blank') {
  const wording = () => `SERVER-WORDING ${feed.one()}`;
  const problem: Problem = {
    type,
    title: wording(),
    status,
    detail: wording(),
    instance: wording(),
    ...(paths.length ? { errors: paths.map((path) => ({ path, message: wording(), code: 'custom' })) } : {}),
  };
  return { status, body: valid(ProblemSchema, problem) };
}

export const SERVER_WORDING = 'SERVER-WORDING';
