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

/**
 * One measurement. autocannon's fixed rate sends each connection's quota for the second in a burst when the
 * second starts, and its coordinated-omission correction assumes an interval of ceil(1/rate) ms (1 ms), which
 * counts any response slower than that as missed sends. So a fixed rate here is ten autocannon instances at a
 * tenth of the rate each, started 100 ms apart (ten small bursts a second), with that correction off, and the
 * percentiles computed from every response time.
 */
async function run(title, options, rate) {
  const slices = rate ? 10 : 1;
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
                  connections: rate ? 4 : 32,
                  ...(rate ? { overallRate: rate / slices, ignoreCoordinatedOmission: true } : {}),
                  ...options,
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
// Ctrl-C must not leave the two servers running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  });
}
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

  // Both servers run a few seconds first, so that the figures are of JIT-compiled code, not start-up.
  await new Promise((resolve) => autocannon({ ...signatures(server.base), duration: 3, connections: 8 }, resolve));
  await new Promise((resolve) => autocannon({ url: `${bare.base}/hello`, duration: 2, connections: 8 }, resolve));
  await run('bare Fastify GET /hello', { url: `${bare.base}/hello` }, 500);
  await run('bare Fastify POST /echo', { ...signatures(bare.base), url: `${bare.base}/echo` }, 400);
  await run('POST signature (synchronous=FULL)', signatures(server.base), 400);
  await run('POST signature, 32 connections flat out', signatures(server.base));
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
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dir, { recursive: true, force: true });
}
