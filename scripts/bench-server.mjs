// `npm run bench:server`: drives the real server (packages/server/src/main.ts, a child process) over loopback
// with autocannon at fixed rates, next to a bare Fastify route in its own process, and prints requests per
// second and p50/p99 latency: on SQLite, then with the same load on PostgreSQL (a throwaway cluster with durable
// commits, fsync and synchronous_commit=on), one instance and then two. Not part of `npm test`; figures go in
// docs/performance.md. Options: BENCH_SECONDS (default 10), BENCH_SERVICES (default 10000), BENCH_PG=0 to skip
// PostgreSQL.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../packages/server/src/db/database.ts';
import { seedDemo, seedServices } from '../packages/server/src/seed/demo.ts';
import { createDatabase, startCluster } from '../packages/server/src/test-support/pg-cluster.ts';

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

/**
 * One measurement. autocannon's fixed rate sends each connection's quota for the second in a burst when the
 * second starts, and its coordinated-omission correction assumes an interval of ceil(1/rate) ms (1 ms), which
 * counts any response slower than that as missed sends. So a fixed rate here is ten autocannon instances at a
 * tenth of the rate each, started 100 ms apart (ten small bursts a second), with that correction off, and the
 * percentiles computed from every response time.
 */
async function run(title, options, rate) {
  // Several targets (instances behind a balancer) share the load: slice i goes to target i modulo their number.
  const targets = Array.isArray(options) ? options : [options];
  const slices = rate ? 10 : targets.length;
  const times = [];
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from(
      { length: slices },
      (_, i) =>
        new Promise((resolve, reject) => {
          setTimeout(
            () => {
              const instance = autocannon(
                {
                  duration: SECONDS,
                  connections: rate ? 4 : 32 / slices,
                  ...(rate ? { overallRate: rate / slices, ignoreCoordinatedOmission: true } : {}),
                  ...targets[i % targets.length],
                },
                (error, result) => (error ? reject(error) : resolve(result)),
              );
              instance.on('response', (_client, status, _bytes, time) => {
                times.push(time);
                if (status >= 200 && status < 300) ok++;
                else failed++;
              });
            },
            i * (1000 / slices),
          );
        }),
    ),
  );
  times.sort((a, b) => a - b);
  const at = (q) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  const row = {
    title,
    rate: rate ?? 'max',
    okPerSecond: Math.round(ok / SECONDS),
    p50: at(0.5),
    p99: at(0.99),
    failed,
  };
  console.log(
    `${title.padEnd(46)} target ${String(row.rate).padStart(4)}/s  2xx ${String(row.okPerSecond).padStart(5)}/s  p50 ${row.p50.padStart(6)} ms  p99 ${row.p99.padStart(6)} ms  non-2xx ${failed}`,
  );
  return row;
}

const signatures = (base) => ({
  url: `${base}/api/v1/petitions/safer-crossings/signatures`,
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
let cluster;
// Ctrl-C must not leave the servers (or PostgreSQL) running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    cluster?.stop();
    process.exit(130);
  });
}

async function seed(location) {
  console.log(`Seeding ${SERVICES} services into ${location} ...`);
  const store = await openStore(location);
  await seedDemo(store.db, new Date());
  await seedServices(store.db, Math.max(0, SERVICES - 240), new Date(), 7);
  await store.close();
}

const startServer = async (env) => {
  const server = await start(['--conditions=development', '--import', 'tsx', 'src/main.ts'], {
    PORT: '0',
    CIVIC_RATE_LIMIT_WRITES: '0',
    CIVIC_RATE_LIMIT_READS: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  children.push(server.child);
  // A few seconds first, so that the figures are of JIT-compiled code, not start-up.
  await new Promise((resolve) => autocannon({ ...signatures(server.base), duration: 3, connections: 8 }, resolve));
  return server;
};

/** The signature load both engines get: flat out, then at 400/s. */
async function signatureRuns(engine, servers) {
  const targets = servers.map((server) => signatures(server.base));
  const rows = [await run(`${engine}: POST signature, 32 connections flat out`, targets)];
  rows.push(await run(`${engine}: POST signature`, targets, 400));
  return rows;
}

try {
  await seed(dbFile);
  console.log(`${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}, ${SECONDS} s per run\n`);
  const bare = await start(['--input-type=module', '-e', BARE]);
  children.push(bare.child);
  const server = await startServer({ CIVIC_DB_FILE: dbFile });
  await new Promise((resolve) => autocannon({ url: `${bare.base}/hello`, duration: 2, connections: 8 }, resolve));
  await run('bare Fastify GET /hello', { url: `${bare.base}/hello` }, 500);
  await run('bare Fastify POST /echo', { ...signatures(bare.base), url: `${bare.base}/echo` }, 400);
  const summary = await signatureRuns('SQLite (synchronous=FULL)', [server]);
  await run('GET /petitions/{id}', { url: `${server.base}/api/v1/petitions/safer-crossings` }, 400);
  await run('GET /polls/{id}/results', { url: `${server.base}/api/v1/polls/budget-priorities/results` }, 400);
  await run(
    `GET /services within 2 km of a postcode (${SERVICES})`,
    {
      url: `${server.base}/api/v1/services?postcode=LS1%203AB&radiusKm=2`,
    },
    100,
  );
  await run(
    `GET /services nearest 20, no radius (${SERVICES})`,
    {
      url: `${server.base}/api/v1/services?lat=53.80&lng=-1.55`,
    },
    100,
  );
  await run(`GET /services text "food" (${SERVICES})`, { url: `${server.base}/api/v1/services?q=food` }, 100);
  await run(
    `GET /services category, page 3 (${SERVICES})`,
    {
      url: `${server.base}/api/v1/services?category=health&page=3`,
    },
    100,
  );
  server.child.kill('SIGTERM');

  if (process.env.BENCH_PG !== '0') {
    cluster = await startCluster({ durable: true });
    const database = await createDatabase(cluster.url);
    await seed(database.url);
    const one = await startServer({ DATABASE_URL: database.url });
    summary.push(...(await signatureRuns('PostgreSQL, 1 instance (synchronous_commit=on)', [one])));
    await run(
      `PostgreSQL: GET /services text "food" (${SERVICES})`,
      { url: `${one.base}/api/v1/services?q=food` },
      100,
    );
    const two = await startServer({ DATABASE_URL: database.url });
    summary.push(...(await signatureRuns('PostgreSQL, 2 instances (synchronous_commit=on)', [one, two])));
  }
  console.log('\nSignatures, side by side:');
  for (const row of summary) {
    console.log(`| ${row.title} | ${row.rate} | ${row.okPerSecond} | ${row.p50} | ${row.p99} | ${row.failed} |`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
