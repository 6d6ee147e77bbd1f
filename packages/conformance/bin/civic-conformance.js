#!/usr/bin/env node
// The published package runs its built `dist/cli.js`. In the monorepo nothing is built: the TypeScript sources
// run through tsx with the `development` condition, as `npm start` runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const args = ['--conditions=development', '--import', 'tsx', source, ...process.argv.slice(2)];
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exitCode = status ?? 1;
}
