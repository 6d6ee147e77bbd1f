// What every end-to-end file shares: the real server (server.ts) on a fresh database, a host site on a second origin
// (host.ts) that serves the pages a test writes, and one headless Chromium (browser.ts). One of each per file.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.js';
import { CDN_DIR, ensureCdn } from './cdn.js';
import { type HostFile, startHost } from './host.js';
import { type RunningServer, type StartServerOptions, startServer } from './server.js';

export interface E2E extends Omit<RunningServer, 'close'> {
  /** `http://127.0.0.1:PORT`: the council's own site, another origin, allowed by CORS. */
  hostUrl: string;
  browser: Browser;
  /** Serves `file` at `path` on the host origin (an HTML string is served as a page). */
  serve(path: string, file: HostFile | string): void;
  close(): Promise<void>;
}

/** Starts the server on a free port with the demo seed and a fresh database, the host site, and Chromium. */
export async function startE2E(options: Omit<StartServerOptions, 'allowedOrigins'> = {}): Promise<E2E> {
  await ensureCdn();
  const host = await startHost();
  const server = await startServer({ ...options, allowedOrigins: [host.url] });
  const browser = await launchChromium();
  return {
    ...server,
    hostUrl: host.url,
    browser,
    serve: host.serve,
    close: async () => {
      await browser.close();
      await server.close();
      await host.close();
    },
  };
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
