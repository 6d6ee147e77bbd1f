// The built CDN files (dist/cdn) that the end-to-end pages load. `npm test` builds them before the Node tests; a
// file run on its own builds them when missing, once, however many test files start at the same moment.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: the tests may be started from anywhere. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CDN_DIR = join(ROOT, 'dist/cdn');
export const DEMO_DIR = join(ROOT, 'demo');
/** The officers' console, built by the same `rollup -c`. */
export const CONSOLE_DIR = join(ROOT, 'dist/admin');

/** Written last by the build (scripts/rollup-sri.mjs, in `writeBundle`): its presence means the build finished. */
const DONE = join(CDN_DIR, 'integrity.json');
/** Held by the process that builds; created exclusively, so only one process can hold it. */
const LOCK = join(ROOT, 'dist', '.cdn-build.lock');
/** A lock older than this was left by a build that died: taken over. */
const STALE_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function tryLock(): boolean {
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

const lockAge = () => {
  try {
    return Date.now() - statSync(LOCK).mtimeMs;
  } catch {
    return 0; // released meanwhile
  }
};

/**
 * Builds the CDN files unless they exist. When several test files start together, the first takes the lock and
 * builds; the others wait for it to finish rather than build the same files over each other.
 */
export async function ensureCdn(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  while (!existsSync(DONE)) {
    if (tryLock()) {
      try {
        if (existsSync(DONE)) return; // built by another process between our check and the lock
        const build = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: ROOT, stdio: 'inherit' });
        if (build.status !== 0) throw new Error(`the CDN build failed (rollup exited with ${build.status})`);
        return;
      } finally {
        rmSync(LOCK, { force: true });
      }
    }
    if (lockAge() > STALE_MS) rmSync(LOCK, { force: true });
    await sleep(250);
  }
}
