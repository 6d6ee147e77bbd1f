// Starts the reference server as its own process, the way a backend team would run it: the kit never imports
// server sources, so it tests the HTTP contract and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MAIN = fileURLToPath(new URL('../../../server/src/main.ts', import.meta.url));

export interface RunningServer {
  /** The API base, `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

/** A database of its own for one server: a SQLite file, or a new database on the PostgreSQL test cluster. */
interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * On SQLite by default; in the PostgreSQL pass of `npm test` (CIVIC_TEST_ENGINE=postgres, with the cluster's
 * superuser URL in CIVIC_TEST_PG_URL), the server gets an empty database there, which it migrates and seeds.
 */
async function freshDatabase(): Promise<Database> {
  const adminUrl = process.env.CIVIC_TEST_PG_URL;
  if (process.env.CIVIC_TEST_ENGINE !== 'postgres' || !adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'civic-conformance-'));
    return {
      env: { CIVIC_DB_FILE: join(dir, 'civic.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `conformance_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.href }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function startReferenceServer(): Promise<RunningServer> {
  const database = await freshDatabase();
  const adminToken = `conformance-${crypto.randomUUID()}`;
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ...database.env,
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
        await database.drop();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await database.drop();
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
