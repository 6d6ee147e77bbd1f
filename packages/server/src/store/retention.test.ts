import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { testServer } from '../test-support/harness.js';
import { applyRetention } from './retention.js';

const JAN = new Date('2026-01-10T12:00:00Z');

describe('data retention', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  let clock = JAN;
  before(async () => {
    t = await testServer({ now: () => clock });
  });
  after(() => t.close());

  it('deletes old feedback and erases signers of long-closed petitions, keeping counts', async () => {
    await t.post('/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 0 } });
    await t.admin('PATCH', '/petitions/safer-crossings', { closesAt: '2026-02-01T00:00:00Z' });
    await t.post('/api/v1/petitions/safer-crossings/signatures', {
      name: 'Old Signer',
      email: 'old@example.org',
      consent: true,
    });
    const count = (await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount;

    // A day later nothing is due.
    const early = await applyRetention(
      t.db,
      { feedbackRetentionDays: 30, signatureRetentionDays: 60 },
      new Date('2026-01-11T00:00:00Z'),
    );
    assert.deepEqual(early, {
      feedbackDeleted: 0,
      signaturesErased: 0,
      pendingDeleted: 0,
      mailsDeleted: 0,
      pendingProposalsDeleted: 0,
      proposalPeopleErased: 0,
    });

    clock = new Date('2026-06-01T00:00:00Z');
    const report = await applyRetention(t.db, { feedbackRetentionDays: 30, signatureRetentionDays: 60 }, clock);
    assert.equal(report.feedbackDeleted, 1);
    assert.equal(report.signaturesErased, 1);
    assert.equal((await t.db.selectFrom('feedback').select('id').execute()).length, 0);
    const rows = await t.db.selectFrom('signatures').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.email, '');
    assert.equal(rows[0]?.name, '');
    assert.equal((await t.get('/api/v1/petitions/safer-crossings')).json().signatureCount, count);
  });
});
