// The console's feedback trends (issue 16): known rows in known weeks give known weekly figures, summed by the
// database on either engine (CIVIC_TEST_ENGINE=postgres runs this file on PostgreSQL).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TrendWeek } from '../store/feedback-trends.js';
import { assertProblem, type TestServer, testServer } from '../test-support/harness.js';

const PAGE = 'https://council.example/bins';
const OTHER_PAGE = 'https://council.example/parking';

/** A rating row with what the trends read; the rest empty. */
const row = (n: number, at: string, scale: string, value: number, topic = 'trend-bins', page = PAGE) => ({
  id: `trend-${n}`,
  topic,
  rating_scale: scale,
  rating_value: value,
  comment: null,
  reasons: null,
  fields: null,
  page_url: page,
  locale: 'en',
  created_at: at,
});

describe('feedback trends by week', () => {
  let t: TestServer;
  // A Wednesday: the current week began on Monday 7 December.
  const now = new Date('2026-12-09T12:00:00.000Z');
  before(async () => {
    t = await testServer({ now: () => now });
    await t.db
      .insertInto('feedback')
      .values([
        // The Sunday before the first week shown: outside.
        row(1, '2026-11-22T23:59:59.999Z', 'thumbs', 1),
        // Week of 23 November, its last instant included: 2 of 3 yes; stars 5 and 2; a smiley 4.
        row(2, '2026-11-23T00:00:00.000Z', 'thumbs', 1),
        row(3, '2026-11-25T08:00:00.000Z', 'thumbs', 1),
        row(4, '2026-11-29T23:59:59.999Z', 'thumbs', 0),
        row(5, '2026-11-24T10:00:00.000Z', 'stars', 5),
        row(6, '2026-11-24T11:00:00.000Z', 'stars', 2),
        row(7, '2026-11-26T11:00:00.000Z', 'smileys', 4),
        // Week of 30 November: only another topic's answer.
        row(8, '2026-12-01T09:00:00.000Z', 'thumbs', 1, 'trend-parking', OTHER_PAGE),
        // This week: NPS 10, 9, 7 and 3 (two promoters, one detractor), and one on another page.
        row(9, '2026-12-07T00:00:00.000Z', 'nps', 10),
        row(10, '2026-12-08T13:00:00.000Z', 'nps', 9),
        row(11, '2026-12-08T14:00:00.000Z', 'nps', 7),
        row(12, '2026-12-09T11:00:00.000Z', 'nps', 3),
        row(13, '2026-12-09T11:30:00.000Z', 'nps', 0, 'trend-bins', OTHER_PAGE),
      ])
      .execute();
  });
  after(() => t.close());

  const trends = async (query: string) => {
    const response = await t.admin('GET', `/feedback/trends?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return (t.json(response) as { weeks: TrendWeek[] }).weeks;
  };

  it("sums a topic's answers by ISO week: count, yes, stars, CSAT and NPS with the answers behind each", async () => {
    const weeks = await trends('topic=trend-bins&weeks=3');
    assert.deepEqual(
      weeks.map((week) => week.week),
      ['2026-11-23', '2026-11-30', '2026-12-07'],
    );
    const [first, empty, current] = weeks;
    assert.equal(first!.answers, 6);
    assert.deepEqual(first!.yes, { answers: 3, value: 2 / 3 });
    assert.deepEqual(first!.stars, { answers: 2, value: 3.5 });
    assert.deepEqual(first!.csat, { answers: 3, value: 2 / 3 });
    assert.deepEqual(first!.nps, { answers: 0, value: null });
    // A week nobody answered has no figures: a gap in the chart, not a zero.
    assert.deepEqual(empty, {
      week: '2026-11-30',
      answers: 0,
      yes: { answers: 0, value: null },
      stars: { answers: 0, value: null },
      csat: { answers: 0, value: null },
      nps: { answers: 0, value: null },
    });
    assert.equal(current!.answers, 5);
    // Two promoters and two detractors (7 is passive) of five: 0.
    assert.deepEqual(current!.nps, { answers: 5, value: 0 });
  });

  it("counts one page's answers, of whichever topic", async () => {
    const [, , current] = await trends(`page=${encodeURIComponent(PAGE)}&weeks=3`);
    assert.equal(current!.answers, 4);
    assert.deepEqual(current!.nps, { answers: 4, value: 25 });
    const [, other] = await trends(`page=${encodeURIComponent(OTHER_PAGE)}&weeks=3`);
    assert.deepEqual(other!.yes, { answers: 1, value: 1 });
  });

  it('shows the last 26 weeks unless asked, the current one last; refuses what it cannot read', async () => {
    const weeks = await trends('topic=trend-bins');
    assert.equal(weeks.length, 26);
    assert.equal(weeks.at(-1)!.week, '2026-12-07');
    assert.equal(weeks[0]!.week, '2026-06-15');
    assert.equal(
      weeks.reduce((sum, week) => sum + week.answers, 0),
      12,
      'every answer of the topic in the half year, the older one included',
    );
    assertProblem(await t.admin('GET', '/feedback/trends?weeks=0'), 422, 'validation');
    assertProblem(await t.admin('GET', '/feedback/trends?weeks=105'), 422, 'validation');
    assertProblem(await t.admin('GET', '/feedback/trends?page=not-an-address'), 422, 'validation');
  });
});
