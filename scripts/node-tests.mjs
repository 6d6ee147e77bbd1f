// Runs the Node test files with Node's own runner through tsx, in two lanes side by side: the packages' files
// (the server's suites and the `*.node.test.ts` ones) and the end-to-end suites in e2e/. Each lane runs one file
// at a time; the lanes overlap, so a browser suite (Chromium: waiting on pages) shares the machine with a
// server suite (CPU), never with another browser suite, whose timing checks (a retry no sooner than
// `Retry-After`) would suffer. Ends with one line, "node: N passed, N failed", over both lanes.
// Node 20's runner takes no glob, so the files are listed here. The `development` condition resolves our own
// packages to their TypeScript sources, as the browser tests and `npm start` do: nothing needs building first.
// Arguments are passed to both lanes (`npm run test:node -- --test-name-pattern=offline`).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const lanes = [
  {
    name: 'packages',
    files: [...walk('packages')].filter(
      (f) => f.endsWith('.node.test.ts') || (f.startsWith(join('packages', 'server')) && f.endsWith('.test.ts')),
    ),
  },
  { name: 'e2e', files: [...walk('e2e')].filter((f) => f.endsWith('.test.ts')) },
].filter((lane) => lane.files.length > 0);

/** Runs one lane, its output line by line with the lane's name in front; resolves to its counts. */
function run({ name, files }) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--conditions=development',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=1',
      ...process.argv.slice(2),
      ...files,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const counts = { passed: 0, failed: 0 };
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        // The spec reporter's summary: "ℹ pass 12", "ℹ fail 0".
        const summary = line.match(/^\S* ?(pass|fail) (\d+)$/);
        if (summary) counts[summary[1] === 'pass' ? 'passed' : 'failed'] = Number(summary[2]);
        out.write(`[${name}] ${line}\n`);
      }
    });
    stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
  }
  return new Promise((resolve) =>
    child.on('close', (code) => {
      // A lane that exits non-zero failed, whatever it counted (a file that did not load counts no test).
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ name, code, seconds: ((Date.now() - started) / 1000).toFixed(1), ...counts });
    }),
  );
}

const results = await Promise.all(lanes.map(run));
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed in ${r.seconds}s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`node: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
