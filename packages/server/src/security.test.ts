import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, readConfig } from './config.js';
import { assertProblem, newKey, testServer } from './test-support/harness.js';

const signature = { name: 'Sam', email: 'sam@example.org', consent: true };

describe('CORS', () => {
  it('allows only the configured origins, without credentials', async () => {
    const t = await testServer({ allowedOrigins: ['https://www.council.example'] });
    try {
      const allowed = await t.get('/api/v1/petitions', { origin: 'https://www.council.example' });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://www.council.example');
      assert.equal(allowed.headers['access-control-allow-credentials'], undefined);
      const other = await t.get('/api/v1/petitions', { origin: 'https://evil.example' });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/feedback',
        headers: {
          origin: 'https://www.council.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.match(String(preflight.headers['access-control-allow-headers']), /Idempotency-Key/i);
      const evilPreflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/feedback',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(evilPreflight.headers['access-control-allow-origin'], undefined);
    } finally {
      await t.close();
    }
  });

  it('allows any origin only when told "*", and none by default', async () => {
    const star = await testServer({ allowedOrigins: ['*'] });
    const none = await testServer();
    try {
      const fromStar = await star.get('/api/v1/polls', { origin: 'https://anyone.example' });
      assert.equal(fromStar.headers['access-control-allow-origin'], '*');
      const fromNone = await none.get('/api/v1/polls', { origin: 'https://anyone.example' });
      assert.equal(fromNone.headers['access-control-allow-origin'], undefined);
    } finally {
      await star.close();
      await none.close();
    }
  });
});

describe('rate limits', () => {
  it('limits submissions per client with a 429 problem and Retry-After', async () => {
    const t = await testServer({ writeLimitPerMinute: 3, readLimitPerMinute: 0 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await t.post('/api/v1/petitions/safer-crossings/signatures', { ...signature, email: `s${i}@example.org` }))
            .statusCode,
        );
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const limited = await t.post('/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 1 } });
      assertProblem(limited, 429, 'rate-limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // Reads have their own budget.
      assert.equal((await t.get('/api/v1/petitions')).statusCode, 200);
      // Another client is not affected.
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        remoteAddress: '203.0.113.9',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        payload: JSON.stringify({ topic: 'bins', rating: { scale: 'thumbs', value: 1 } }),
      });
      assert.equal(other.statusCode, 201);
    } finally {
      await t.close();
    }
  });
});

describe('privacy and failure', () => {
  it('never logs the client address or query strings', async () => {
    let log = '';
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk;
        done();
      },
    });
    const t = await testServer({ logger: true, logStream, logLevel: 'info' });
    try {
      await t.app.inject({ method: 'GET', url: '/api/v1/services?postcode=LS1%203AB', remoteAddress: '198.51.100.23' });
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/petitions/safer-crossings/signatures',
        remoteAddress: '198.51.100.23',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), 'x-forwarded-for': '192.0.2.77' },
        payload: JSON.stringify(signature),
      });
      assert.match(log, /request completed/);
      assert.doesNotMatch(log, /198\.51\.100\.23|192\.0\.2\.77|LS1|remoteAddress|sam@example/);
    } finally {
      await t.close();
    }
  });

  it('answers a database failure with a bare 500 problem', async () => {
    const t = await testServer();
    try {
      await sql`DROP TABLE feedback`.execute(t.db);
      const response = await t.post('/api/v1/feedback', { topic: 'bins', rating: { scale: 'thumbs', value: 1 } });
      const problem = assertProblem(response, 500, 'internal');
      assert.doesNotMatch(response.body, /no such table|sqlite|stack/i);
      assert.equal(problem.detail, undefined);
    } finally {
      await t.close();
    }
  });

  it('refuses to send a response that breaks the protocol', async () => {
    const t = await testServer();
    try {
      // Data written behind the server's back (an empty title) must not reach a widget as if it were valid.
      await t.db.updateTable('petitions').set({ title: '' }).where('id', '=', 'safer-crossings').execute();
      assertProblem(await t.get('/api/v1/petitions/safer-crossings'), 500, 'internal');
      assert.equal((await t.get('/api/v1/petitions/library-hours')).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  it('sends security headers and no caching on the API', async () => {
    const t = await testServer();
    try {
      const response = await t.get('/api/v1/petitions');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers['set-cookie'], undefined);
    } finally {
      await t.close();
    }
  });
});

describe('configuration', () => {
  it('reads the documented variables', () => {
    const config = readConfig({
      PORT: '9000',
      CIVIC_DB_FILE: '/var/lib/civic/db.sqlite',
      CIVIC_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
      CIVIC_ADMIN_TOKEN: 'x'.repeat(32),
      CIVIC_RATE_LIMIT_WRITES: '0',
      CIVIC_TRUST_PROXY: '1',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.dbFile, '/var/lib/civic/db.sqlite');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(config.writeLimitPerMinute, 0);
    assert.equal(config.trustProxy, 1);
    assert.equal(readConfig({ DATABASE_URL: 'sqlite:./x.sqlite' }).dbFile, './x.sqlite');
    const postgres = 'postgres://civic:secret@db.internal:5432/civic';
    assert.equal(readConfig({ DATABASE_URL: postgres }).databaseUrl, postgres);
    assert.equal(readConfig({}).databaseUrl, undefined);
    assert.equal(readConfig({}).dbFile, './data/civic.sqlite');
    assert.equal(readConfig({}).adminToken, undefined);
  });

  it('stops on a bad value with a message that names the variable', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ CIVIC_ALLOWED_ORIGINS: 'https://a.example/' }, 'CIVIC_ALLOWED_ORIGINS'],
      [{ CIVIC_ALLOWED_ORIGINS: '*, https://a.example' }, 'CIVIC_ALLOWED_ORIGINS'],
      [{ CIVIC_ADMIN_TOKEN: 'short' }, 'CIVIC_ADMIN_TOKEN'],
      [{ DATABASE_URL: 'mysql://db' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'postgres://db:99999/civic' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'postgres://db:port/civic' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'postgres://db:5432/' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'postgresql://db:5432' }, 'DATABASE_URL'],
      [{ CIVIC_RATE_LIMIT_READS: '-1' }, 'CIVIC_RATE_LIMIT_READS'],
      [{ CIVIC_SEED: 'yes' }, 'CIVIC_SEED'],
      [{ CIVIC_TRUST_PROXY: 'maybe' }, 'CIVIC_TRUST_PROXY'],
      [{ CIVIC_PUBLIC_URL: 'ftp://x' }, 'CIVIC_PUBLIC_URL'],
    ];
    for (const [env, name] of cases) {
      assert.throws(
        () => readConfig(env),
        (error: unknown) => error instanceof ConfigError && error.message.startsWith(name),
        name,
      );
    }
  });
});

describe('configuration errors never show the database password', () => {
  it('masks it in the message of a bad DATABASE_URL', () => {
    assert.throws(
      () => readConfig({ DATABASE_URL: 'mysql://civic:hunter2@db/civic' }),
      (error: unknown) =>
        error instanceof ConfigError && !error.message.includes('hunter2') && error.message.includes('civic:***@'),
    );
  });
});
