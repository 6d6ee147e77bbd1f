// Runs the Node test files (the server's, the `*.node.test.ts` ones, and the end-to-end suites in e2e/) with
// Node's own runner through tsx.
// One file at a time: the end-to-end suites each drive Chromium with several pages at once and check timings (a
// retry no sooner than `Retry-After`), and the crash suite starts server processes against a clock; two files
// side by side made both fail on a busy 2-core machine (docs/testing.md).
// Node 20's runner takes no glob, so the files are listed here. The `development` condition resolves our own
// packages to their TypeScript sources, as the browser tests and `npm start` do: nothing needs building first.
import { spawnSync } from 'node:child_process';
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
const result = spawnSync(
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
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
