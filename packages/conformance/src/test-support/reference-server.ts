// Starts the reference server as its own process, the way a backend team would run it: the kit never imports
// server sources, so it tests the HTTP contract and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../server/src/main.ts', import.meta.url));

export interface RunningServer {
  /** The API base, `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

export async function startReferenceServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'civic-conformance-'));
  const adminToken = `conformance-${crypto.randomUUID()}`;
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CIVIC_DB_FILE: join(dir, 'civic.sqlite'),
      CIVIC_SEED: 'demo',
      CIVIC_ADMIN_TOKEN: adminToken,
      // The kit's CORS checks send an Origin; every run posts more than a resident could in a minute.
      CIVIC_ALLOWED_ORIGINS: '*',
      CIVIC_RATE_LIMIT_WRITES: '0',
      CIVIC_RATE_LIMIT_READS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const port = await listeningPort(child);
    return {
      url: `http://127.0.0.1:${port}/api/v1`,
      adminToken,
      async stop() {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Waits for the line the server prints once it listens (`... listening on http://localhost:<port>`). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      const port = output.match(/listening on http:\/\/[^:\s]+:(\d+)/)?.[1];
      if (port) resolve(Number(port));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) =>
      reject(new Error(`the reference server exited (${code}) before listening:\n${output}`)),
    );
  });
}
