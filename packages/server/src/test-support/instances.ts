// Real server processes, started as `npm start` starts them (main.ts through tsx), on one database shared by
// all of them: a SQLite file, or a PostgreSQL database in the tests' cluster (see engine.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testClusterUrl, testEngine } from './engine.js';
import { createDatabase } from './pg-cluster.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface SharedDatabase {
  /** What `openStore` takes, to read what the instances stored. */
  location: string;
  /** The variables that point an instance at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** An empty database for instances to share; they migrate (and seed) it as they start. */
export async function sharedDatabase(engine = testEngine): Promise<SharedDatabase> {
  if (engine === 'postgres') {
    const database = await createDatabase(await testClusterUrl());
    return { location: database.url, env: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'civic-instances-'));
  const file = join(dir, 'civic.sqlite');
  return {
    location: file,
    env: { CIVIC_DB_FILE: file },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Instance {
  child: ChildProcess;
  base: string;
  /** Everything the process printed so far. */
  output(): string;
}

/** Spawns main.ts with the demo seed and no rate limits unless `env` says otherwise; resolves once it listens. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      CIVIC_SEED: 'demo',
      CIVIC_RATE_LIMIT_WRITES: '0',
      CIVIC_RATE_LIMIT_READS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    // Generous: three instances starting at once on a busy 2-core machine each load tsx, migrate and seed; at a
    // load average of 30 (five engineers' suites on two cores) that took over 90 s.
    const timer = setTimeout(() => {
      // A server left half started would hold the test run open and keep writing to the database.
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 180 s:\n${output}`));
    }, 180_000);
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
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, base, output: () => output };
}

/** Runs main.ts until it exits on its own (a configuration error); its exit code and what it printed. */
export async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return { code: await exited(child), stderr };
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

/** Stops instances with SIGTERM and waits for them. */
export async function stopInstances(...instances: Instance[]): Promise<(number | null)[]> {
  for (const instance of instances) instance.child.kill('SIGTERM');
  return Promise.all(instances.map((instance) => exited(instance.child)));
}
