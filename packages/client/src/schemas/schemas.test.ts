import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { FeedbackRequest, RATING_RANGE, RatingScale } from './feedback.js';
import { Petition, SignatureRequest } from './petition.js';
import { PollResults, VoteRequest } from './poll.js';
import { Service } from './service.js';

// Arbitraries for valid protocol documents, written from the schemas' documented rules.
const id = fc.stringMatching(/^[A-Za-z0-9._~-]{1,40}$/);
const text = (max: number) => fc.string({ minLength: 1, maxLength: max });
const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const count = fc.nat({ max: 10_000_000 });
/** JSON has no -0: it comes back as 0, which is the same number to everyone but `deep.equal`. */
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
const email = fc.emailAddress().filter((e) => z.safeParse(SignatureRequest.shape.email, e).success);
const httpsUrl = fc.webUrl({ validSchemes: ['https'] }).filter((u) => !/\s/.test(u));

const rating = RatingScale.options.length
  ? fc
      .constantFrom(...RatingScale.options)
      .chain((scale) =>
        fc.integer({ min: RATING_RANGE[scale][0], max: RATING_RANGE[scale][1] }).map((value) => ({ scale, value })),
      )
  : fc.constant({ scale: 'stars' as const, value: 1 });

const arbitraries = {
  SignatureRequest: [
    SignatureRequest,
    fc.record(
      {
        name: text(200),
        email,
        postcode: fc.stringMatching(/^[A-Z0-9 ]{2,16}$/),
        country: fc.stringMatching(/^[A-Z]{2}$/),
        consent: fc.constant(true),
        showName: fc.boolean(),
      },
      { requiredKeys: ['name', 'email', 'consent'] },
    ),
  ],
  FeedbackRequest: [
    FeedbackRequest,
    fc.record(
      {
        topic: fc.stringMatching(/^[a-z0-9/-]{1,100}$/),
        rating,
        comment: fc.string({ maxLength: 2000 }),
        reasons: fc.array(text(100), { maxLength: 20 }),
        pageUrl: httpsUrl,
        locale: fc.constantFrom('en', 'fr-CA', 'ar', 'zh-Hans'),
        fields: fc.array(
          fc.oneof(
            fc.record({ code: text(100), value: text(2000) }),
            fc.record({ code: text(100), values: fc.array(text(200), { minLength: 1, maxLength: 50 }) }),
          ),
          { maxLength: 50 },
        ),
      },
      { requiredKeys: ['topic', 'rating'] },
    ),
  ],
  VoteRequest: [
    VoteRequest,
    fc.record(
      {
        choices: fc.uniqueArray(id, { minLength: 1, maxLength: 50 }),
        voterToken: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
      },
      { requiredKeys: ['choices'] },
    ),
  ],
  Petition: [
    Petition,
    fc.record(
      {
        id,
        title: text(300),
        summary: text(2000),
        status: fc.constantFrom('open', 'closed', 'responded'),
        signatureCount: count,
        closesAt: isoDate,
        thresholds: fc.array(fc.record({ count: fc.integer({ min: 1, max: 1e7 }), label: text(200) }), {
          maxLength: 3,
        }),
        response: fc.record({ summary: text(2000), respondedAt: isoDate }),
        signerFields: fc.uniqueArray(fc.constantFrom('postcode', 'country'), { maxLength: 2 }),
        privacyNoticeUrl: httpsUrl,
      },
      {
        requiredKeys: [
          'id',
          'title',
          'summary',
          'status',
          'signatureCount',
          'thresholds',
          'signerFields',
          'privacyNoticeUrl',
        ],
      },
    ),
  ],
  PollResults: [
    PollResults,
    fc.record({
      pollId: id,
      totalVotes: count,
      options: fc.array(fc.record({ id, votes: fc.option(count, { nil: null }) }), { maxLength: 10 }),
    }),
  ],
  Service: [
    Service,
    fc.record(
      {
        id,
        name: text(300),
        organization: text(300),
        categories: fc.array(id, { maxLength: 5 }),
        location: fc.record({
          address: text(500),
          lat: double(-90, 90),
          lng: double(-180, 180),
        }),
        hours: fc.record({
          timeZone: fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Shanghai'),
          weekly: fc.array(
            fc.record({
              day: fc.constantFrom('mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'),
              opens: fc.constantFrom('00:00', '09:30', '22:00'),
              closes: fc.constantFrom('12:00', '17:45', '24:00', '02:00'),
            }),
            { maxLength: 14 },
          ),
        }),
        distanceKm: double(0, 20_000),
      },
      { requiredKeys: ['id', 'name', 'organization', 'categories', 'location'] },
    ),
  ],
} as const;

describe('protocol schemas (property tests)', () => {
  for (const [name, [schema, arbitrary]] of Object.entries(arbitraries)) {
    it(`${name}: every valid document survives a JSON round trip unchanged`, () => {
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<unknown>, (value) => {
          const wire = JSON.parse(JSON.stringify(value));
          const parsed = z.safeParse(schema, wire);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
          expect(parsed.data).to.deep.equal(value);
        }),
        { numRuns: 200 },
      );
    });

    it(`${name}: arbitrary JSON is accepted or refused, never thrown on`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const parsed = z.safeParse(schema, value);
          expect(parsed.success || parsed.error!.issues.length > 0).to.equal(true);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('a rating outside its scale is refused at rating.value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RatingScale.options), fc.integer({ min: -1000, max: 1000 }), (scale, value) => {
        const [min, max] = RATING_RANGE[scale];
        const parsed = z.safeParse(FeedbackRequest, { topic: 't', rating: { scale, value } });
        expect(parsed.success).to.equal(value >= min && value <= max);
        if (!parsed.success) expect(parsed.error.issues[0]?.path).to.deep.equal(['rating', 'value']);
      }),
    );
  });

  it('answers to extra questions: at most 50, each a text of up to 2 000 characters or a list of up to 50', () => {
    const base = { topic: 't', rating: { scale: 'thumbs', value: 1 } };
    const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `q${i}`, value: 'yes' }));
    expect(z.safeParse(FeedbackRequest, { ...base, fields: answers(50) }).success).to.equal(true);
    expect(z.safeParse(FeedbackRequest, { ...base, fields: answers(51) }).success).to.equal(false);
    const refused = [
      { code: '', value: 'x' },
      { code: 'q', value: '' },
      { code: 'q', value: 'x'.repeat(2001) },
      { code: 'q', values: Array(51).fill('x') },
      { code: 'q', values: ['x'.repeat(201)] },
      { code: 'q', value: 3 },
    ];
    for (const answer of refused) {
      expect(z.safeParse(FeedbackRequest, { ...base, fields: [answer] }).success, JSON.stringify(answer)).to.equal(
        false,
      );
    }
  });

  it('unknown fields are dropped, so a hostile extra key never reaches a backend', () => {
    const parsed = z.parse(VoteRequest, { choices: ['a'], __proto__: { admin: true }, isAdmin: true });
    expect(Object.keys(parsed)).to.deep.equal(['choices']);
  });

  it('refuses repeated choices, non-integers and http URLs with spaces', () => {
    expect(z.safeParse(VoteRequest, { choices: ['a', 'a'] }).success).to.equal(false);
    expect(z.safeParse(PollResults, { pollId: 'p', totalVotes: 1.5, options: [] }).success).to.equal(false);
    expect(z.safeParse(FeedbackRequest.shape.pageUrl, 'javascript:alert(1)').success).to.equal(false);
    expect(z.safeParse(FeedbackRequest.shape.pageUrl, 'https://exa mple.org').success).to.equal(false);
  });
});
