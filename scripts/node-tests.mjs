// Runs the Node test files (the server's, and the `*.node.test.ts` ones) with Node's own runner through tsx.
// Node 20's runner takes no glob, so the files are listed here. The `development` condition resolves our own
// packages to their TypeScript sources, as the browser tests and `npm start` do: nothing needs building first.
import { spawnSync } from 'node:child_process';
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

const files = [...walk('packages')].filter(
  (f) => f.endsWith('.node.test.ts') || (f.startsWith(join('packages', 'server')) && f.endsWith('.test.ts')),
);
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
const sqlite = spawnSync(process.execPath, nodeTest(files), { stdio: 'inherit' });
// The server suite again on PostgreSQL (the harness reads CIVIC_TEST_ENGINE), on one throwaway cluster for the
// whole pass. The browser end-to-end files start their own SQLite server: once is enough.
const serverFiles = files.filter((f) => f.startsWith(join('packages', 'server')) && !f.includes(`${sep}e2e${sep}`));
let postgres = { status: 0 };
if (process.env.CIVIC_TEST_PG === '0') {
  console.log('PostgreSQL pass skipped (CIVIC_TEST_PG=0): the server suite ran on SQLite only.');
} else {
  console.log('\n== the server suite on PostgreSQL');
  postgres = spawnSync(
    process.execPath,
    [
      '--conditions=development',
      '--import',
      'tsx',
      'packages/server/src/test-support/with-test-cluster.ts',
      process.execPath,
      ...nodeTest(serverFiles),
    ],
    { stdio: 'inherit', env: { ...process.env, CIVIC_TEST_ENGINE: 'postgres' } },
  );
}
process.exit((sqlite.status ?? 1) || (postgres.status ?? 1));
