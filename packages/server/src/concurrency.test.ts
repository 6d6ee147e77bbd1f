import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { newKey, testServer } from './test-support/harness.js';

describe('concurrency', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  it('stores one row for 200 concurrent repeats of one key, and answers them all alike', async () => {
    const key = newKey();
    const body = { topic: 'bins', rating: { scale: 'stars', value: 5 }, comment: 'same key' };
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => t.post('/api/v1/feedback', body, { 'idempotency-key': key })),
    );
    assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
    assert.equal(new Set(responses.map((r) => r.body)).size, 1);
    assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'false').length, 1);
    const rows = await t.db.selectFrom('feedback').select('id').where('comment', '=', 'same key').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, JSON.parse(responses[0]!.body).receiptId);
  });

  it('counts one of 1 000 concurrent identical signatures', async () => {
    const before = (await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount as number;
    const body = { name: 'Rush', email: 'rush@example.org', consent: true };
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () => t.post('/api/v1/petitions/safer-crossings/signatures', body)),
    );
    assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
    const rows = await t.db.selectFrom('signatures').select('id').where('email', '=', 'rush@example.org').execute();
    assert.equal(rows.length, 1);
    const after = (await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount as number;
    assert.equal(after, before + 1);
    // Every answer has the first signature's shape and a count that includes it exactly once.
    for (const r of responses) assert.equal(r.json().signatureCount, before + 1);
  });

  it('counts each of 300 concurrent different signatures once', async () => {
    const before = (await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount as number;
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.post('/api/v1/petitions/safer-crossings/signatures', {
          name: 'Crowd',
          email: `crowd-${i}@example.org`,
          consent: true,
        }),
      ),
    );
    assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
    const after = (await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount as number;
    assert.equal(after, before + 300);
    // Each answer includes its own signature and none that was not made.
    const counts = responses.map((r) => r.json().signatureCount as number);
    assert.ok(counts.every((count) => count > before && count <= after));
  });

  it('takes one of 200 concurrent votes with the same voter token', async () => {
    const voterToken = 'concurrent-voter-token-0001';
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        t.post('/api/v1/polls/park-name/votes', { choices: ['heron-green'], voterToken }),
      ),
    );
    assert.equal(responses.filter((r) => r.statusCode === 201).length, 1);
    assert.equal(responses.filter((r) => r.statusCode === 409).length, 199);
    const rows = await t.db.selectFrom('votes').select('id').where('voter_token', '=', voterToken).execute();
    assert.equal(rows.length, 1);
  });
});
