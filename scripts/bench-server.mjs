// `npm run bench:server`: drives the real server (packages/server/src/main.ts, a child process) over loopback
// with autocannon at fixed rates, next to a bare Fastify route in its own process, and prints requests per
// second and p50/p99 latency. Not part of `npm test`; figures go in docs/performance.md.
// Options: BENCH_SECONDS (default 10), BENCH_SERVICES (default 10000).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../packages/server/src/db/database.ts';
import { seedDemo, seedServices } from '../packages/server/src/seed/demo.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
app.post('/echo', async (request) => ({ receiptId: 'x', got: request.body }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening on http://localhost:' + app.server.address().port);
`;

/** Starts a child process and waits for its "listening on <url>" line. */
function start(args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: 'packages/server',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, base: match[1].replace('localhost', '127.0.0.1') });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function run(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, connections: 32, ...options }, (error, result) => {
      if (error) return reject(error);
      const ok = result['2xx'];
      const row = {
        title,
        rate: options.overallRate ?? 'max',
        okPerSecond: Math.round(ok / (result.duration || SECONDS)),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      };
      console.log(
        `${title.padEnd(44)} target ${String(row.rate).padStart(5)}/s  2xx ${String(row.okPerSecond).padStart(6)}/s  p50 ${String(row.p50).padStart(4)} ms  p99 ${String(row.p99).padStart(4)} ms  errors ${row.errors}`,
      );
      resolve(row);
    });
  });
}

const signatures = (base, rate) => ({
  url: `${base}/api/v1/petitions/safer-crossings/signatures`,
  overallRate: rate,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const id = randomUUID();
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': id },
          body: JSON.stringify({ name: 'Bench Signer', email: `${id}@example.org`, consent: true }),
        };
      },
    },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
const dbFile = join(dir, 'bench.sqlite');
const children = [];
try {
  console.log(`Seeding ${SERVICES} services into ${dbFile} ...`);
  const store = await openStore(dbFile);
  await seedDemo(store.db, new Date());
  await seedServices(store.db, Math.max(0, SERVICES - 240), new Date(), 7);
  await store.close();

  console.log(`${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}, ${SECONDS} s per run\n`);
  const bare = await start(['--input-type=module', '-e', BARE]);
  children.push(bare.child);
  const server = await start(['--conditions=development', '--import', 'tsx', 'src/main.ts'], {
    PORT: '0',
    CIVIC_DB_FILE: dbFile,
    CIVIC_RATE_LIMIT_WRITES: '0',
    CIVIC_RATE_LIMIT_READS: '0',
    LOG_LEVEL: 'warn',
  });
  children.push(server.child);

  await run('bare Fastify GET /hello', { url: `${bare.base}/hello`, overallRate: 1000 });
  await run('bare Fastify POST /echo', { ...signatures(bare.base, 500), url: `${bare.base}/echo` });
  await run('POST signature (synchronous=FULL)', signatures(server.base, 400));
  await run('POST signature (synchronous=FULL)', signatures(server.base, 500));
  await run('POST signature, unthrottled', signatures(server.base, undefined));
  await run('GET /petitions/{id}', { url: `${server.base}/api/v1/petitions/safer-crossings`, overallRate: 500 });
  await run('GET /polls/{id}/results', {
    url: `${server.base}/api/v1/polls/budget-priorities/results`,
    overallRate: 500,
  });
  await run(`GET /services near a postcode, 2 km (${SERVICES})`, {
    url: `${server.base}/api/v1/services?postcode=LS1%203AB&radiusKm=2`,
    overallRate: 200,
  });
  await run(`GET /services text "food" (${SERVICES})`, {
    url: `${server.base}/api/v1/services?q=food`,
    overallRate: 200,
  });
  await run(`GET /services category, page 3 (${SERVICES})`, {
    url: `${server.base}/api/v1/services?category=health&page=3`,
    overallRate: 200,
  });
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dir, { recursive: true, force: true });
}
