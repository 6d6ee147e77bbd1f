import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Report } from './runner.js';
import { startFaultProxy } from './test-support/fault-proxy.js';
import { type RunningServer, startReferenceServer } from './test-support/reference-server.js';

const BIN = fileURLToPath(new URL('../bin/civic-conformance.js', import.meta.url));

/** Runs the command as `npx @civic-widgets/conformance` would (asynchronously: the proxy lives in this process). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

let server: RunningServer;
let dir: string;
before(async () => {
  server = await startReferenceServer();
  dir = mkdtempSync(join(tmpdir(), 'civic-conformance-cli-'));
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a passing run prints a line per check and the summary, exits 0 and writes the JSON report', async () => {
  const reportFile = join(dir, 'report.json');
  const { code, stdout } = await cli(server.url, '--only', 'http,feedback', '--report', reportFile);
  assert.equal(code, 0);
  assert.match(stdout, /^pass http\.cors-preflight: /m);
  assert.match(
    stdout,
    /^skip feedback\.submit: .*\n +skipped: creates data; run with --write\n +see docs\/protocol\.md#feedback$/m,
  );
  assert.match(stdout, /^conformance: 3 passed, 0 failed, 4 skipped$/m);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  assert.equal(report.url, server.url);
  assert.deepEqual([report.passed, report.failed, report.skipped], [3, 0, 4]);
});

test('a failing check prints what was expected, what came back and the docs link, and exits 1', async () => {
  const proxy = await startFaultProxy(server.url, {
    reply(_request, reply) {
      delete reply.headers['cache-control'];
    },
  });
  try {
    const { code, stdout } = await cli(proxy.url, '--only', 'http');
    assert.equal(code, 1);
    assert.match(
      stdout,
      /^fail http\.no-shared-cache: .*\n +expected Cache-Control: no-store on GET \/petitions; got none\n +see docs\/protocol\.md#behaviour-a-backend-must-share$/m,
    );
    assert.match(stdout, /^conformance: 2 passed, 1 failed$/m);
  } finally {
    await proxy.stop();
  }
});

test('a wrong command line is refused with the usage and exit code 2', async () => {
  const { code, stderr } = await cli(server.url, '--only', 'petitons');
  assert.equal(code, 2);
  assert.match(stderr, /^conformance: --only: unknown petitons/);
  assert.match(stderr, /Usage: npx @civic-widgets\/conformance <base-url>/);
});
