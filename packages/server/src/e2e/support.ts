// What every end-to-end file shares: the real server (API, CDN files, optionally the demo pages) on a fresh
// database in a temporary directory, a host site on a second origin that serves the pages a test writes, and one
// headless Chromium through playwright-core (the system's Chromium: nothing is downloaded). One of each per file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { args, executablePath } from '../../../../web-test-runner.config.mjs';
import { openStore } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { createServer } from '../server.js';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const CDN_DIR = resolve('dist/cdn');
export const DEMO_DIR = resolve('demo');

/** The CDN files the pages load; built once when missing (`npm test` builds them before the node tests). */
export function ensureCdn(): void {
  if (existsSync(join(CDN_DIR, 'civic-widgets.js'))) return;
  assert.equal(spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' }).status, 0, 'CDN build');
}

/** A file the host site serves. */
export interface HostFile {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface E2E {
  /** The real server: `inject` reads and writes without the network. */
  api: FastifyInstance;
  /** `http://localhost:PORT`: the API, `/cdn/` and (with `demo`) the demo pages. */
  apiUrl: string;
  /** `${apiUrl}/api/v1`, the widgets' `endpoint`. */
  endpoint: string;
  /** `http://127.0.0.1:PORT`: the council's own site, another origin, allowed by CORS. */
  hostUrl: string;
  /** The server's database, to check what was stored. */
  db: Kysely<Database>;
  browser: Browser;
  /** Serves `file` at `path` on the host origin (an HTML string is served as a page). */
  serve(path: string, file: HostFile | string): void;
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

/** Starts the server on a free port with the demo seed and a fresh database, the host site, and Chromium. */
export async function startE2E(options: { demo?: boolean } = {}): Promise<E2E> {
  ensureCdn();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const files = new Map<string, HostFile>();
  const host: Server = createHttpServer((request, response) => {
    const file = files.get(request.url?.split(/[?#]/)[0] ?? '');
    if (!file) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    response
      .writeHead(200, { 'Content-Type': file.type ?? 'text/html; charset=utf-8', ...file.headers })
      .end(file.body);
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

  const store = await openStore(join(dataDir, 'civic.sqlite'));
  const api = await createServer({
    store,
    seed: 'demo',
    cdnDir: CDN_DIR,
    ...(options.demo ? { demoDir: DEMO_DIR } : {}),
    allowedOrigins: [hostUrl],
    adminToken: ADMIN_TOKEN,
    validateResponses: true,
    // Every request of a file comes from one address; the limits have suites of their own.
    writeLimitPerMinute: 0,
    readLimitPerMinute: 0,
    logger: false,
  });
  await api.listen({ port: 0, host: '127.0.0.1' });
  // `localhost`, not 127.0.0.1: the same server under another name is another origin for the browser.
  const apiUrl = `http://localhost:${(api.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath, args });

  return {
    api,
    apiUrl,
    endpoint: `${apiUrl}/api/v1`,
    hostUrl,
    db: store.db,
    browser,
    serve: (path, file) => void files.set(path, typeof file === 'string' ? { body: file } : file),
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
      await browser.close();
      await api.close();
      await store.close();
      await new Promise((done) => host.close(done));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A host page as a webmaster writes it: module scripts from the CDN (or anywhere) and the widgets' tags. */
export function hostPage({ scripts, body, title = 'Host page' }: { scripts: string[]; body: string; title?: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
    ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n    ')}
    </head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** Script errors and console errors of a page, to assert there were none. */
export function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  return problems;
}

/** A new context (its own storage and IndexedDB: one resident) and a page in it, recording its problems. */
export async function newPage(e2e: E2E, context?: BrowserContext) {
  const ctx = context ?? (await e2e.browser.newContext());
  // Fail within seconds, not Playwright's default 30: every step here takes well under one.
  ctx.setDefaultTimeout(5000);
  ctx.setDefaultNavigationTimeout(10_000);
  const page = await ctx.newPage();
  return { context: ctx, page, problems: problemsOf(page) };
}

/** Waits until `element` (a CSS selector, matched through shadow roots) has the custom state `state`. */
export async function waitForState(page: Page, element: string, state: string, timeout = 5000) {
  await page.waitForFunction(
    ([selector, name]) => [...document.querySelectorAll(selector!)].some((el) => el.matches(`:state(${name})`)),
    [element, state],
    { polling: 50, timeout },
  );
}

/** The entries in the page's outbox, read from IndexedDB directly (not through the client). */
export function outboxEntries(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('civic-widgets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('outbox')) return resolve([]);
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Polls `check` every 50 ms until it holds; fails naming `what` after `timeout` ms. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Answers the host pages and the CDN files without the network, as a site's service worker would from its cache:
 * the only way a page reloads while the browser is offline. `pages` maps a path on the host to its HTML, or to a
 * function asked on every load (the page can change between visits). The API still needs the network.
 */
export async function serveFromCache(
  e2e: E2E,
  context: BrowserContext,
  pages: Record<string, string | ((url: URL) => string)>,
) {
  // A page answered this way has no server address, so Chromium counts it as a public site and asks before
  // letting it reach a loopback one (Local Network Access). A real council site and its API are both public.
  await context.grantPermissions(['local-network-access'], { origin: e2e.hostUrl });
  for (const [path, page] of Object.entries(pages)) {
    await context.route(
      (url) => url.origin === e2e.hostUrl && url.pathname === path,
      (route) => {
        const url = new URL(route.request().url());
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: typeof page === 'string' ? page : page(url) });
      },
    );
  }
  const cached = new Map<string, Promise<string>>();
  await context.route(`${e2e.apiUrl}/cdn/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice('/cdn/'.length);
    if (!cached.has(path)) cached.set(path, readFile(join(CDN_DIR, path), 'utf8'));
    route.fulfill({
      contentType: extname(path) === '.js' ? 'text/javascript' : 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: await cached.get(path)!,
    });
  });
}

/** The element that has focus, through shadow roots: its tag, id, role and accessible-ish name. */
export function deepFocus(page: Page) {
  return page.evaluate(() => {
    let node: Element | null = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    if (!node) return { tag: '', id: '', role: '', name: '', type: '' };
    const labelledBy = node.getAttribute('aria-labelledby');
    const root = node.getRootNode() as Document | ShadowRoot;
    const labels = 'labels' in node ? [...((node as HTMLInputElement).labels ?? [])] : [];
    // Text as a screen reader gets it: what is aria-hidden (an arrow glyph beside a button's name) is left out.
    // (No inner named functions here: tsx would wrap them in a helper the page does not have.)
    const label = node.getAttribute('aria-label');
    const sources =
      label !== null ? [] : labelledBy ? [root.getElementById(labelledBy)] : labels.length ? labels : [node];
    let name = label ?? '';
    for (const source of sources) {
      const copy = source?.cloneNode(true) as Element | undefined;
      for (const hidden of copy?.querySelectorAll('[aria-hidden="true"]') ?? []) hidden.remove();
      name += ` ${copy?.textContent ?? ''}`;
    }
    return {
      tag: node.localName,
      id: node.id,
      role: node.getAttribute('role') ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      type: node.getAttribute('type') ?? '',
    };
  });
}

export type Focus = Awaited<ReturnType<typeof deepFocus>>;

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element satisfies `wanted`, as a keyboard user would:
 * fails when it is not reached within `max` presses, that is, when it cannot be reached by keyboard.
 */
export async function tabTo(page: Page, wanted: (focus: Focus) => boolean, { max = 40, back = false } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await deepFocus(page);
    if (wanted(focus)) return focus;
    seen.push(`${focus.tag}#${focus.id}[${focus.name.slice(0, 40)}]`);
  }
  assert.fail(`not reached by ${back ? 'Shift+' : ''}Tab in ${max} presses; focus went through ${seen.join(' → ')}`);
}
