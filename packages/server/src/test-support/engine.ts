// Which engine the server tests run on. `node scripts/node-tests.mjs` runs the server suite twice: on SQLite,
// then with CIVIC_TEST_ENGINE=postgres on a cluster started once for the whole pass (`with-test-cluster.ts`
// sets CIVIC_TEST_PG_URL). A test file run by hand with CIVIC_TEST_ENGINE=postgres and no URL starts its own
// cluster and removes it when it exits.
import pg from 'pg';
import { openStore } from '../db/database.js';
import { seedDemo } from '../seed/demo.js';
import { type Cluster, createDatabase, startCluster } from './pg-cluster.js';

export type TestEngine = 'sqlite' | 'postgres';

export const testEngine: TestEngine = process.env.CIVIC_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** `CIVIC_TEST_PG=0` turns off everything that needs PostgreSQL (the second pass, the multi-instance tests). */
export const postgresTestsOff = process.env.CIVIC_TEST_PG === '0';

/** The database every seeded test database is copied from: migrated, with the demo data. */
const DEMO_TEMPLATE = 'civic_demo_template';

/** Starts a cluster for tests and builds the demo template in it. */
export async function startTestCluster(): Promise<Cluster> {
  const cluster = await startCluster();
  try {
    const template = await createDatabase(cluster.url);
    const store = await openStore(template.url);
    await seedDemo(store.db, new Date());
    await store.close();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${new URL(template.url).pathname.slice(1)} RENAME TO ${DEMO_TEMPLATE}`);
    await admin.end();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return cluster;
}

let own: Promise<Cluster> | undefined;

/** The superuser URL of the tests' cluster: the one given, or one started for this process. */
export async function testClusterUrl(): Promise<string> {
  if (process.env.CIVIC_TEST_PG_URL) return process.env.CIVIC_TEST_PG_URL;
  own ??= startTestCluster().then((cluster) => {
    process.on('exit', () => cluster.stop());
    return cluster;
  });
  return (await own).url;
}

/**
 * Where a test store lives: a private in-memory SQLite database, or a new PostgreSQL database (a copy of the
 * demo template when `seeded`: the server then finds its demo data already there).
 */
export async function testStoreLocation({
  engine = testEngine,
  seeded = false,
}: {
  engine?: TestEngine;
  seeded?: boolean;
} = {}): Promise<{ location: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { location: ':memory:', drop: async () => {} };
  const database = await createDatabase(await testClusterUrl(), seeded ? DEMO_TEMPLATE : undefined);
  return { location: database.url, drop: database.drop };
}
