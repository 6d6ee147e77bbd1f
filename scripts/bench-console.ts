// Server time of the officers' console's lists and charts on large tables (issue 16): 100 000 signatures on one
// petition, 50 000 feedback rows, 2 000 audit entries, then each admin route the console calls, 60 times,
// through Fastify's inject (no network: the server's own time). Prints p50 and p95 per route.
// `node --conditions=development --import tsx scripts/bench-console.ts`; CIVIC_TEST_ENGINE=postgres runs it on a
// throwaway PostgreSQL cluster. Not part of `npm test`; figures go in docs/performance.md.
import { testServer } from '../packages/server/src/test-support/harness.js';

const RUNS = 60;
const t = await testServer();
const topics = ['bins', 'parking', 'libraries', 'roads', 'parks'];
const scales = ['thumbs', 'stars', 'smileys', 'nps'];
const pages = ['bins', 'parking', 'libraries', 'roads', 'parks', 'council-tax'].map(
  (p) => `https://council.example/${p}`,
);
const start = Date.parse('2026-06-01T00:00:00Z');

/** Inserts `count` rows made by `row`, 500 to a statement. */
async function fill<T>(count: number, insert: (rows: T[]) => Promise<unknown>, row: (n: number) => T) {
  for (let first = 0; first < count; first += 500) {
    await insert(Array.from({ length: Math.min(500, count - first) }, (_, i) => row(first + i)));
  }
}

const petition = (await t.db.selectFrom('petitions').select('id').executeTakeFirstOrThrow()).id;
await fill(
  100_000,
  (rows) => t.db.insertInto('signatures').values(rows).execute(),
  (n: number) => ({
    id: `sig-${n}`,
    petition_id: petition,
    email: `s${n}@example.org`,
    email_key: `s${n}@example.org`,
    name: `Signer ${n}`,
    show_name: 0,
    status: 'counted' as const,
    // Over about 70 days: a busy petition.
    created_at: new Date(start + n * 60_000).toISOString(),
  }),
);
await fill(
  50_000,
  (rows) => t.db.insertInto('feedback').values(rows).execute(),
  (n: number) => ({
    id: `fb-${String(n).padStart(6, '0')}`,
    topic: topics[n % topics.length]!,
    rating_scale: scales[n % scales.length]!,
    rating_value: 1,
    page_url: pages[n % pages.length]!,
    comment: n % 3 ? null : `Comment number ${n}`,
    created_at: new Date(start + n * 300_000).toISOString(),
    triage_status: n % 7 ? null : ('read' as const),
  }),
);
await fill(
  2_000,
  (rows) => t.db.insertInto('audit_log').values(rows).execute(),
  (n: number) => ({
    at: new Date(start + n * 1000).toISOString(),
    actor: `officer${n % 20}@council.example`,
    action: n % 2 ? 'poll.close' : 'feedback.read',
    target: 'x:y',
    details: '{}',
  }),
);

async function measure(name: string, url: string) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    const response = await t.admin('GET', url);
    times.push(performance.now() - began);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.ceil(share * RUNS) - 1]!.toFixed(1);
  console.log(`| ${name} | \`${url.slice(0, 70)}\` | ${at(0.5)} | ${at(0.95)} |`);
}

const deep = (t.json(await t.admin('GET', '/feedback?limit=100&after=')) as { next: string }).next;
console.log(
  `Engine: ${process.env.CIVIC_TEST_ENGINE ?? 'sqlite'}\n\n| List | Route | p50 ms | p95 ms |\n| --- | --- | --- | --- |`,
);
await measure('Inbox, first page', '/feedback');
await measure('Inbox, a page further', `/feedback?after=${deep}`);
await measure('Inbox, topic and comment', '/feedback?topic=bins&withComment=true');
await measure('Inbox, scale, days, status', '/feedback?scale=nps&from=2026-07-01&to=2026-08-31&status=new');
await measure('Inbox, a filter nothing matches', '/feedback?status=actioned');
await measure('Feedback trends, a topic, 26 weeks', '/feedback/trends?topic=bins');
await measure('Feedback trends, a page, 26 weeks', `/feedback/trends?page=${encodeURIComponent(pages[0]!)}`);
await measure('Feedback trends, all feedback, 26 weeks', '/feedback/trends');
await measure('What needs attention', '/attention');
await measure('Petitions', '/petitions');
await measure('Signatures per day', `/petitions/${petition}/signatures-per-day`);
await measure('Consultations', '/polls');
await measure('Audit log, by officer', '/audit?actor=officer3@council.example&limit=50');
await measure('Audit log, by kind', '/audit?action=poll&limit=50');
await t.close();
