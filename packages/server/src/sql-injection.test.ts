// 500 SQL injection strings through every free-text field a resident or an administrator writes: each must
// come back byte for byte, and nothing else in the database may change. Kysely binds every value as a
// parameter; this proves it for the routes as they are, and keeps proving it as they change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testEngine } from './test-support/engine.js';
import { type TestServer, testServer } from './test-support/harness.js';

const ATTACKS = [
  "' OR '1'='1",
  "' OR 1=1",
  '" OR ""="',
  "') OR ('a'='a",
  '1; DROP TABLE signatures',
  "'; DELETE FROM feedback WHERE '1'='1",
  "'; UPDATE petitions SET title='pwned'",
  "' UNION SELECT name, sql FROM sqlite_master",
  "'); INSERT INTO feedback (id) VALUES ('x')",
  "admin'",
  "'||(SELECT sqlite_version())||'",
  "' AND 1=CAST((SELECT 1) AS INT)",
  "1' AND randomblob(100000000)",
  "'; ATTACH DATABASE '/tmp/x.db' AS x",
  "'; PRAGMA writable_schema=1",
  "\\'; DROP TABLE votes",
  '$1',
  '?',
  ':name',
  '@p0',
  "x' ESCAPE '\\",
  "'/**/OR/**/1=1",
  '%27%20OR%201=1',
  "' GLOB '*",
  "' COLLATE NOCASE",
];
const PREFIXES = ['', 'a', '1', 'Robert', '%', '_'];
const SUFFIXES = ['', '--', ' -- -', '#', '/*', ';'];

/** 500 distinct strings: every attack with every prefix and suffix, in a fixed order. */
const CORPUS = [
  ...new Set(ATTACKS.flatMap((attack) => PREFIXES.flatMap((p) => SUFFIXES.map((s) => `${p}${attack}${s}`)))),
].slice(0, 500);

/** Everything but the rows the test itself writes: tables, schema and the seeded content. */
async function fingerprint(t: TestServer) {
  const schema =
    testEngine === 'postgres'
      ? await sql`SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(t.db)
      : await sql`SELECT sql FROM sqlite_master ORDER BY name`.execute(t.db);
  const counts = await sql<{ n: number }>`SELECT
      (SELECT count(*) FROM polls) + (SELECT count(*) FROM services) + (SELECT count(*) FROM categories) AS n`.execute(
    t.db,
  );
  const petitions = await t.db.selectFrom('petitions').select(['id', 'title']).orderBy('id').execute();
  return { schema: schema.rows, counts: counts.rows, petitions };
}

describe('500 SQL injection strings in every text field', () => {
  let t: TestServer;
  let before0: Awaited<ReturnType<typeof fingerprint>>;
  before(async () => {
    t = await testServer();
    before0 = await fingerprint(t);
  });
  after(() => t.close());

  it(`has ${CORPUS.length} distinct strings`, () => assert.equal(CORPUS.length, 500));

  it('stores a signer name byte for byte', async () => {
    for (const [i, name] of CORPUS.entries()) {
      const response = await t.post('/api/v1/petitions/safer-crossings/signatures', {
        name,
        email: `sql${i}@example.org`,
        consent: true,
      });
      assert.equal(response.statusCode, 201, name);
    }
    const rows = await t.db.selectFrom('signatures').select(['name', 'email']).where('email', 'like', 'sql%').execute();
    assert.equal(rows.length, CORPUS.length);
    for (const row of rows) assert.equal(row.name, CORPUS[Number(row.email.slice(3, -12))]);
  });

  it('stores feedback comments and reasons byte for byte', async () => {
    for (const [i, comment] of CORPUS.entries()) {
      const response = await t.post('/api/v1/feedback', {
        topic: `sql-${i}`,
        rating: { scale: 'thumbs', value: 0 },
        comment,
        reasons: [comment.slice(0, 100)],
      });
      assert.equal(response.statusCode, 201, comment);
    }
    const rows = await t.db
      .selectFrom('feedback')
      .select(['topic', 'comment', 'reasons'])
      .where('topic', 'like', 'sql-%')
      .execute();
    assert.equal(rows.length, CORPUS.length);
    for (const row of rows) {
      const sent = CORPUS[Number(row.topic.slice(4))]!;
      assert.equal(row.comment, sent);
      assert.deepEqual(JSON.parse(row.reasons ?? '[]'), [sent.slice(0, 100)]);
    }
  });

  it('stores petition titles, summaries and government responses byte for byte', async () => {
    for (const text of CORPUS) {
      const edited = await t.admin('PATCH', '/petitions/library-hours', { title: text, summary: text });
      assert.equal(edited.statusCode, 200, text);
      const responded = await t.admin('PUT', '/petitions/library-hours/response', { summary: text, body: text });
      assert.equal(responded.statusCode, 200, text);
      const shown = t.json(await t.get('/api/v1/petitions/library-hours'));
      assert.equal(shown.title, text);
      assert.equal(shown.summary, text);
      assert.deepEqual(
        [(shown.response as { summary: string }).summary, (shown.response as { body: string }).body],
        [text, text],
      );
    }
  });

  it('stores officers’ inbox notes byte for byte, and filters the audit log by any text as text', async () => {
    const [first] = await t.db.selectFrom('feedback').select('id').where('topic', 'like', 'sql-%').limit(1).execute();
    for (const text of CORPUS) {
      const note = text.slice(0, 2000).trim() || 'x';
      const marked = await t.admin('PUT', `/feedback/${first!.id}/triage`, { status: 'actioned', note });
      assert.equal(marked.statusCode, 200, text);
      const row = await t.db.selectFrom('feedback').select('triage_note').where('id', '=', first!.id).execute();
      assert.equal(row[0]!.triage_note, note);
      const audit = await t.admin('GET', `/audit?actor=${encodeURIComponent(text.slice(0, 254))}`);
      assert.equal(audit.statusCode, 200, text);
      assert.deepEqual(t.json(audit), [], 'nobody is called that');
    }
  });

  it('changed nothing else: schema, polls, services and the other petitions are as seeded', async () => {
    const now = await fingerprint(t);
    assert.deepEqual(now.schema, before0.schema);
    assert.deepEqual(now.counts, before0.counts);
    assert.deepEqual(
      now.petitions.filter((p) => p.id !== 'library-hours'),
      before0.petitions.filter((p) => p.id !== 'library-hours'),
    );
    // The only keys stored are those of the requests sent here.
    const keys = await t.db
      .selectFrom('idempotency_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(keys.n), CORPUS.length * 2);
  });
});
