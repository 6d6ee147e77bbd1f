// Runs a command with a throwaway PostgreSQL cluster for tests: starts it (and its demo template), passes its
// URL in CIVIC_TEST_PG_URL, and removes it when the command ends, whatever the outcome.
//   node --import tsx packages/server/src/test-support/with-test-cluster.ts <command> [args...]
import { spawnSync } from 'node:child_process';
import { startTestCluster } from './engine.js';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: with-test-cluster.ts <command> [args...]');
const cluster = await startTestCluster();
let status = 1;
try {
  status =
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CIVIC_TEST_PG_URL: cluster.url } }).status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
