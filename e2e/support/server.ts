// The real server (API, CDN files, optionally the demo pages) for the end-to-end suites, on a free loopback port
// with the demo seed and a fresh database. The database is an option, so that a suite can run on another store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@civic-widgets/server/db/database';
import { createServer, type ServerOptions } from '@civic-widgets/server/server';
import type { FastifyInstance } from 'fastify';
import { CDN_DIR, CONSOLE_DIR, DEMO_DIR } from './cdn.js';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export interface StartServerOptions {
  /** The origins allowed by CORS: the host site's. */
  allowedOrigins: string[];
  /** Serve the demo pages too, as `npm start` does. */
  demo?: boolean;
  /** Opens the store the server runs on; by default a fresh SQLite file in a temporary directory. */
  openStore?: () => Promise<Store>;
  /** The port to listen on (a free one by default): single sign-on registers its address at the provider first. */
  port?: number;
  /** Single sign-on through a provider the suite runs. */
  oidc?: ServerOptions['oidc'];
}

export interface RunningServer {
  /** The real server: `inject` reads and writes without the network. */
  api: FastifyInstance;
  /** `http://localhost:PORT`: the API, `/cdn/` and (with `demo`) the demo pages. */
  apiUrl: string;
  /** `${apiUrl}/api/v1`, the widgets' `endpoint`. */
  endpoint: string;
  /** The server's database, to check what was stored. */
  db: Store['db'];
  /** A GET of the public API, as JSON. */
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  /** An admin API call with the token; the answer's status and text. */
  admin(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** A fresh SQLite database in a temporary directory, removed with the store. */
async function temporarySqlite(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const store = await openStore(join(dir, 'civic.sqlite'));
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const store = await (options.openStore ?? temporarySqlite)();
  const api = await createServer({
    store,
    seed: 'demo',
    cdnDir: CDN_DIR,
    consoleDir: CONSOLE_DIR,
    ...(options.demo ? { demoDir: DEMO_DIR } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
    allowedOrigins: options.allowedOrigins,
    adminToken: ADMIN_TOKEN,
    validateResponses: true,
    // Every request of a file comes from one address; the limits have suites of their own.
    writeLimitPerMinute: 0,
    readLimitPerMinute: 0,
    logger: false,
  });
  await api.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  // `localhost`, not 127.0.0.1: the same server under another name is another origin for the browser.
  const apiUrl = `http://localhost:${(api.server.address() as AddressInfo).port}`;
  return {
    api,
    apiUrl,
    endpoint: `${apiUrl}/api/v1`,
    db: store.db,
    get: async (path) => {
      const response = await api.inject({ method: 'GET', url: `/api/v1${path}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    },
    admin: async (method, path, body) => {
      const response = await api.inject({
        method,
        url: `/api/v1/admin${path}`,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' ? { 'idempotency-key': `e2e-${Math.random().toString(36).slice(2)}` } : {}),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      return { status: response.statusCode, body: response.body };
    },
    close: async () => {
      await api.close();
      await store.close();
    },
  };
}
