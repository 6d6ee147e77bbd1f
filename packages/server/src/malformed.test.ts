// A structure-aware corpus against the public write endpoints: limits ±1, odd characters, odd numbers, odd
// JSON, odd media types, bodies that are too big, cut short or slow. Pass: never a 5xx, every refusal a problem
// document, nothing polluted, and every stored row reads back as a valid request.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { FeedbackRequest, SignatureRequest } from '@civic-widgets/client/schemas';
import * as z from 'zod/mini';
import { assertProblem, feedbackRowAsRequest, newKey, type TestServer, testServer } from './test-support/harness.js';

const SIGN = '/api/v1/petitions/safer-crossings/signatures';
const VOTE = '/api/v1/polls/park-name/votes';
const FEEDBACK = '/api/v1/feedback';

let emails = 0;
const signer = (extra: Record<string, unknown> = {}) => ({
  name: 'Sam',
  email: `malformed${++emails}@example.org`,
  consent: true,
  ...extra,
});
const rated = (extra: Record<string, unknown> = {}) => ({
  topic: 'malformed',
  rating: { scale: 'stars', value: 3 },
  ...extra,
});

/** Characters that break naive code, each inside an otherwise valid text. */
const ODD_TEXTS = [
  ...Array.from({ length: 32 }, (_, c) => `a${String.fromCharCode(c)}b`),
  'a\u007fb',
  'a\u0085b',
  'a\u2028b\u2029c',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\u200b\u200c\u200d\ufeff',
  'a\ud800b',
  'a\udc00b',
  '\ud83d',
  '💩🏳️‍🌈👩🏽‍⚕️',
  'e\u0301\u0301\u0301\u0301',
  'ﷺ'.repeat(10),
  '\\u0000',
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder sent as plain text on purpose
  '${constructor}',
];

describe('malformed requests to the write endpoints', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  /** Sends a raw body; the answer must be a 2xx or a problem document, never a 5xx. */
  async function send(url: string, payload: string, contentType = 'application/json') {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, 'idempotency-key': newKey() },
      payload,
    });
    assert.ok(response.statusCode < 500, `${response.statusCode} for ${payload.slice(0, 80)}`);
    if (response.statusCode >= 300) assertProblem(response, response.statusCode);
    return response;
  }
  const sendJson = (url: string, body: unknown) => send(url, JSON.stringify(body));

  it('takes every text at its length limit and refuses one character more, naming the field', async () => {
    const cases = [
      [SIGN, (v: string) => signer({ name: v }), 200, 'name'],
      [SIGN, (v: string) => signer({ postcode: v }), 16, 'postcode'],
      [FEEDBACK, (v: string) => rated({ comment: v }), 2000, 'comment'],
      [FEEDBACK, (v: string) => rated({ topic: v }), 100, 'topic'],
      [FEEDBACK, (v: string) => rated({ reasons: [v] }), 100, 'reasons.0'],
      [FEEDBACK, (v: string) => rated({ locale: v }), 35, 'locale'],
    ] as const;
    for (const [url, body, max, path] of cases) {
      assert.equal((await sendJson(url, body('x'.repeat(max)))).statusCode, 201, `${path} at ${max}`);
      const over = await sendJson(url, body('x'.repeat(max + 1)));
      const problem = assertProblem(over, 422, 'validation');
      assert.ok(
        problem.errors?.some((e) => e.path === path),
        `${path}: ${over.body}`,
      );
    }
    // Counts of things: 20 reasons and 50 choices are the limits.
    const reasons = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    assert.equal((await sendJson(FEEDBACK, rated({ reasons: reasons(20) }))).statusCode, 201);
    assertProblem(await sendJson(FEEDBACK, rated({ reasons: reasons(21) })), 422, 'validation');
    assertProblem(await sendJson(VOTE, { choices: Array.from({ length: 51 }, (_, i) => `o${i}`) }), 422, 'validation');
  });

  it('stores odd characters as sent or refuses them, never breaks', async () => {
    for (const text of ODD_TEXTS) {
      await sendJson(SIGN, signer({ name: text }));
      await sendJson(FEEDBACK, rated({ comment: text, reasons: [text] }));
      await sendJson(VOTE, { choices: [text] });
    }
  });

  it('refuses numbers that are not ratings', async () => {
    const numbers = ['1e308', '1e400', '-1e400', '9007199254740993', '-0', '3.0000000000000001', '0x3', '3e0', '03'];
    for (const n of numbers) {
      const response = await send(FEEDBACK, `{"topic":"malformed","rating":{"scale":"stars","value":${n}}}`);
      // Only values JSON reads as exactly 3 (3e0, 3.0000000000000001) are ratings; the rest are refused.
      assert.ok([201, 400, 422].includes(response.statusCode), `${n}: ${response.statusCode}`);
    }
    assertProblem(await sendJson(FEEDBACK, rated({ rating: { scale: 'stars', value: 1e308 } })), 422, 'validation');
  });

  it('refuses JSON that is not a request: deep nesting, prototype keys, wrong shapes, broken text', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const bodies = [
      deep(5000),
      `{"a":${deep(4000)}}`,
      '{"__proto__":{"polluted":true},"topic":"malformed","rating":{"scale":"stars","value":3}}',
      '{"constructor":{"prototype":{"polluted":true}},"topic":"malformed","rating":{"scale":"stars","value":3}}',
      '{',
      '{"topic":}',
      'nul',
      '""',
      '[]',
      'null',
      '0',
      '\ufeff{"topic":"malformed","rating":{"scale":"stars","value":3}}',
      '{"topic":"malformed","rating":{"scale":"stars","value":3}}garbage',
      '{"topic":"malformed","rating":{"scale":"stars","value":3},}',
      "{'topic':'malformed'}",
      '{"topic":"\\ud800","rating":{"scale":"stars","value":3}}',
      '{"topic":"malformed","rating":{"scale":"stars","value":3,"value":9}}',
      '{"rating":{"scale":"stars","value":9},"rating":{"scale":"stars","value":3},"topic":"dup"}',
    ];
    for (const body of bodies) {
      for (const url of [SIGN, VOTE, FEEDBACK]) await send(url, body);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Duplicate keys: the last one counts, as in JSON.parse, and what is stored is what was validated.
    const dup = await t.db.selectFrom('feedback').select('rating_value').where('topic', '=', 'dup').execute();
    assert.deepEqual(
      dup.map((r) => r.rating_value),
      [3],
    );
  });

  it('refuses other media types and oversized bodies with problems', async () => {
    const valid = JSON.stringify(rated());
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json-patch+json',
      '',
    ]) {
      const response = await send(FEEDBACK, valid, type);
      assert.equal(response.statusCode, 415, type);
    }
    const big = JSON.stringify(rated({ comment: 'x'.repeat(16 * 1024) }));
    assertProblem(await send(FEEDBACK, big), 413, 'too-large');
  });

  it('leaves only valid rows behind', async () => {
    for (const row of await t.db.selectFrom('signatures').selectAll().execute()) {
      const stored = {
        name: row.name,
        email: row.email,
        consent: true,
        ...(row.postcode ? { postcode: row.postcode } : {}),
      };
      assert.ok(z.safeParse(SignatureRequest, stored).success, JSON.stringify(stored));
    }
    for (const row of await t.db.selectFrom('feedback').selectAll().execute()) {
      const stored = feedbackRowAsRequest(row);
      assert.ok(z.safeParse(FeedbackRequest, stored).success, JSON.stringify(stored));
    }
  });
});

describe('bodies cut short or sent slowly, over a real socket', () => {
  let t: TestServer;
  let port: number;
  before(async () => {
    t = await testServer();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(() => t.close());

  /** Writes a request by hand: the head, then `chunks` with `delayMs` between them, then maybe hangs up. */
  function rawRequest(head: string, chunks: string[], delayMs: number, hangUp: boolean) {
    return new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (data) => {
        answer += data;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', () => resolve(answer));
      socket.write(head);
      let i = 0;
      const next = () => {
        if (i < chunks.length) {
          socket.write(chunks[i++]!);
          setTimeout(next, delayMs);
        } else if (hangUp) socket.end();
        else setTimeout(() => socket.end(), 2000);
      };
      next();
    });
  }

  const head = (length: number) =>
    `POST ${FEEDBACK} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: ${newKey()}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

  it('stores nothing from a body cut short, and keeps serving', async () => {
    const body = JSON.stringify(rated({ topic: 'truncated' }));
    const answer = await rawRequest(head(body.length), [body.slice(0, 20)], 0, true);
    assert.doesNotMatch(answer, /^HTTP\/1\.1 (201|5\d\d)/);
    const rows = await t.db.selectFrom('feedback').select('id').where('topic', '=', 'truncated').execute();
    assert.equal(rows.length, 0);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/polls`)).status, 200);
  });

  it('takes a body that arrives slowly, once', async () => {
    const body = JSON.stringify(rated({ topic: 'slow' }));
    const chunks = body.match(/.{1,8}/g)!;
    const answer = await rawRequest(head(body.length), chunks, 100, false);
    assert.match(answer, /^HTTP\/1\.1 201/);
    const rows = await t.db.selectFrom('feedback').select('id').where('topic', '=', 'slow').execute();
    assert.equal(rows.length, 1);
  });
});
