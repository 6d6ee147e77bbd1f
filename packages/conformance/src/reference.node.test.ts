import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checks } from './checks/index.js';
import { runConformance } from './runner.js';
import { type RunningServer, startReferenceServer } from './test-support/reference-server.js';

let server: RunningServer;
before(async () => {
  server = await startReferenceServer();
});
after(() => server.stop());

test('the reference server passes every check, the write and admin ones included', async () => {
  const report = await runConformance(server.url, { write: true, adminToken: server.adminToken });
  const failed = report.results.filter((r) => r.status !== 'pass');
  assert.deepEqual(failed, []);
  assert.equal(report.passed, checks.length);
});
