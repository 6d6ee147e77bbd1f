// After a busy run of the real server on a database file: the files (database, WAL) and the log hold no client
// address, the log holds no email address, and no public answer sets a cookie.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServer } from './server.js';
import { ADMIN_TOKEN, newKey } from './test-support/harness.js';

const CLIENTS = Array.from({ length: 12 }, (_, i) => `203.0.113.${101 + i}`);
const V6_CLIENT = '2001:db8:4a7f::beef';

describe('privacy of a busy run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-privacy-'));
  let app: FastifyInstance;
  let log = '';
  const responses: LightMyRequestResponse[] = [];
  const emails: string[] = [];

  before(async () => {
    app = await createServer({
      dbFile: join(dir, 'civic.sqlite'),
      seed: 'demo',
      adminToken: ADMIN_TOKEN,
      // Low enough that some clients are limited, so the limiter's bookkeeping is exercised too.
      writeLimitPerMinute: 8,
      readLimitPerMinute: 1000,
      trustProxy: '127.0.0.1',
      logLevel: 'debug',
      logStream: new Writable({
        write(chunk, _encoding, done) {
          log += chunk;
          done();
        },
      }),
    });
    const as = async (client: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        remoteAddress: '127.0.0.1',
        headers: {
          'x-forwarded-for': client,
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': newKey() }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      responses.push(response);
      return response;
    };
    // One petition mails a confirmation link (the address goes through the mail log line), one counts at once.
    const admin = (method: 'PATCH' | 'POST', url: string, body: unknown) =>
      app.inject({
        method,
        url: `/api/v1/admin${url}`,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'content-type': 'application/json',
          'idempotency-key': newKey(),
        },
        payload: JSON.stringify(body),
      });
    await admin('PATCH', '/petitions/safer-crossings', { requiresConfirmation: true });
    await admin('POST', '/petitions', {
      id: 'bus-shelters',
      title: 'Bus shelters',
      summary: 'More bus shelters',
      thresholds: [{ count: 100, label: 'Debate' }],
    });
    for (const [i, client] of [...CLIENTS, V6_CLIENT].entries()) {
      for (let n = 0; n < 10; n++) {
        const email = `resident.${i}.${n}@mail.example`;
        emails.push(email);
        const petition = n % 2 ? 'safer-crossings' : 'bus-shelters';
        await as(client, 'POST', `/api/v1/petitions/${petition}/signatures`, { name: `R ${i}`, email, consent: true });
      }
      await as(client, 'POST', '/api/v1/polls/park-name/votes', { choices: ['heron-green'] });
      await as(client, 'POST', '/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 1 } });
      await as(client, 'POST', '/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 9 } });
      await as(client, 'GET', '/api/v1/petitions/safer-crossings');
      await as(client, 'GET', '/api/v1/services?postcode=LS1%201UR');
      await as(client, 'GET', '/api/v1/no-such-thing');
    }
    await app.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exercised what it meant to: submissions stored, limits hit, mail sent', () => {
    const statuses = new Set(responses.map((r) => r.statusCode));
    for (const status of [200, 201, 404, 422, 429]) assert.ok(statuses.has(status), `no ${status}`);
    assert.match(log, /mail to/);
  });

  it('keeps no client address in the database files or the log', () => {
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
    assert.ok(files.length >= 1);
    for (const client of [...CLIENTS, V6_CLIENT]) {
      for (const bytes of files) assert.equal(bytes.indexOf(client), -1, `${client} in a database file`);
      assert.equal(log.indexOf(client), -1, `${client} in the log`);
    }
  });

  it('writes no email address to the log', () => {
    for (const email of emails) assert.equal(log.indexOf(email), -1, `${email} in the log`);
    assert.doesNotMatch(log, /[A-Za-z0-9._%+-]+@mail\.example/);
  });

  it('never sets a cookie', () => {
    for (const response of responses) assert.equal(response.headers['set-cookie'], undefined);
  });
});
