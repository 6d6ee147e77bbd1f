import assert from 'node:assert/strict';
import { Problem } from '@civic-widgets/client/schemas';
import type { LightMyRequestResponse } from 'fastify';
import * as z from 'zod/mini';
import { openStore } from '../db/database.js';
import type { Mail } from '../mail/transport.js';
import { createServer, type ServerOptions } from '../server.js';
import { testEngine, testStoreLocation } from './engine.js';

export { testEngine } from './engine.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = () => `test-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;

export type TestServerOptions = Omit<ServerOptions, 'store' | 'mail'>;

/**
 * A server on a database of its own (in-memory SQLite, or a new PostgreSQL database when the suite runs with
 * CIVIC_TEST_ENGINE=postgres) with the demo seed, no rate limits and an admin token, plus helpers for
 * JSON requests. `mails` collects what the transport was asked to send.
 */
export async function testServer(options: TestServerOptions = {}) {
  const database = await testStoreLocation({ seeded: (options.seed ?? 'demo') === 'demo' });
  const store = await openStore(database.location);
  const mails: Mail[] = [];
  const app = await createServer({
    store,
    seed: 'demo',
    writeLimitPerMinute: 0,
    readLimitPerMinute: 0,
    adminToken: ADMIN_TOKEN,
    validateResponses: true,
    logger: false,
    mail: { send: async (mail) => void mails.push(mail) },
    ...options,
  });
  const json = (response: LightMyRequestResponse) => response.json() as Record<string, unknown>;
  return {
    app,
    db: store.db,
    engine: testEngine,
    mails,
    json,
    get: (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, body: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), ...headers },
        payload: JSON.stringify(body),
      }),
    admin: (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method,
        url: `/api/v1/admin${url}`,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' ? { 'idempotency-key': newKey() } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
    close: async () => {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof testServer>>;

/** Asserts a protocol problem document: status, media type, schema, and (optionally) its type's slug. */
export function assertProblem(response: LightMyRequestResponse, status: number, slug?: string) {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = response.json() as Problem;
  assertValid(Problem, problem);
  assert.equal(problem.status, status);
  if (slug) assert.equal(problem.type, `https://civic-widgets.org/problems/${slug}`);
  // Whatever went wrong, no stack trace or SQL reaches the client.
  assert.doesNotMatch(response.body, /\n\s+at |\.[cm]?[jt]s:\d+:\d+|SQLITE_|\bselect\b.+\bfrom\b|\binsert into\b/i);
  return problem;
}

/** Asserts that a response body matches one of the protocol's schemas. */
export function assertValid(schema: z.core.$ZodType, value: unknown) {
  const result = z.safeParse(schema, value);
  assert.ok(result.success, `invalid: ${JSON.stringify(result.error?.issues)}`);
}

/** A stored feedback row as the request it came from, to check it against the protocol's schema. */
export function feedbackRowAsRequest(row: {
  topic: string;
  rating_scale: string;
  rating_value: number;
  comment: string | null;
  reasons: string | null;
  page_url: string | null;
  locale: string | null;
  fields: string | null;
}) {
  return {
    topic: row.topic,
    rating: { scale: row.rating_scale, value: row.rating_value },
    ...(row.comment ? { comment: row.comment } : {}),
    ...(row.reasons ? { reasons: JSON.parse(row.reasons) } : {}),
    ...(row.page_url ? { pageUrl: row.page_url } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.fields ? { fields: JSON.parse(row.fields) } : {}),
  };
}
