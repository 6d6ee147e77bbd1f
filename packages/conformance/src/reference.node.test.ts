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

const ids = (results: { id: string }[]) => results.map((result) => result.id);

// Runs first: the demo data has no closed petition or poll until the admin checks create one.
test('read-only by default: every read check passes, and each write check is skipped saying how to run it', async () => {
  const report = await runConformance(server.url);
  const reads = checks.filter((check) => check.mode === 'read');
  assert.deepEqual(ids(report.results.filter((r) => r.status === 'pass')), ids(reads));
  const skipped = report.results.filter((r) => r.status === 'skip');
  assert.deepEqual(ids(skipped), ids(checks.filter((check) => check.mode === 'write')));
  assert.ok(skipped.every((r) => r.reason === 'creates data; run with --write'));
});

test('without an admin token, the checks that need a closed petition or poll are skipped with the reason', async () => {
  const report = await runConformance(server.url, { write: true });
  const skipped = report.results.filter((r) => r.status === 'skip');
  assert.deepEqual(ids(skipped), ['petitions.closed', 'polls.closed']);
  assert.match(skipped[0]!.reason!, /--admin-token \(POST \/admin\/petitions\)/);
  assert.equal(report.failed, 0);
});

test('the reference server passes every check, the write and admin ones included', async () => {
  const report = await runConformance(server.url, { write: true, adminToken: server.adminToken });
  assert.deepEqual(
    report.results.filter((r) => r.status !== 'pass'),
    [],
  );
  assert.equal(report.passed, checks.length);
});

test('--only runs the checks of the resources named', async () => {
  const report = await runConformance(server.url, { only: ['services', 'http'] });
  assert.deepEqual(new Set(report.results.map((r) => r.resource)), new Set(['services', 'http']));
  assert.equal(report.failed, 0);
});
