import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FeedbackReceipt } from '@civic-widgets/client/schemas';
import { assertProblem, assertValid, testServer } from '../test-support/harness.js';

describe('feedback', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer({ now: () => new Date('2026-11-28T12:00:00Z') });
  });
  after(() => t.close());

  it('stores topic, rating, comment, locale, time and the page without query or fragment', async () => {
    const response = await t.post('/api/v1/feedback', {
      topic: 'bins',
      rating: { scale: 'stars', value: 4 },
      comment: '  Collection was late  ',
      reasons: ['outdated'],
      pageUrl: 'https://user:pw@www.example.gov/bins/collection?postcode=LS1+3AB&session=abc#dates',
      locale: 'en-GB',
    });
    assert.equal(response.statusCode, 201);
    assertValid(FeedbackReceipt, response.json());
    const row = await t.db
      .selectFrom('feedback')
      .selectAll()
      .where('id', '=', String(t.json(response).receiptId))
      .executeTakeFirstOrThrow();
    assert.equal(row.page_url, 'https://www.example.gov/bins/collection');
    assert.equal(row.topic, 'bins');
    assert.equal(row.rating_scale, 'stars');
    assert.equal(row.rating_value, 4);
    assert.equal(row.comment, 'Collection was late');
    assert.equal(row.reasons, '["outdated"]');
    assert.equal(row.locale, 'en-GB');
    assert.equal(row.created_at, '2026-11-28T12:00:00.000Z');
  });

  it('refuses ratings out of range and bad topics', async () => {
    const problem = assertProblem(
      await t.post('/api/v1/feedback', { topic: 'bins', rating: { scale: 'stars', value: 9 } }),
      422,
      'validation',
    );
    assert.equal(problem.errors?.[0]?.path, 'rating.value');
    assertProblem(await t.post('/api/v1/feedback', { topic: 'a b', rating: { scale: 'thumbs', value: 1 } }), 422);
    assertProblem(await t.post('/api/v1/feedback', { rating: { scale: 'thumbs', value: 1 } }), 422);
    assert.equal((await t.db.selectFrom('feedback').select('id').execute()).length, 1);
  });

  it('answers the honeypot like a success and stores nothing', async () => {
    const response = await t.post('/api/v1/feedback', {
      topic: 'bins',
      rating: { scale: 'thumbs', value: 1 },
      website: 'buy now',
    });
    assert.equal(response.statusCode, 201);
    assertValid(FeedbackReceipt, response.json());
    assert.equal((await t.db.selectFrom('feedback').select('id').execute()).length, 1);
  });

  it('attaches a follow-up to the rating it completes, counting one piece of feedback', async () => {
    const first = await t.post('/api/v1/feedback', { topic: 'parking', rating: { scale: 'thumbs', value: 0 } });
    const receiptId = String(t.json(first).receiptId);
    const rowsBefore = (await t.db.selectFrom('feedback').select('id').execute()).length;
    const followUp = await t.post('/api/v1/feedback', {
      topic: 'parking',
      rating: { scale: 'thumbs', value: 0 },
      comment: 'The map is out of date',
      reasons: ['outdated'],
      followUpTo: receiptId,
    });
    assert.equal(followUp.statusCode, 201);
    assert.equal(t.json(followUp).receiptId, receiptId);
    assert.equal((await t.db.selectFrom('feedback').select('id').execute()).length, rowsBefore);
    const row = await t.db.selectFrom('feedback').selectAll().where('id', '=', receiptId).executeTakeFirstOrThrow();
    assert.equal(row.comment, 'The map is out of date');
    assert.equal(row.reasons, '["outdated"]');
    assert.equal(row.rating_value, 0);
  });

  it('answers 404 to a follow-up of unknown feedback or of another topic', async () => {
    const first = await t.post('/api/v1/feedback', { topic: 'parking', rating: { scale: 'stars', value: 2 } });
    const rating = { scale: 'stars', value: 2 };
    const unknown = await t.post('/api/v1/feedback', { topic: 'parking', rating, followUpTo: 'no-such-receipt' });
    assertProblem(unknown, 404, 'not-found');
    const otherTopic = await t.post('/api/v1/feedback', {
      topic: 'bins',
      rating,
      comment: 'x',
      followUpTo: String(t.json(first).receiptId),
    });
    assertProblem(otherTopic, 404, 'not-found');
    const row = await t.db
      .selectFrom('feedback')
      .selectAll()
      .where('id', '=', String(t.json(first).receiptId))
      .executeTakeFirstOrThrow();
    assert.equal(row.comment, null);
  });

  it('keeps the answers to extra questions, completes them on a follow-up, and exports them', async () => {
    const fields = [
      { code: 'bin', value: 'green' },
      { code: 'hazards', values: ['glass', 'needles, used'] },
    ];
    const first = await t.post('/api/v1/feedback', {
      topic: 'missed-bin',
      rating: { scale: 'stars', value: 1 },
      fields,
    });
    assert.equal(first.statusCode, 201);
    const receiptId = String(t.json(first).receiptId);
    const stored = async () =>
      (await t.db.selectFrom('feedback').select('fields').where('id', '=', receiptId).executeTakeFirstOrThrow()).fields;
    assert.deepEqual(JSON.parse(String(await stored())), fields);

    // A follow-up without answers keeps the earlier ones; one with answers replaces them.
    const rating = { scale: 'stars', value: 1 };
    await t.post('/api/v1/feedback', {
      topic: 'missed-bin',
      rating,
      comment: 'Still not collected',
      followUpTo: receiptId,
    });
    assert.deepEqual(JSON.parse(String(await stored())), fields);
    const later = [{ code: 'bin', value: 'black' }];
    await t.post('/api/v1/feedback', { topic: 'missed-bin', rating, fields: later, followUpTo: receiptId });
    assert.deepEqual(JSON.parse(String(await stored())), later);

    const csv = (await t.admin('GET', '/feedback.csv')).body.split('\r\n');
    assert.match(csv[0]!, /,reasons,fields,page_url,/);
    const line = csv.find((l) => l.startsWith(receiptId));
    assert.ok(line);
    assert.ok(line.includes('"[{""code"":""bin"",""value"":""black""}]"'), line);
  });

  it('refuses answers the schema does not accept, storing nothing', async () => {
    const before = (await t.db.selectFrom('feedback').select('id').execute()).length;
    const rating = { scale: 'thumbs', value: 1 };
    const many = Array.from({ length: 51 }, (_, i) => ({ code: `q${i}`, value: 'x' }));
    for (const fields of [many, [{ code: '', value: 'x' }], [{ code: 'q', value: 'x'.repeat(2001) }], 'bin=green']) {
      assertProblem(await t.post('/api/v1/feedback', { topic: 'bins', rating, fields }), 422);
    }
    assert.equal((await t.db.selectFrom('feedback').select('id').execute()).length, before);
  });
});
