import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Petition, PetitionList, SignatureReceipt } from '@civic-widgets/client/schemas';
import { assertProblem, assertValid, newKey, testServer } from '../test-support/harness.js';

describe('petitions', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  const signatures = (petitionId: string) =>
    t.db.selectFrom('signatures').selectAll().where('petition_id', '=', petitionId).execute();
  const count = async (id: string) => t.json(await t.get(`/api/v1/petitions/${id}`)).signatureCount as number;
  const signer = (email: string) => ({ name: 'Ada Lovelace', email, consent: true });

  it('lists petitions, filtered by status and paged', async () => {
    const all = await t.get('/api/v1/petitions');
    assert.equal(all.statusCode, 200);
    assertValid(PetitionList, all.json());
    assert.equal(t.json(all).total, 2);
    const responded = t.json(await t.get('/api/v1/petitions?status=responded&pageSize=1'));
    assert.deepEqual(
      (responded.items as { id: string }[]).map((p) => p.id),
      ['library-hours'],
    );
    assertProblem(await t.get('/api/v1/petitions?pageSize=500'), 422, 'validation');
    assertProblem(await t.get('/api/v1/petitions?status=secret'), 422, 'validation');
  });

  it('shows one petition with its government response, and 404s unknown ones', async () => {
    const response = await t.get('/api/v1/petitions/library-hours');
    assert.equal(response.statusCode, 200);
    assertValid(Petition, response.json());
    assert.match(String((t.json(response).response as { summary: string }).summary), /Sunday opening/);
    assert.equal('requiresConfirmation' in t.json(response), false);
    assertProblem(await t.get('/api/v1/petitions/nope'), 404, 'not-found');
    assertProblem(await t.get('/api/v1/petitions/%3Cscript%3E'), 404, 'not-found');
  });

  it('counts a signature once, and stores it as typed', async () => {
    const before = await count('safer-crossings');
    const response = await t.post('/api/v1/petitions/safer-crossings/signatures', {
      ...signer('  Grace.Hopper+petitions@GoogleMail.com '.trim()),
      postcode: 'LS1 3AB',
    });
    assert.equal(response.statusCode, 201);
    assertValid(SignatureReceipt, response.json());
    assert.equal(t.json(response).status, 'counted');
    assert.equal(t.json(response).signatureCount, before + 1);
    const rows = await signatures('safer-crossings');
    const row = rows.find((r) => r.id === t.json(response).receiptId);
    assert.equal(row?.email, 'Grace.Hopper+petitions@GoogleMail.com');
    assert.equal(row?.email_key, 'gracehopper@gmail.com');
    assert.equal(row?.postcode, 'LS1 3AB');
  });

  it('answers a duplicate like a first signature without counting it', async () => {
    const first = await t.post('/api/v1/petitions/safer-crossings/signatures', signer('dup@example.org'));
    const rowsBefore = (await signatures('safer-crossings')).length;
    for (const email of ['DUP@example.org', ' dup@EXAMPLE.org']) {
      const again = await t.post('/api/v1/petitions/safer-crossings/signatures', signer(email.trim()));
      assert.equal(again.statusCode, 201);
      assert.deepEqual(Object.keys(t.json(again)).sort(), Object.keys(t.json(first)).sort());
      assert.equal(t.json(again).status, 'counted');
      assert.equal(t.json(again).signatureCount, t.json(first).signatureCount);
    }
    assert.equal((await signatures('safer-crossings')).length, rowsBefore);
  });

  it('treats Gmail dots, tags and googlemail as one signer', async () => {
    const before = await count('safer-crossings');
    for (const email of ['j.smith@gmail.com', 'jsmith+x@gmail.com', 'J.Smith@googlemail.com']) {
      assert.equal((await t.post('/api/v1/petitions/safer-crossings/signatures', signer(email))).statusCode, 201);
    }
    assert.equal(await count('safer-crossings'), before + 1);
    // Elsewhere dots matter.
    await t.post('/api/v1/petitions/safer-crossings/signatures', signer('j.smith@example.org'));
    await t.post('/api/v1/petitions/safer-crossings/signatures', signer('jsmith@example.org'));
    assert.equal(await count('safer-crossings'), before + 3);
  });

  it('refuses invalid signatures with field errors', async () => {
    const response = await t.post('/api/v1/petitions/safer-crossings/signatures', {
      name: '',
      email: 'not-an-email',
      consent: false,
    });
    const problem = assertProblem(response, 422, 'validation');
    const paths = (problem.errors ?? []).map((e) => e.path).sort();
    assert.deepEqual(paths, ['consent', 'email', 'name']);
    for (const error of problem.errors ?? []) assert.ok(error.code && error.message);
    assertProblem(await t.post('/api/v1/petitions/safer-crossings/signatures', [1, 2]), 422, 'validation');
  });

  it('needs an Idempotency-Key and a JSON body', async () => {
    const url = '/api/v1/petitions/safer-crossings/signatures';
    const noKey = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(signer('nokey@example.org')),
    });
    assertProblem(noKey, 400, 'idempotency-key-required');
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': type, 'idempotency-key': newKey() },
        payload: 'name=a&email=form@example.org&consent=true',
      });
      assertProblem(response, 415, 'unsupported-media-type');
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
      payload: '{"name":',
    });
    assertProblem(malformed, 400, 'bad-request');
    const huge = await t.post(url, { ...signer('big@example.org'), name: 'x'.repeat(17 * 1024) });
    assertProblem(huge, 413, 'too-large');
    const rows = await signatures('safer-crossings');
    assert.equal(
      rows.some((r) => ['nokey@example.org', 'form@example.org', 'big@example.org'].includes(r.email)),
      false,
    );
  });

  it('replays the first response for a repeated key and stores nothing new', async () => {
    const key = newKey();
    const body = signer('replay@example.org');
    const first = await t.post('/api/v1/petitions/safer-crossings/signatures', body, { 'idempotency-key': key });
    await t.post('/api/v1/petitions/safer-crossings/signatures', signer('other@example.org'));
    const second = await t.post('/api/v1/petitions/safer-crossings/signatures', body, { 'idempotency-key': key });
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(first.headers['idempotent-replayed'], 'false');
    const rows = (await signatures('safer-crossings')).filter((r) => r.email === 'replay@example.org');
    assert.equal(rows.length, 1);
    const reused = await t.post('/api/v1/petitions/safer-crossings/signatures', signer('x@example.org'), {
      'idempotency-key': key,
    });
    assertProblem(reused, 422, 'idempotency-key-reused');
  });

  it('refuses signatures on closed and responded petitions', async () => {
    const response = await t.post('/api/v1/petitions/library-hours/signatures', signer('late@example.org'));
    assertProblem(response, 409, 'petition-closed');
    assertProblem(await t.post('/api/v1/petitions/missing/signatures', signer('a@example.org')), 404, 'not-found');
  });

  it('answers the honeypot like a success and stores nothing', async () => {
    const before = await count('safer-crossings');
    const rowsBefore = (await signatures('safer-crossings')).length;
    const key = newKey();
    const response = await t.post(
      '/api/v1/petitions/safer-crossings/signatures',
      { ...signer('bot@example.org'), website: 'http://spam.example' },
      { 'idempotency-key': key },
    );
    assert.equal(response.statusCode, 201);
    assertValid(SignatureReceipt, response.json());
    assert.equal(await count('safer-crossings'), before);
    assert.equal((await signatures('safer-crossings')).length, rowsBefore);
    const keys = await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute();
    assert.equal(keys.length, 0);
    assert.equal(
      (await t.db.selectFrom('signatures').select('id').where('email', '=', 'bot@example.org').execute()).length,
      0,
    );
  });
});

describe('petitions past their closing time', () => {
  it('show as closed and refuse signatures, whatever the stored status says', async () => {
    const t = await testServer({ now: () => new Date('2027-07-01T00:00:00Z') });
    try {
      const petition = t.json(await t.get('/api/v1/petitions/safer-crossings'));
      assert.equal(petition.status, 'closed');
      const closed = t.json(await t.get('/api/v1/petitions?status=closed'));
      assert.deepEqual(
        (closed.items as { id: string }[]).map((p) => p.id),
        ['safer-crossings'],
      );
      assert.equal(t.json(await t.get('/api/v1/petitions?status=open')).total, 0);
      const response = await t.post('/api/v1/petitions/safer-crossings/signatures', {
        name: 'Late',
        email: 'late@example.org',
        consent: true,
      });
      assertProblem(response, 409, 'petition-closed');
    } finally {
      await t.close();
    }
  });
});

describe('petitions with email confirmation', () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    t = await testServer();
    const created = await t.admin('PATCH', '/petitions/safer-crossings', { requiresConfirmation: true });
    assert.equal(created.statusCode, 200);
  });
  after(() => t.close());

  it('counts a signature only after a POST from the confirmation page', async () => {
    const before = t.json(await t.get('/api/v1/petitions/safer-crossings')).signatureCount as number;
    const response = await t.post('/api/v1/petitions/safer-crossings/signatures', {
      name: 'Pat',
      email: 'pat@example.org',
      consent: true,
    });
    assert.equal(response.statusCode, 201);
    assert.equal(t.json(response).status, 'pending_confirmation');
    assert.equal(t.json(response).signatureCount, before);
    assert.equal(t.mails.length, 1);
    assert.equal(t.mails[0]?.to, 'pat@example.org');
    const link = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+/.exec(t.mails[0]?.text ?? '')?.[0];
    assert.ok(link);

    // A mail scanner fetching the link confirms nothing.
    for (let i = 0; i < 3; i++) {
      const page = await t.get(link);
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(page.body, /<form method="post">/);
    }
    assert.equal(t.json(await t.get('/api/v1/petitions/safer-crossings')).signatureCount, before);

    const confirmed = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(confirmed.statusCode, 200);
    assert.equal(t.json(await t.get('/api/v1/petitions/safer-crossings')).signatureCount, before + 1);
    // Confirming again changes nothing.
    await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(t.json(await t.get('/api/v1/petitions/safer-crossings')).signatureCount, before + 1);
    const row = await t.db
      .selectFrom('signatures')
      .selectAll()
      .where('email', '=', 'pat@example.org')
      .executeTakeFirst();
    assert.equal(row?.status, 'counted');
    assert.ok(row?.confirmed_at);
  });

  it('sends no second mail for a duplicate, and 404s unknown tokens', async () => {
    const mailsBefore = t.mails.length;
    const again = await t.post('/api/v1/petitions/safer-crossings/signatures', {
      name: 'Pat',
      email: 'PAT@example.org',
      consent: true,
    });
    assert.equal(t.json(again).status, 'pending_confirmation');
    assert.equal(t.mails.length, mailsBefore);
    assertProblem(await t.get('/api/v1/confirmations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 404, 'not-found');
  });
});
