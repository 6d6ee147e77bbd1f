// Confirmation mail is queued with the signature and delivered after the commit: a mail relay that fails, or a
// server that dies between the commit and the sending, delays the mail but never loses it or sends it twice.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../db/database.js';
import { createServer } from '../server.js';
import { testStoreLocation } from '../test-support/engine.js';
import { ADMIN_TOKEN } from '../test-support/harness.js';
import { deliverQueuedMail } from './outbox.js';
import type { Mail, MailTransport } from './transport.js';

/** A relay that refuses while `down` is true and records what it accepted. */
function relay() {
  const accepted: Mail[] = [];
  const transport: MailTransport & { down: boolean } = {
    down: false,
    async send(mail) {
      if (this.down) throw new Error('relay unreachable');
      accepted.push(mail);
    },
  };
  return { transport, accepted };
}

async function serverOn(store: Store, transport: MailTransport) {
  return createServer({
    store,
    seed: 'demo',
    mail: transport,
    // These tests are about the outbox, not the backoff: a refused mail is due again at once.
    mailRetryBaseMs: 0,
    adminToken: ADMIN_TOKEN,
    writeLimitPerMinute: 0,
    readLimitPerMinute: 0,
    logger: false,
  });
}

describe('confirmation mail outbox', () => {
  let store: Store;
  let database: Awaited<ReturnType<typeof testStoreLocation>>;
  before(async () => {
    database = await testStoreLocation();
    store = await openStore(database.location);
    const app = await serverOn(store, relay().transport);
    const made = await app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ requiresConfirmation: true }),
    });
    assert.equal(made.statusCode, 200, made.body);
    await app.close();
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  const sign = (app: Awaited<ReturnType<typeof serverOn>>, email: string, key = randomUUID()) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-crossings/signatures',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      payload: JSON.stringify({ name: 'Pat', email, consent: true }),
    });
  const unsent = async () =>
    (await store.db.selectFrom('outbox').select('to_address').where('sent_at', 'is', null).execute()).map(
      (row) => row.to_address,
    );

  it('answers 201 when the relay is down, keeps the mail queued, and sends it once when a server starts', async () => {
    const first = relay();
    first.transport.down = true;
    const app = await serverOn(store, first.transport);
    const response = await sign(app, 'relay-down@example.org');
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().status, 'pending_confirmation');
    assert.deepEqual(first.accepted, []);
    assert.deepEqual(await unsent(), ['relay-down@example.org']);
    await app.close();

    // The next server on the same database (a restart) delivers what waited.
    const second = relay();
    const restarted = await serverOn(store, second.transport);
    assert.deepEqual(
      second.accepted.map((mail) => mail.to),
      ['relay-down@example.org'],
    );
    assert.match(second.accepted[0]?.text ?? '', /\/api\/v1\/confirmations\/[A-Za-z0-9_-]{20,}/);
    assert.deepEqual(await unsent(), []);
    await restarted.close();
  });

  it('delivers mail left queued by an earlier failure with the next signature', async () => {
    const { transport, accepted } = relay();
    const app = await serverOn(store, transport);
    transport.down = true;
    assert.equal((await sign(app, 'later-1@example.org')).statusCode, 201);
    transport.down = false;
    assert.equal((await sign(app, 'later-2@example.org')).statusCode, 201);
    assert.deepEqual(
      accepted.map((mail) => mail.to),
      ['later-1@example.org', 'later-2@example.org'],
    );
    await app.close();
  });

  it('sends no second mail for a retried request or a second signature with the same address', async () => {
    const { transport, accepted } = relay();
    const app = await serverOn(store, transport);
    const key = randomUUID();
    for (const retry of [key, key, randomUUID()]) {
      assert.equal((await sign(app, 'once@example.org', retry)).statusCode, 201);
    }
    assert.deepEqual(
      accepted.map((mail) => mail.to),
      ['once@example.org'],
    );
    await app.close();
  });

  it('queues no mail for a signature that is refused', async () => {
    const { transport, accepted } = relay();
    const app = await serverOn(store, transport);
    const before = await store.db.selectFrom('outbox').select('id').execute();
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-crossings/signatures',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: JSON.stringify({ name: 'Pat', email: 'not-an-address', consent: true }),
    });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(await store.db.selectFrom('outbox').select('id').execute(), before);
    assert.deepEqual(accepted, []);
    await app.close();
  });

  it('never hands a mail to the relay twice when deliveries run at once', async () => {
    const { transport, accepted } = relay();
    const app = await serverOn(store, transport);
    transport.down = true;
    for (let i = 0; i < 5; i++) assert.equal((await sign(app, `race-${i}@example.org`)).statusCode, 201);
    transport.down = false;
    const now = () => new Date();
    const counts = await Promise.all(
      Array.from({ length: 4 }, () => deliverQueuedMail(store.db, transport, { now, warn: () => {} })),
    );
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      5,
    );
    assert.deepEqual(
      accepted.map((mail) => mail.to).sort(),
      [0, 1, 2, 3, 4].map((i) => `race-${i}@example.org`),
    );
    await app.close();
  });

  it('sends a mail whose delivery died mid-send once its claim runs out, and not before', async () => {
    const { transport, accepted } = relay();
    const app = await serverOn(store, transport);
    transport.down = true;
    assert.equal((await sign(app, 'claimed-by-the-dead@example.org')).statusCode, 201);
    await app.close();

    // A delivery claims the mail and its process dies while the relay is talking: the send never settles.
    const start = Date.now();
    const at = (ms: number) => () => new Date(start + ms);
    const dying: MailTransport = { send: () => new Promise<never>(() => {}) };
    void deliverQueuedMail(store.db, dying, { now: at(0), warn: () => {}, claimMs: 60_000 });
    await waitFor(async () => (await claimedUntil('claimed-by-the-dead@example.org')) !== null);

    transport.down = false;
    const options = { warn: () => {}, claimMs: 60_000 };
    assert.equal(await deliverQueuedMail(store.db, transport, { ...options, now: at(59_000) }), 0);
    assert.equal(accepted.length, 0);
    assert.equal(await deliverQueuedMail(store.db, transport, { ...options, now: at(60_000) }), 1);
    assert.deepEqual(
      accepted.map((mail) => mail.to),
      ['claimed-by-the-dead@example.org'],
    );
    assert.equal(await deliverQueuedMail(store.db, transport, { ...options, now: at(200_000) }), 0);
    assert.equal(accepted.length, 1);
  });

  const claimedUntil = async (address: string) =>
    (
      await store.db
        .selectFrom('outbox')
        .select('claimed_until')
        .where('to_address', '=', address)
        .executeTakeFirstOrThrow()
    ).claimed_until;
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 200) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
