// The embed, end to end: the real server (API and CDN files) on one origin, a host page on another, as a
// webmaster would set it up, and headless Chromium doing what a citizen does. Checks what the server stored.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { args, executablePath } from '../../../../web-test-runner.config.mjs';
import { createServer } from '../server.js';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
const CDN_DIR = resolve('dist/cdn');

describe('widgets embedded in a host page, against the real server', () => {
  let api: FastifyInstance;
  let apiUrl: string;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  /** What the host serves: path → [CDN file, markup]. */
  const pages = new Map<string, [string, string]>();
  const endpoint = () => `${apiUrl}/api/v1`;

  /** A host page on the second origin: the CDN file in a module script and one tag, nothing else. */
  const hostPage = (script: string, tag: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
    <script type="module" src="${apiUrl}/cdn/${script}"></script></head>
    <body><main>${tag}</main></body></html>`;

  before(async () => {
    if (!existsSync(join(CDN_DIR, 'civic-widgets.js'))) {
      assert.equal(spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' }).status, 0, 'CDN build');
    }
    host = createHttpServer((request, response) => {
      const [script, tag] = pages.get(request.url?.split(/[?#]/)[0] ?? '') ?? [];
      if (!script || !tag) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(script, tag));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

    api = await createServer({
      dbFile: join(dataDir, 'civic.sqlite'),
      seed: 'demo',
      cdnDir: CDN_DIR,
      allowedOrigins: [hostUrl],
      adminToken: ADMIN_TOKEN,
      logger: false,
    });
    await api.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://localhost:${(api.server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({ executablePath, headless: true, args });
  });

  after(async () => {
    await browser?.close();
    await api?.close();
    host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(path: string, script: string, tag: () => string): Promise<Page> {
    pages.set(path.split(/[?#]/)[0]!, [script, tag()]);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(hostUrl + path);
    (page as Page & { problems?: string[] }).problems = problems;
    return page;
  }

  /**
   * A control inside a widget's shadow root (through nested widgets' roots: `control(page, 'civic-feedback',
   * 'civic-rating', '[role=radio]')`), once rendered, to type into or click like a person. Puppeteer's own waits
   * do not watch shadow roots, so this polls.
   */
  async function control(page: Page, ...path: string[]): Promise<ElementHandle<Element>> {
    const handle = await page.waitForFunction(
      (...selectors: string[]) => {
        let node: Element | null | undefined = document.querySelector(selectors[0]!);
        for (const selector of selectors.slice(1)) node = node?.shadowRoot?.querySelector(selector);
        return node ?? undefined;
      },
      { polling: 50 },
      ...path,
    );
    return handle.asElement() as ElementHandle<Element>;
  }

  const apiJson = async (path: string) => (await fetch(`${endpoint()}${path}`)).json();

  it('signs a petition: the count rises once, and a second signature with the same email is not counted', async () => {
    const tag = () => `<civic-petition endpoint="${endpoint()}" petition-id="safer-crossings"></civic-petition>`;
    const before = (await apiJson('/petitions/safer-crossings')).signatureCount as number;
    for (const email of ['ada@example.org', 'ADA@example.org']) {
      const page = await open('/petition.html', 'civic-petition.js', tag);
      await (await control(page, 'civic-petition', '#name')).type('Ada Lovelace');
      await (await control(page, 'civic-petition', '#email')).type(email);
      await (await control(page, 'civic-petition', '#postcode')).type('LS1 3AB');
      await (await control(page, 'civic-petition', '#consent')).click();
      await (await control(page, 'civic-petition', '[part="submit-button"]')).click();
      await control(page, 'civic-petition', '#done-heading');
      await page.close();
    }
    assert.equal((await apiJson('/petitions/safer-crossings')).signatureCount, before + 1);
  });

  it('votes in a poll and shows the results the poll allows', async () => {
    const tag = () => `<civic-poll endpoint="${endpoint()}" poll-id="budget-priorities"></civic-poll>`;
    const page = await open('/poll.html', 'civic-poll.js', tag);
    await (await control(page, 'civic-poll', '#choice')).click();
    await (await control(page, 'civic-poll', '[part="submit-button"]')).click();
    await control(page, 'civic-poll', '#done');
    const results = await apiJson('/polls/budget-priorities/results');
    assert.equal(results.totalVotes, 1);
    assert.equal(results.options[0].votes, 1);
    await page.close();
  });

  it('rates a page with one click and stores the feedback without the query string', async () => {
    const tag = () => `<civic-feedback endpoint="${endpoint()}" topic="bins" scale="thumbs"></civic-feedback>`;
    const page = await open('/feedback.html?ref=newsletter#top', 'civic-feedback.js', tag);
    await (await control(page, 'civic-feedback', 'civic-rating', '[role="radio"]')).click();
    await page.waitForFunction(() => document.querySelector('civic-feedback')?.matches(':state(submitted)'), {
      polling: 50,
    });
    const csv = await (
      await fetch(`${endpoint()}/admin/feedback.csv`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text();
    const row = csv.split('\n').find((line) => line.includes('bins'));
    assert.ok(row, 'a stored feedback row for the topic');
    assert.ok(row.includes(`${hostUrl}/feedback.html`) && !row.includes('newsletter'), row);
    await page.close();
  });

  it('finds services by postcode, nearest first, as the API orders them', async () => {
    const tag = () => `<civic-service-locator endpoint="${endpoint()}"></civic-service-locator>`;
    const page = await open('/services.html', 'civic-service-locator.js', tag);
    await (await control(page, 'civic-service-locator', '#postcode')).type('LS1 3AB');
    await (await control(page, 'civic-service-locator', '[part="submit-button"]')).click();
    await control(page, 'civic-service-locator', '#r0');
    const listed = await page.evaluate(() =>
      [...(document.querySelector('civic-service-locator')?.shadowRoot?.querySelectorAll('h3[id^="r"]') ?? [])].map(
        (heading) => heading.textContent?.trim(),
      ),
    );
    const expected = (await apiJson('/services?postcode=LS1%203AB&radiusKm=5&pageSize=10')).items.map(
      (service: { name: string }) => service.name,
    );
    assert.deepEqual(listed.slice(0, 3), expected.slice(0, 3));
    assert.deepEqual((page as Page & { problems?: string[] }).problems, []);
    await page.close();
  });
});
