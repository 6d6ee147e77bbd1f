import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Email,
  FeedbackReceipt,
  FeedbackRequest,
  Petition,
  Poll,
  ServiceList,
  SignatureReceipt,
  SignatureRequest,
  VoteReceipt,
  VoteRequest,
} from '@civic-widgets/client/schemas';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  ADMIN_TOKEN,
  assertProblem,
  feedbackRowAsRequest,
  newKey,
  testEngine,
  testServer,
} from './test-support/harness.js';

/**
 * Bodies per endpoint: 10 000 in `npm test` (2 000 in its PostgreSQL pass: the validation under test is the same
 * code, and each body there is a network round trip), 200 000 in `npm run test:nightly` (CIVIC_NIGHTLY=1).
 */
const RUNS = process.env.CIVIC_NIGHTLY ? 200_000 : testEngine === 'postgres' ? 2_000 : 10_000;

/** Strings that break naive code: empty, long, control characters, SQL, markup, lone surrogates. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    "'; DROP TABLE signatures; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    '=1+1',
    'x'.repeat(5000),
  ),
);
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
);
/** Either a plausible value for the field or something else entirely. */
const maybe = <T>(good: fc.Arbitrary<T>) => fc.option(fc.oneof(good, good, value), { nil: undefined });

const signatureBody = fc.oneof(
  fc.anything(),
  fc.record(
    {
      name: maybe(fc.string({ minLength: 1, maxLength: 30 })),
      email: maybe(fc.oneof(fc.emailAddress(), fc.constantFrom('A.B+c@GoogleMail.com', 'x@y'))),
      postcode: maybe(fc.constantFrom('LS1 3AB', 'ls6 1an')),
      country: maybe(fc.constantFrom('GB', 'gb', 'GBR')),
      consent: maybe(fc.constant(true)),
      showName: maybe(fc.boolean()),
      website: fc.option(fc.constantFrom('', 'http://spam.example'), { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
);

const voteBody = fc.oneof(
  fc.anything(),
  fc.record(
    {
      choices: maybe(
        fc.array(fc.constantFrom('riverside', 'mill-meadows', 'heron-green', 'roads', 'parks', 'nope'), {
          maxLength: 4,
        }),
      ),
      voterToken: maybe(fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/)),
      website: fc.option(fc.constantFrom('', 'bot'), { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
);

const feedbackBody = fc.oneof(
  fc.anything(),
  fc.record(
    {
      topic: maybe(fc.constantFrom('bins', 'website', 'a/b:c', 'bad topic')),
      rating: maybe(
        fc.record({
          scale: maybe(fc.constantFrom('thumbs', 'stars', 'smileys', 'nps', 'likert')),
          value: maybe(fc.integer({ min: -2, max: 12 })),
        }),
      ),
      comment: maybe(fc.string({ maxLength: 100 })),
      reasons: maybe(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
      pageUrl: maybe(fc.webUrl({ withQueryParameters: true, withFragments: true })),
      locale: maybe(fc.constantFrom('en', 'en-GB', 'x')),
      followUpTo: fc.option(fc.oneof(fc.uuid(), fc.string()), { nil: undefined, freq: 5 }),
      website: fc.option(fc.constantFrom('', 'spam'), { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
);

/** A valid example with one to three members replaced, removed or nested wrongly: near misses reach deep checks. */
const mutated = (example: Record<string, unknown>) =>
  fc.oneof(
    fc.anything(),
    fc
      .array(fc.tuple(fc.constantFrom(...Object.keys(example), 'extra'), fc.option(value, { nil: undefined })), {
        minLength: 1,
        maxLength: 3,
      })
      .map((changes) => {
        const copy: Record<string, unknown> = structuredClone(example);
        for (const [key, replacement] of changes) copy[key] = replacement;
        return copy;
      }),
  );

let exampleIds = 0;
const withFreshId = (body: unknown) =>
  body && typeof body === 'object' && !Array.isArray(body) && 'id' in body && (body as { id: unknown }).id === 'fuzz'
    ? { ...body, id: `fuzz-${++exampleIds}` }
    : body;

describe('fuzzing the write endpoints', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  const count = async (table: 'signatures' | 'votes' | 'feedback') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /**
   * Sends each generated body as JSON (or as a raw string, to reach the parser) and checks: never a 5xx; a 2xx
   * only for a body the schema accepts, with a valid receipt; anything else a problem document and no new row.
   */
  async function fuzz(
    url: string,
    table: 'signatures' | 'votes' | 'feedback',
    body: fc.Arbitrary<unknown>,
    request: z.core.$ZodType,
    receipt: z.core.$ZodType,
  ) {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (generated, raw) => {
        const rowsBefore = await count(table);
        const payload = raw && typeof generated === 'string' ? generated : JSON.stringify(generated ?? null);
        const response = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
          payload,
        });
        assert.ok(response.statusCode < 500, response.body);
        if (response.statusCode < 300) {
          assert.ok(z.safeParse(request, JSON.parse(payload)).success, `accepted an invalid body: ${payload}`);
          assert.ok(z.safeParse(receipt, response.json()).success, response.body);
        } else {
          assertProblem(response, response.statusCode);
          assert.equal(await count(table), rowsBefore);
        }
      }),
      { numRuns: RUNS },
    );
  }

  it(`signatures: ${RUNS} bodies`, async () => {
    await fuzz(
      '/api/v1/petitions/safer-crossings/signatures',
      'signatures',
      signatureBody,
      SignatureRequest,
      SignatureReceipt,
    );
    // Nothing invalid was stored.
    for (const row of await t.db.selectFrom('signatures').selectAll().execute()) {
      assert.ok(z.safeParse(Email, row.email).success, row.email);
      assert.ok(row.name.length >= 1 && row.name.length <= 200);
    }
  });

  it(`votes: ${RUNS} bodies`, async () => {
    await fuzz('/api/v1/polls/park-name/votes', 'votes', voteBody, VoteRequest, VoteReceipt);
    const choices = await t.db
      .selectFrom('vote_choices')
      .select(['vote_id', 'option_id'])
      .where('poll_id', '=', 'park-name')
      .execute();
    for (const c of choices) assert.ok(['riverside', 'mill-meadows', 'heron-green'].includes(c.option_id));
    assert.equal(new Set(choices.map((c) => c.vote_id)).size, choices.length);
  });

  it(`feedback: ${RUNS} bodies`, async () => {
    await fuzz('/api/v1/feedback', 'feedback', feedbackBody, FeedbackRequest, FeedbackReceipt);
    for (const row of await t.db.selectFrom('feedback').selectAll().execute()) {
      const stored = feedbackRowAsRequest(row);
      assert.ok(z.safeParse(FeedbackRequest, stored).success, JSON.stringify(stored));
      if (row.page_url) assert.doesNotMatch(row.page_url, /[?#]/);
    }
  });

  const ADMIN_CASES = [
    {
      name: 'admin petitions',
      method: 'POST' as const,
      url: () => '/api/v1/admin/petitions',
      table: 'petitions' as const,
      example: {
        id: 'fuzz',
        title: 'T',
        summary: 'S',
        thresholds: [{ count: 10, label: 'L' }],
        signerFields: ['postcode'],
        privacyNoticeUrl: 'https://example.gov/p',
      },
    },
    {
      name: 'admin polls',
      method: 'POST' as const,
      url: () => '/api/v1/admin/polls',
      table: 'polls' as const,
      example: {
        id: 'fuzz',
        question: 'Q',
        kind: 'single',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
        resultsVisibility: 'always',
      },
    },
    {
      name: 'admin petition edits',
      method: 'PATCH' as const,
      url: () => '/api/v1/admin/petitions/safer-crossings',
      table: 'petitions' as const,
      example: { title: 'T', closesAt: '2030-01-01T00:00:00Z', thresholds: [{ count: 5, label: 'L' }], status: 'open' },
    },
    {
      name: 'admin government responses',
      method: 'PUT' as const,
      url: () => '/api/v1/admin/petitions/library-hours/response',
      table: 'petitions' as const,
      example: { summary: 'S', body: 'B', respondedAt: '2026-10-15T09:00:00Z' },
    },
    {
      name: 'admin poll edits',
      method: 'PATCH' as const,
      url: () => '/api/v1/admin/polls/budget-priorities',
      table: 'polls' as const,
      example: { question: 'Q', maxChoices: 2, opensAt: '2026-01-01T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' },
    },
    {
      name: 'admin services',
      method: 'PUT' as const,
      // The path carries the body's id when it is a string (lone surrogates replaced, as a browser would).
      url: (body: unknown) =>
        `/api/v1/admin/services/${encodeURIComponent(String((body as { id?: unknown })?.id ?? 'x').replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
      table: 'services' as const,
      example: {
        id: 'fuzz',
        name: 'N',
        organization: 'O',
        categories: ['food'],
        location: { address: 'A', lat: 53.8, lng: -1.55 },
      },
    },
  ];

  for (const { name, method, url, table, example } of ADMIN_CASES) {
    it(`${name}: ${RUNS} bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(example), async (generated) => {
          const body = withFreshId(generated);
          const response = await t.app.inject({
            method,
            url: url(body),
            headers: {
              authorization: `Bearer ${ADMIN_TOKEN}`,
              'content-type': 'application/json',
              'idempotency-key': newKey(),
            },
            payload: JSON.stringify(body ?? null),
          });
          assert.ok(response.statusCode < 500, response.body);
          if (response.statusCode >= 300) assertProblem(response, response.statusCode);
        }),
        { numRuns: RUNS },
      );
      // Every stored row still reads back as a valid protocol object.
      const ids = (await t.db.selectFrom(table).select('id').execute()).map((r) => r.id);
      const schema = table === 'petitions' ? Petition : table === 'polls' ? Poll : undefined;
      for (const id of schema ? ids : []) {
        const stored = await t.get(`/api/v1/${table}/${id}`);
        assert.equal(stored.statusCode, 200);
        assert.ok(z.safeParse(schema!, stored.json()).success, stored.body);
      }
      if (table === 'services') {
        const list = await t.get('/api/v1/services?pageSize=100&q=');
        assert.ok(z.safeParse(ServiceList, list.json()).success);
      }
    });
  }
});
