// Runs the Node test files (the server's, the `*.node.test.ts` ones, and the end-to-end suites in e2e/) with
// Node's own runner through tsx.
// One file at a time: the end-to-end suites each drive Chromium with several pages at once and check timings (a
// retry no sooner than `Retry-After`), and the crash suite starts server processes against a clock; two files
// side by side made both fail on a busy 2-core machine (docs/testing.md).
// Node 20's runner takes no glob, so the files are listed here. The `development` condition resolves our own
// packages to their TypeScript sources, as the browser tests and `npm start` do: nothing needs building first.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const files = [
  ...[...walk('packages')].filter(
    (f) => f.endsWith('.node.test.ts') || (f.startsWith(join('packages', 'server')) && f.endsWith('.test.ts')),
  ),
  ...[...walk('e2e')].filter((f) => f.endsWith('.test.ts')),
];
if (files.length === 0) {
  console.log('node: 0 passed, 0 failed');
  process.exit(0);
}
const nodeTest = (testFiles) => [
  '--conditions=development',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-concurrency=1',
  ...process.argv.slice(2),
  ...testFiles,
];
/** Runs one pass, echoing its output; its exit status, counts (from the spec reporter's summary) and time. */
function pass(name, args, env = process.env) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => {
      const count = (word) => Number(output.match(new RegExp(`^\\S* ?${word} (\\d+)$`, 'm'))?.[1] ?? 0);
      resolve({ name, status, passed: count('pass'), failed: count('fail'), seconds: (Date.now() - started) / 1000 });
    });
  });
}

const passes = [await pass('sqlite', nodeTest(files))];
// The server suite again on PostgreSQL (the harness reads CIVIC_TEST_ENGINE), on one throwaway cluster for the
// whole pass, and the conformance kit against the reference server on it. The browser end-to-end files start
// their own SQLite server: once is enough.
const conformanceOfReference = join('packages', 'conformance', 'src', 'reference.node.test.ts');
const serverFiles = files.filter(
  (f) => (f.startsWith(join('packages', 'server')) && !f.includes(`${sep}e2e${sep}`)) || f === conformanceOfReference,
);
if (process.env.CIVIC_TEST_PG === '0') {
  console.log('PostgreSQL pass skipped (CIVIC_TEST_PG=0): the server suite ran on SQLite only.');
} else {
  console.log('\n== the server suite on PostgreSQL');
  const withCluster = [
    '--conditions=development',
    '--import',
    'tsx',
    'packages/server/src/test-support/with-test-cluster.ts',
  ];
  passes.push(
    await pass('postgres', [...withCluster, process.execPath, ...nodeTest(serverFiles)], {
      ...process.env,
      CIVIC_TEST_ENGINE: 'postgres',
    }),
  );
}
for (const p of passes)
  console.log(`node (${p.name}): ${p.passed} passed, ${p.failed} failed in ${p.seconds.toFixed(0)} s`);
const failed = passes.reduce((n, p) => n + p.failed + (p.status !== 0 && p.failed === 0 ? 1 : 0), 0);
console.log(`node: ${passes.reduce((n, p) => n + p.passed, 0)} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
