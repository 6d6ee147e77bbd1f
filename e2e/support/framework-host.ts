// The framework host apps in e2e/hosts/: each is built by its framework's own tool from the npm packages (their
// `dist`, as a developer installs them), then served from the host origin under `/<name>/`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ROOT } from './cdn.js';
import type { E2E } from './e2e.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function run(command: string, args: string[], cwd = ROOT) {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${done.stdout}\n${done.stderr}`);
}

let packagesBuilt = false;
/** Our packages as npm ships them (`dist`, compiled by tsc): the host apps import them by their package names. */
export function buildPackages() {
  if (packagesBuilt) return;
  run('npm', [
    'run',
    'build',
    '-w',
    '@civic-widgets/client',
    '-w',
    '@civic-widgets/widgets',
    '-w',
    '@civic-widgets/react',
  ]);
  packagesBuilt = true;
}

/** Builds e2e/hosts/<name> with its own `npm run build` (Vite, Angular CLI) and returns its output directory. */
export function buildHostApp(name: string, outDir = 'dist') {
  buildPackages();
  run('npm', ['run', 'build', '-w', `@civic-widgets/host-${name}`]);
  return join(ROOT, 'e2e/hosts', name, outDir);
}

function* filesIn(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(path);
    else yield path;
  }
}

/** Serves every file of `dir` at `/<prefix>/<its path>` on the host origin. */
export function serveDirectory(e2e: E2E, prefix: string, dir: string) {
  for (const file of filesIn(dir)) {
    const path = `/${prefix}/${relative(dir, file).split(sep).join('/')}`;
    e2e.serve(path, { body: readFileSync(file, 'utf8'), type: TYPES[extname(file)] ?? 'application/octet-stream' });
  }
}
