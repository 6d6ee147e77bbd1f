import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
/** SIGKILLs under load: 10 in `npm test`, 50 in `npm run test:nightly` (CIVIC_NIGHTLY=1). */
const CYCLES = process.env.CIVIC_NIGHTLY ? 50 : 10;

/** Starts the real server as a child process on a free port and waits for its "listening" line. */
async function start(dbFile: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      CIVIC_DB_FILE: dbFile,
      CIVIC_SEED: 'demo',
      CIVIC_RATE_LIMIT_WRITES: '0',
      CIVIC_RATE_LIMIT_READS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, base };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

function submit(base: string, key: string) {
  return fetch(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ topic: 'crash-test', rating: { scale: 'stars', value: 3 }, comment: key }),
  });
}

describe('crash safety of the real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-crash-'));
  const dbFile = join(dir, 'civic.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged submission exactly once across ${CYCLES} SIGKILLs`, async () => {
    const acknowledged = new Map<string, string>();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { child, base } = await start(dbFile);
      // Eight submissions in flight at a time, until the kill lands at a random moment mid-stream.
      let killed = false;
      const killAfter = 150 + Math.floor(Math.random() * 250);
      setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, killAfter);
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (!killed) {
            const key = randomUUID();
            try {
              const response = await submit(base, key);
              if (response.status === 201)
                acknowledged.set(key, ((await response.json()) as { receiptId: string }).receiptId);
            } catch {
              // The connection died with the server: this submission was never acknowledged.
            }
          }
        }),
      );
      await exited(child);
    }
    assert.ok(acknowledged.size > 20, `only ${acknowledged.size} submissions were acknowledged`);

    const db = new Database(dbFile, { readonly: true });
    try {
      assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      const rows = db.prepare("SELECT id, comment FROM feedback WHERE topic = 'crash-test'").all() as {
        id: string;
        comment: string;
      }[];
      const byKey = new Map<string, string[]>();
      for (const row of rows) byKey.set(row.comment, [...(byKey.get(row.comment) ?? []), row.id]);
      for (const [key, receiptId] of acknowledged) assert.deepEqual(byKey.get(key), [receiptId], key);
      // Nothing was stored twice, acknowledged or not.
      for (const ids of byKey.values()) assert.equal(ids.length, 1);
    } finally {
      db.close();
    }

    // After a restart a retry of an acknowledged key gets the same receipt and stores nothing.
    const { child, base } = await start(dbFile);
    try {
      const [key, receiptId] = [...acknowledged][0]!;
      const retry = await submit(base, key);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await retry.json()) as { receiptId: string }).receiptId, receiptId);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited(child), 0);
    }
  });

  it('stores one row when two server processes get the same key at once', async () => {
    const [a, b] = await Promise.all([start(dbFile), start(dbFile)]);
    try {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          submit(i % 2 ? a.base : b.base, key).then(async (r) => [r.status, await r.text()]),
        ),
      );
      assert.deepEqual(new Set(responses.map(([status]) => status)), new Set([201]));
      assert.equal(new Set(responses.map(([, body]) => body)).size, 1);
      const db = new Database(dbFile, { readonly: true });
      try {
        assert.equal(
          (db.prepare('SELECT count(*) AS n FROM feedback WHERE comment = ?').get(key) as { n: number }).n,
          1,
        );
      } finally {
        db.close();
      }
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([exited(a.child), exited(b.child)]);
    }
  });

  it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
    const { child, base } = await start(dbFile);
    // Open keep-alive connections first, so that the next requests are on the wire when the signal lands.
    await Promise.all(Array.from({ length: 10 }, () => submit(base, randomUUID())));
    const inFlight = Array.from({ length: 20 }, () => submit(base, randomUUID()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');
    const settled = await Promise.allSettled(inFlight);
    const answered = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value.status);
    // Every request that reached the server before the signal got its answer; none was cut off with a 5xx.
    for (const status of answered) assert.ok(status === 201 || status === 503, String(status));
    assert.ok(answered.includes(201), 'no request was allowed to finish');
    assert.equal(await exited(child), 0);
  });

  it('refuses to start on a bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
      env: { ...process.env, PORT: 'eighty', CIVIC_DB_FILE: dbFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    assert.equal(await exited(child), 78);
    assert.match(stderr, /^Configuration error: PORT must be a whole number/m);
  });
});
