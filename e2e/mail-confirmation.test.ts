// A resident confirms a signature from the mail that arrived: the server sends the confirmation mail through a
// real SMTP server (smtp-server, in this process), the test reads the link from the mail's HTML part, opens it
// in Chromium, presses "Confirm my signature" and sees the signature counted.
// Run: node --conditions=development --import tsx --test e2e/mail-confirmation.test.ts
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '@civic-widgets/server/db/database';
import { createServer } from '@civic-widgets/server/server';
import type { FastifyInstance } from 'fastify';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { launchChromium } from './support/browser.js';
import { ADMIN_TOKEN } from './support/server.js';

describe('confirming a signature from the mail, in a browser', () => {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  before(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    // The server's engines have suites of their own: here the browser follows the mail.
    store = await openStore(':memory:');
    app = await createServer({
      store,
      seed: 'demo',
      adminToken: ADMIN_TOKEN,
      writeLimitPerMinute: 0,
      readLimitPerMinute: 0,
      logger: false,
      publicUrl: 'http://127.0.0.1:0',
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'petitions@council.example',
      mailPollMs: 100,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const patched = await fetch(`${base}/api/v1/admin/petitions/safer-crossings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requiresConfirmation: true }),
    });
    assert.equal(patched.status, 200);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('follows the link from the mail, presses the button and is counted', async () => {
    const count = async () =>
      ((await (await fetch(`${base}/api/v1/petitions/safer-crossings`)).json()) as { signatureCount: number })
        .signatureCount;
    const before = await count();
    const signed = await fetch(`${base}/api/v1/petitions/safer-crossings/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'accept-language': 'en-GB' },
      body: JSON.stringify({ name: 'Browser Resident', email: 'resident@example.org', consent: true }),
    });
    assert.equal(signed.status, 201);
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(received.length, 1);
    // The link as the HTML part gives it; the public URL's port (0) becomes the one the server listens on.
    const href = /href="([^"]+)"/.exec(String(received[0]?.html))?.[1];
    assert.ok(href);
    const link = href.replace('http://127.0.0.1:0', base);

    const page = await browser.newPage();
    await page.goto(link);
    assert.ok(await page.getByText('You are signing').isVisible());
    assert.equal(await count(), before, 'opening the link alone confirms nothing');
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    assert.equal(await count(), before + 1);
    await page.close();
  });
});
