// `npm start`: builds the CDN files, then runs the reference server (packages/server) with the demo data:
// the API at /api/v1, dist/cdn at /cdn/ and demo/ at /. Settings come from the environment (docs/server.md).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { demoVendorEnv } from './demo-vendor.mjs';

console.log('Building the CDN files (rollup -c)...');
const build = spawnSync('npx', ['rollup', '-c'], { stdio: 'inherit' });
if (build.status !== 0) {
  // The API works without the bundles; say clearly what is missing rather than refusing to start.
  console.warn(
    existsSync('dist/cdn')
      ? 'The CDN build failed: serving the previous dist/cdn.'
      : 'The CDN build failed: /cdn/ will be empty.',
  );
}

const env = {
  CIVIC_SEED: 'demo',
  CIVIC_CDN_DIR: 'dist/cdn',
  CIVIC_CONSOLE_DIR: 'dist/admin',
  CIVIC_DEMO_DIR: 'demo',
  CIVIC_DEMO_VENDOR: demoVendorEnv(),
  CIVIC_VALIDATE_RESPONSES: 'true',
  ...process.env,
};
// The demo's admin page needs the admin API: a token for this run only, unless one is configured.
if (!env.CIVIC_ADMIN_TOKEN) {
  env.CIVIC_ADMIN_TOKEN = randomBytes(24).toString('base64url');
  console.log(`Admin token for this run (demo/admin.html): ${env.CIVIC_ADMIN_TOKEN}`);
}
// tsx runs the server's TypeScript as is; the `development` condition resolves @civic-widgets/client to its
// sources, so no package needs building first.
const server = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'packages/server/src/main.ts'], {
  stdio: 'inherit',
  env,
});
// The server finishes in-flight requests and closes the database on SIGINT/SIGTERM; pass them on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
