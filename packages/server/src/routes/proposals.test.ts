import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Proposal, ProposalReceipt, SimilarPetitions } from '@civic-widgets/client/proposals';
import type { Mail } from '../mail/transport.js';
import { matchingPetitions } from '../store/petition-search.js';
import { applyRetention } from '../store/retention.js';
import { assertProblem, assertValid, testServer } from '../test-support/harness.js';

const proposal = {
  title: 'Plant street trees along Mill Lane',
  background: 'Mill Lane has no shade in summer and the pavements are too hot for children.',
  name: 'Amina Khan',
  email: 'amina@example.org',
  postcode: 'LS1 3AB',
  consent: true,
};
const sponsor = (email: string) => ({ name: 'Sam Lee', email, postcode: 'LS2 7EW', consent: true });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('petition proposals', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer({ petitionSponsors: 2 });
  });
  after(() => t.close());

  const linkIn = (mail: Mail | undefined) => {
    const link = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+\?lang=\w+/.exec(mail?.text ?? '')?.[0];
    assert.ok(link, `no link in ${mail?.text}`);
    return link;
  };
  const confirm = (link: string) => t.app.inject({ method: 'POST', url: link, headers: form, payload: '' });
  const view = async (id: string) => t.json(await t.get(`/api/v1/petition-proposals/${id}`));
  const sponsorRows = (id: string) =>
    t.db.selectFrom('proposal_sponsors').selectAll().where('proposal_id', '=', id).execute();

  /** A proposal made and confirmed by its creator: gathering sponsors. */
  async function gathering(body: Record<string, unknown> = proposal) {
    const made = await t.post('/api/v1/petition-proposals', body);
    assert.equal(made.statusCode, 201, made.body);
    const { id } = t.json(made) as { id: string };
    assert.equal((await confirm(linkIn(t.mails.at(-1)))).statusCode, 200);
    return id;
  }

  it('stores a proposal once per key, unconfirmed and without its text in public, and mails the creator', async () => {
    const mailsBefore = t.mails.length;
    const headers = { 'idempotency-key': 'proposal-key-1', 'accept-language': 'fr-CA,fr;q=0.9' };
    const first = await t.post('/api/v1/petition-proposals', proposal, headers);
    const again = await t.post('/api/v1/petition-proposals', proposal, headers);
    assert.equal(first.statusCode, 201);
    assertValid(ProposalReceipt, first.json());
    assert.deepEqual(t.json(again), t.json(first));
    assert.equal(again.headers['idempotent-replayed'], 'true');
    const { id, status, sponsorsNeeded } = t.json(first);
    assert.deepEqual([status, sponsorsNeeded], ['unconfirmed', 2]);
    const rows = await t.db.selectFrom('petition_proposals').selectAll().where('email', '=', proposal.email).execute();
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]?.title, rows[0]?.locale, rows[0]?.status], [proposal.title, 'fr', 'unconfirmed']);
    assert.equal(t.mails.length, mailsBefore + 1);
    assert.equal(t.mails.at(-1)?.to, proposal.email);
    assert.match(t.mails.at(-1)?.subject ?? '', /^Confirmez votre pétition/);

    const shown = await t.get(`/api/v1/petition-proposals/${id}`);
    assertValid(Proposal, shown.json());
    assert.deepEqual(t.json(shown), { id, status: 'unconfirmed', sponsorCount: 0, sponsorsNeeded: 2 });
    assertProblem(
      await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor('x@example.org')),
      409,
      'proposal-not-gathering',
    );
  });

  it('refuses bad input field by field, and stores nothing from the honeypot', async () => {
    const problem = assertProblem(
      await t.post('/api/v1/petition-proposals', { ...proposal, title: 'Trees', consent: false }),
      422,
      'validation',
    );
    assert.deepEqual(problem.errors?.map((e) => e.path).sort(), ['consent', 'title']);
    const count = async () => (await t.db.selectFrom('petition_proposals').select('id').execute()).length;
    const before = await count();
    const mailsBefore = t.mails.length;
    const bot = await t.post('/api/v1/petition-proposals', { ...proposal, website: 'http://spam.example' });
    assert.equal(bot.statusCode, 201);
    assertValid(ProposalReceipt, bot.json());
    assert.equal(await count(), before);
    assert.equal(t.mails.length, mailsBefore);
  });

  it('counts each sponsor address once after it confirms, never the creator, and then goes to moderation', async () => {
    const id = await gathering();
    assert.equal((await view(id)).status, 'gathering');
    assert.equal((await view(id)).title, proposal.title);

    const mailsBefore = t.mails.length;
    for (const email of ['sam@example.org', 'SAM@example.org', 'Amina@Example.org']) {
      const answer = await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor(email));
      assert.equal(answer.statusCode, 201);
      assert.deepEqual(t.json(answer), { status: 'unconfirmed' });
    }
    assert.equal((await sponsorRows(id)).length, 1);
    assert.equal(t.mails.length, mailsBefore + 1);
    assert.equal((await view(id)).sponsorCount, 0, 'an unconfirmed sponsor does not count');

    const samLink = linkIn(t.mails.at(-1));
    assert.match((await t.get(samLink)).body, /Confirm my support/);
    await confirm(samLink);
    await confirm(samLink);
    assert.deepEqual([(await view(id)).sponsorCount, (await view(id)).status], [1, 'gathering']);

    await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor('lee@example.org'));
    await confirm(linkIn(t.mails.at(-1)));
    assert.deepEqual([(await view(id)).sponsorCount, (await view(id)).status], [2, 'moderation']);
    assertProblem(
      await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor('late@example.org')),
      409,
      'proposal-not-gathering',
    );
  });

  it('publishes a proposal in moderation as an open petition, audited, and mails the creator', async () => {
    const id = await gathering({ ...proposal, title: 'Open the Mill Lane library on Sundays', email: 'b@example.org' });
    for (const email of ['s1@example.org', 's2@example.org']) {
      await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor(email));
      await confirm(linkIn(t.mails.at(-1)));
    }
    const queue = t.json(await t.admin('GET', '/petition-proposals')).items as { id: string; flags: unknown[] }[];
    assert.ok(queue.some((item) => item.id === id));

    const body = { privacyNoticeUrl: 'https://example.gov/privacy/petitions' };
    const published = await t.admin('POST', `/petition-proposals/${id}/publish`, body);
    assert.equal(published.statusCode, 200, published.body);
    const petitionId = t.json(published).petitionId as string;
    assert.equal(petitionId, 'open-the-mill-lane-library-on-sundays');
    const petition = t.json(await t.get(`/api/v1/petitions/${petitionId}`));
    assert.deepEqual([petition.title, petition.status], ['Open the Mill Lane library on Sundays', 'open']);
    assert.deepEqual([(await view(id)).status, (await view(id)).petitionId], ['published', petitionId]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('target', '=', `proposal:${id}`).execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor, JSON.parse(a.details)]),
      [['proposal.publish', 'token', { petitionId }]],
    );
    assert.deepEqual(
      [t.mails.at(-1)?.to, t.mails.at(-1)?.subject],
      ['b@example.org', `Your petition is published: Open the Mill Lane library on Sundays`],
    );
    assertProblem(await t.admin('POST', `/petition-proposals/${id}/publish`, body), 409, 'proposal-not-in-moderation');
    // The new petition is offered to the next resident who starts a petition like it.
    const similar = await t.get('/api/v1/petitions/similar?q=Sunday%20library');
    assertValid(SimilarPetitions, similar.json());
    assert.equal((t.json(similar).data as { id: string }[])[0]?.id, petitionId);
  });

  it('rejects with a reason and a note; an offensive proposal stays visible without its text', async () => {
    const id = await gathering({ ...proposal, title: 'Something rude about a neighbour', email: 'c@example.org' });
    for (const email of ['r1@example.org', 'r2@example.org']) {
      await t.post(`/api/v1/petition-proposals/${id}/sponsors`, sponsor(email));
      await confirm(linkIn(t.mails.at(-1)));
    }
    assertProblem(await t.admin('POST', `/petition-proposals/${id}/reject`, { reason: 'rude' }), 422, 'validation');
    const rejected = await t.admin('POST', `/petition-proposals/${id}/reject`, {
      reason: 'offensive',
      note: 'Names a person.',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const shown = await view(id);
    assertValid(Proposal, shown);
    assert.deepEqual(shown, {
      id,
      status: 'rejected',
      sponsorCount: 2,
      sponsorsNeeded: 2,
      rejection: { reason: 'offensive', note: 'Names a person.' },
    });
    const mail = t.mails.at(-1);
    assert.equal(mail?.to, 'c@example.org');
    assert.match(mail?.text ?? '', /offensive or defamatory[\s\S]*Names a person\./);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('target', '=', `proposal:${id}`).execute();
    assert.deepEqual(JSON.parse(audit[0]?.details ?? ''), { reason: 'offensive', note: true });
    assertProblem(await t.admin('POST', `/petition-proposals/${id}/reject`, { reason: 'duplicate' }), 409);
  });

  it('flags near-duplicates of open petitions, links and email addresses for the moderator', async () => {
    const made = await t.post('/api/v1/petition-proposals', {
      ...proposal,
      title: 'Build safe crossings on Station Road!',
      background: 'See www.example.com or write to me at amina@example.org.',
    });
    const row = await t.db
      .selectFrom('petition_proposals')
      .select('flags')
      .where('id', '=', t.json(made).id as string)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.flags), [
      { kind: 'near-duplicate', petitionId: 'safer-crossings' },
      { kind: 'link' },
      { kind: 'email-address' },
    ]);
    const plain = await t.post('/api/v1/petition-proposals', {
      ...proposal,
      title: 'Longer opening hours at the pool',
    });
    const none = await t.db
      .selectFrom('petition_proposals')
      .select('flags')
      .where('id', '=', t.json(plain).id as string)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(none.flags), []);
  });

  it('offers only open petitions as similar, and reads no query syntax', async () => {
    const data = async (q: string) =>
      (t.json(await t.get(`/api/v1/petitions/similar?q=${encodeURIComponent(q)}`)).data as { id: string }[]).map(
        (p) => p.id,
      );
    assert.deepEqual(await data('safer crossings station'), ['safer-crossings']);
    // The responded petition matches the words, but is not open.
    assert.ok((await matchingPetitions(t.db, 'central library sundays', 5)).includes('library-hours'));
    assert.equal((await data('central library sundays')).includes('library-hours'), false);
    for (const q of ['"', 'a OR b*', "'; DROP TABLE petitions; --", 'NEAR(x y)'])
      assert.ok(Array.isArray(await data(q)));
    assertProblem(await t.get('/api/v1/petitions/similar'), 422, 'validation');
  });

  it('links each similar petition to where residents sign it when CIVIC_PETITION_PAGE_URL is set', async () => {
    const linked = await testServer({ petitionPageUrl: 'https://council.example/petitions?id={id}' });
    try {
      const similar = linked.json(await linked.get('/api/v1/petitions/similar?q=safer%20crossings%20station'));
      assertValid(SimilarPetitions, similar);
      const [first] = similar.data as { id: string; url?: string }[];
      assert.deepEqual(
        [first?.id, first?.url],
        ['safer-crossings', 'https://council.example/petitions?id=safer-crossings'],
      );
    } finally {
      await linked.close();
    }
    const unlinked = t.json(await t.get('/api/v1/petitions/similar?q=safer%20crossings%20station'));
    assert.deepEqual(
      (unlinked.data as { url?: string }[]).map((p) => p.url),
      [undefined],
    );
  });

  it('erases creators and sponsors a retention period after the decision, and drops what was never confirmed', async () => {
    const unconfirmed = t.json(await t.post('/api/v1/petition-proposals', { ...proposal, email: 'late@example.org' }))
      .id as string;
    const later = new Date(Date.now() + 400 * 86_400_000);
    const report = await applyRetention(t.db, { feedbackRetentionDays: 36_500, signatureRetentionDays: 365 }, later);
    assert.ok(report.pendingProposalsDeleted >= 1);
    assertProblem(await t.get(`/api/v1/petition-proposals/${unconfirmed}`), 404, 'not-found');
    const decided = await t.db
      .selectFrom('petition_proposals')
      .selectAll()
      .where('decided_at', 'is not', null)
      .execute();
    assert.equal(decided.length, 2);
    assert.ok(decided.every((row) => row.email === '' && row.name === '' && row.postcode === ''));
    const sponsors = await t.db
      .selectFrom('proposal_sponsors')
      .selectAll()
      .where(
        'proposal_id',
        'in',
        decided.map((row) => row.id),
      )
      .execute();
    assert.equal(sponsors.length, 4);
    assert.ok(sponsors.every((row) => row.email === '' && row.name === ''));
    assert.equal((await view(decided[0]!.id)).sponsorCount, 2);
    const waiting = await t.db
      .selectFrom('petition_proposals')
      .select('email')
      .where('status', '=', 'moderation')
      .execute();
    assert.ok(
      waiting.every((row) => row.email !== ''),
      'undecided proposals keep their creators',
    );
  });
});
