// Mail that arrives: the server sends confirmation mail through a real SMTP server (smtp-server, in this
// process) and the test reads what it received: headers, both parts, the link, which it then follows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { openStore, type Store } from '../db/database.js';
import { createServer } from '../server.js';
import { testStoreLocation } from '../test-support/engine.js';
import { ADMIN_TOKEN } from '../test-support/harness.js';

const FROM = 'petitions@council.example';

/** An SMTP relay on a fixed port that can bounce addresses, refuse for now, or be down altogether. */
function relay(port = 0) {
  const received: (ParsedMail & { at: number })[] = [];
  const state = { temporaryRefusals: 0, bounce: new Set<string>() };
  const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.bounce.has(address.address)) return callback(smtpError('5.1.1 No such mailbox here', 550));
      callback();
    },
    onData(stream, _session, callback) {
      if (state.temporaryRefusals > 0) {
        state.temporaryRefusals--;
        stream.resume();
        stream.on('end', () => callback(smtpError('4.3.0 Busy, try again later', 451)));
        return;
      }
      simpleParser(stream).then((mail) => {
        received.push(Object.assign(mail, { at: Date.now() }));
        callback();
      }, callback);
    },
  });
  return {
    received,
    state,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('confirmation mail through SMTP', () => {
  let smtp: ReturnType<typeof relay>;
  let port: number;
  let store: Store;
  let drop: () => Promise<void>;
  let app: FastifyInstance;

  before(async () => {
    smtp = relay();
    port = await smtp.listen();
    const database = await testStoreLocation({ seeded: true });
    drop = database.drop;
    store = await openStore(database.location);
    app = await createServer({
      store,
      seed: 'demo',
      writeLimitPerMinute: 0,
      readLimitPerMinute: 0,
      adminToken: ADMIN_TOKEN,
      logger: false,
      publicUrl: 'https://participate.council.example',
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: FROM,
      mailRate: 20,
      mailRetryBaseMs: 100,
      mailPollMs: 100,
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/petitions/safer-crossings',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ requiresConfirmation: true }),
    });
    assert.equal(patched.statusCode, 200);
  });
  after(async () => {
    await app.close();
    await store.close();
    await drop();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const sign = (email: string, language?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-crossings/signatures',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        ...(language ? { 'accept-language': language } : {}),
      },
      payload: JSON.stringify({ name: 'Sam', email, consent: true }),
    });
  /** What the page's form sends when the resident presses its button. */
  const pressConfirm = (path: string) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
  const title = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/petitions/safer-crossings' })).json().title as string;

  it("sends text and HTML in the signer's language, with the title, the link and a line for who did not sign", async () => {
    const cases = [
      { email: 'fr@example.org', language: 'fr-CA,fr;q=0.9,en;q=0.5', notYou: /Si vous n’avez pas signé/ },
      { email: 'zh@example.org', language: 'zh-CN', notYou: /如果您没有签署/ },
      { email: 'ar@example.org', language: 'de, ar;q=0.8', notYou: /إذا لم توقّع/ },
      { email: 'es@example.org', language: 'es', notYou: /Si usted no firmó/ },
      { email: 'en@example.org', language: undefined, notYou: /If you did not sign/ },
    ];
    for (const { email, language } of cases) assert.equal((await sign(email, language)).statusCode, 201);
    await until(() => smtp.received.length === cases.length, 'every mail arrived');
    const name = await title();
    for (const { email, notYou } of cases) {
      const mail = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === email);
      assert.ok(mail, email);
      assert.equal(mail.from?.text, FROM);
      assert.ok(mail.subject?.includes(name), mail.subject);
      const link =
        /https:\/\/participate\.council\.example\/api\/v1\/confirmations\/[A-Za-z0-9_-]{20,}\?lang=[a-z]{2}/.exec(
          mail.text ?? '',
        )?.[0];
      assert.ok(link, mail.text);
      assert.ok(mail.text?.includes(name));
      assert.match(mail.text ?? '', notYou);
      assert.ok(typeof mail.html === 'string' && mail.html.includes(`href="${link}"`), String(mail.html));
      assert.match(String(mail.html), notYou);
    }
    const arabic = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === 'ar@example.org');
    assert.match(String(arabic?.html), /<html lang="ar" dir="rtl">/);
  });

  it('follows the link: the page shows the petition and a button, and its POST confirms', async () => {
    assert.equal((await sign('follow@example.org')).statusCode, 201);
    await until(() => smtp.received.length === 1, 'the mail arrived');
    const path = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+/.exec(smtp.received[0]?.text ?? '')?.[0];
    assert.ok(path);
    const before = (await app.inject({ method: 'GET', url: '/api/v1/petitions/safer-crossings' })).json()
      .signatureCount as number;
    const page = await app.inject({ method: 'GET', url: path });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(await title()));
    assert.match(page.body, /<button type="submit">Confirm my signature<\/button>/);
    const confirmed = await pressConfirm(path);
    assert.equal(confirmed.statusCode, 200);
    const after = (await app.inject({ method: 'GET', url: '/api/v1/petitions/safer-crossings' })).json().signatureCount;
    assert.equal(after, before + 1);
  });

  it("opens the page in the mail's language, whose button is the one the mail names", async () => {
    const cases = [
      { email: 'page-fr@example.org', language: 'fr', button: 'Confirmer ma signature', thanks: 'Merci', dir: 'ltr' },
      { email: 'page-ar@example.org', language: 'ar', button: 'تأكيد توقيعي', thanks: 'شكرًا لك', dir: 'rtl' },
      { email: 'page-zh@example.org', language: 'zh-TW', button: '确认我的签名', thanks: '谢谢', dir: 'ltr' },
    ];
    for (const { email, language } of cases) assert.equal((await sign(email, language)).statusCode, 201);
    await until(() => smtp.received.length === cases.length, 'every mail arrived');
    for (const { email, language, button, thanks, dir } of cases) {
      const mail = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === email);
      assert.ok(mail?.text?.includes(button), `the ${language} mail names the button`);
      const path = /\/api\/v1\/confirmations\/[^\s]+/.exec(mail?.text ?? '')?.[0];
      assert.ok(path);
      // The browser that opens the link may prefer another language: the mail's language wins.
      const page = await app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
      const lang = language.slice(0, 2);
      assert.match(page.body, new RegExp(`<html lang="${lang}" dir="${dir}">`));
      assert.ok(page.body.includes(`<button type="submit">${button}</button>`), page.body);
      const confirmed = await pressConfirm(path);
      assert.equal(confirmed.statusCode, 200);
      assert.ok(confirmed.body.includes(`<h1>${thanks}</h1>`), confirmed.body);
      assert.ok(confirmed.body.includes(await title()));
    }
  });

  it('retries a temporary refusal with backoff and delivers the mail once', async () => {
    smtp.state.temporaryRefusals = 2;
    assert.equal((await sign('busy@example.org')).statusCode, 201);
    await until(() => smtp.received.length === 1, 'the mail arrived after two refusals');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(smtp.received.length, 1);
    const row = await store.db
      .selectFrom('outbox')
      .select(['attempts', 'sent_at', 'failed_at'])
      .where('to_address', '=', 'busy@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.attempts, 2);
    assert.ok(row.sent_at);
    assert.equal(row.failed_at, null);
  });

  it('marks mail refused for good as failed, shows the reason to administrators, and sends the rest', async () => {
    smtp.state.bounce.add('nobody@example.org');
    assert.equal((await sign('nobody@example.org')).statusCode, 201);
    assert.equal((await sign('somebody@example.org')).statusCode, 201);
    await until(() => smtp.received.length === 1, 'the other mail arrived');
    assert.equal(!Array.isArray(smtp.received[0]?.to) && smtp.received[0]?.to?.text, 'somebody@example.org');
    const failed = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/outbox?status=failed',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(failed.statusCode, 200);
    const items = failed.json().items as { to: string; failure: string; failedAt: string }[];
    assert.equal(items.length, 1);
    assert.equal(items[0]?.to, 'n***@example.org');
    assert.match(items[0]?.failure ?? '', /550.*No such mailbox/);
    assert.ok(items[0]?.failedAt);

    // The mailbox is restored: an administrator sends the mail again, once, and the audit log says so.
    smtp.state.bounce.delete('nobody@example.org');
    const retry = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/admin/outbox/${id}/retry`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
    const id = (failed.json().items as { id: string }[])[0]!.id;
    assert.equal((await retry(id)).statusCode, 200);
    await until(() => smtp.received.length === 2, 'the mail sent again arrived');
    assert.equal(!Array.isArray(smtp.received[1]?.to) && smtp.received[1]?.to?.text, 'nobody@example.org');
    const entry = await store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', `mail:${id}`)
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'mail.retry');
    assert.doesNotMatch(entry.details, /nobody/, 'the audit log keeps no address');
    // Sent mail is never sent again; unknown mail is not found.
    assert.equal((await retry(id)).statusCode, 409);
    assert.equal((await retry('nope')).statusCode, 404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.received.length, 2);
  });

  it('keeps mail queued while the relay is down and delivers each once, paced, when it returns', async () => {
    await smtp.close();
    const emails = Array.from({ length: 6 }, (_, i) => `down-${i}@example.org`);
    for (const email of emails) assert.equal((await sign(email)).statusCode, 201);
    // Each delivery run claims a mail for a moment and puts it back: the admin API soon lists all of them waiting.
    const queued = async () =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/admin/outbox?status=queued',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).json().items as { attempts: number }[];
    await until(async () => {
      const items = await queued();
      return items.length === emails.length && items.every((item) => item.attempts >= 1);
    }, 'every mail waits after a failed attempt');
    assert.equal(smtp.received.length, 0);
    smtp = relay(port);
    await smtp.listen();
    await until(() => smtp.received.length === emails.length, 'every queued mail arrived', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const to = smtp.received.map((m) => (Array.isArray(m.to) ? '' : m.to?.text));
    assert.deepEqual([...to].sort(), [...emails].sort());
    // CIVIC_MAIL_RATE (20 a second here): no two mails closer than 50 ms, give or take the clock.
    const times = smtp.received.map((m) => m.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 40, String(times));
  });
});
