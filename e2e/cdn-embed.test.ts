// The built CDN files on pages that are not ours alone: loaded twice, beside the page's own Lit, under Trusted
// Types, and pinned with Subresource Integrity. Headless Chromium (playwright-core, the system's browser) loads
// pages from a small server that serves dist/cdn at /cdn/ and again at /copy/ (a second, separate copy), and
// node_modules at /nm/ (the page's own Lit, through an import map).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { CDN_DIR as cdn, ensureCdn, ROOT as root } from './support/cdn.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
};

interface PageFile {
  body: string;
  headers?: Record<string, string>;
}
const pages = new Map<string, PageFile>();
let server: Server;
let base: string;
let browser: Browser;
let manifest: Record<string, string>;

/** A static file under `dir`, or undefined when the path leaves it or does not exist. */
function fileUnder(dir: string, path: string): Buffer | undefined {
  const file = normalize(join(dir, decodeURIComponent(path)));
  if (!file.startsWith(dir) || !existsSync(file)) return undefined;
  return readFileSync(file);
}

before(async () => {
  await ensureCdn();
  manifest = JSON.parse(readFileSync(join(cdn, 'integrity.json'), 'utf8'));
  server = createServer((request, response) => {
    const path = (request.url ?? '/').split(/[?#]/)[0]!;
    const page = pages.get(path);
    if (page) {
      return void response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers })
        .end(page.body);
    }
    const match = path.match(/^\/(cdn|copy|nm)\/(.+)$/);
    const body = match && fileUnder(match[1] === 'nm' ? join(root, 'node_modules') : cdn, match[2]!);
    if (!body) return void response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** The page's own Lit, from node_modules, as a site that uses Lit itself would load it. */
const HOST_LIT = `<script type="importmap">${JSON.stringify({
  imports: {
    lit: '/nm/lit/index.js',
    'lit/': '/nm/lit/',
    'lit-html': '/nm/lit-html/lit-html.js',
    'lit-html/': '/nm/lit-html/',
    'lit-element/': '/nm/lit-element/',
    '@lit/reactive-element': '/nm/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/nm/@lit/reactive-element/',
  },
})}</script>
<script type="module">
  import { LitElement, html } from 'lit';
  customElements.define('host-card', class extends LitElement {
    render() { return html\`<p>The host's own card</p>\`; }
  });
</script>`;

const PETITION = '<civic-petition adapter="memory" petition-id="safer-crossings"></civic-petition>';

/** Serves a page at `path` and opens it; collects script errors and console errors and warnings. */
async function open(path: string, head: string, headers?: Record<string, string>, body = PETITION) {
  pages.set(path, {
    headers,
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed</title>${head}</head>
      <body><main><h1>Embed</h1>${body}<host-card></host-card></main></body></html>`,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${base}${path}`);
  return { page, errors, warnings, close: () => context.close() };
}

/** Whether the petition showed its title (the memory adapter answers after 300 ms) within `timeout`. */
async function petitionShown(page: Page, timeout = 5000): Promise<boolean> {
  try {
    await page
      .locator('civic-petition')
      .getByRole('heading', { name: 'Build safe crossings on Station Road' })
      .waitFor({ timeout });
    return true;
  } catch {
    return false;
  }
}

const hostCardShown = (page: Page) =>
  page.locator('host-card').getByText("The host's own card").waitFor({ timeout: 5000 });

const script = (src: string, extra = '') => `<script type="module" src="${src}"${extra}></script>`;
const ALLOW_DUPLICATES = "trusted-types lit-html 'allow-duplicates'";

describe('loading the bundle more than once', () => {
  it('the same file twice under two URLs: its chunks are shared, nothing is said', async () => {
    const { page, errors, warnings, close } = await open(
      '/twice.html',
      script('/cdn/civic-widgets.js?v=1') + script('/cdn/civic-widgets.js?v=2'),
    );
    assert.ok(await petitionShown(page));
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
    await close();
  });

  it('two separate copies: the first defines the elements, the second says so and stays out', async () => {
    const { page, errors, warnings, close } = await open(
      '/two-copies.html',
      script('/cdn/civic-widgets.js') + script('/copy/civic-widgets.js'),
    );
    assert.ok(await petitionShown(page));
    assert.deepEqual(errors, []);
    assert.ok(
      warnings.some((w) => w.includes('<civic-petition> is already defined by another script')),
      warnings.join('\n'),
    );
    // The page's elements are the first copy's: a submission goes through the client they were given.
    assert.equal(
      await page.evaluate(
        () => customElements.get('civic-petition') === document.querySelector('civic-petition')?.constructor,
      ),
      true,
    );
    await close();
  });

  it('a single widget file after the everything file: a second copy, which says so and stays out', async () => {
    const { page, errors, warnings, close } = await open(
      '/widget-after-all.html',
      script('/cdn/civic-widgets.js') + script('/cdn/civic-petition.js'),
    );
    assert.ok(await petitionShown(page));
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, [
      'Civic Widgets: <civic-petition> is already defined by another script; this copy is not used.',
    ]);
    await close();
  });
});

describe("beside the page's own Lit", () => {
  it('both render, and neither warns', async () => {
    const { page, errors, warnings, close } = await open('/host-lit.html', HOST_LIT + script('/cdn/civic-widgets.js'));
    assert.ok(await petitionShown(page));
    await hostCardShown(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
    await close();
  });

  it("loaded before the page's Lit, too", async () => {
    const { page, errors, close } = await open('/host-lit-after.html', script('/cdn/civic-widgets.js') + HOST_LIT);
    assert.ok(await petitionShown(page));
    await hostCardShown(page);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('Trusted Types', () => {
  const enforce = "require-trusted-types-for 'script'";

  it("enforced with 'allow-duplicates': the page's Lit and ours both work", async () => {
    const { page, errors, close } = await open('/tt-duplicates.html', HOST_LIT + script('/cdn/civic-widgets.js'), {
      'Content-Security-Policy': `${enforce}; ${ALLOW_DUPLICATES}`,
    });
    assert.ok(await petitionShown(page));
    await hostCardShown(page);
    assert.deepEqual(errors, []);
    await close();
  });

  it('enforced without it, after the page made "lit-html": ours stop, the console names the fix, the host is unharmed', async () => {
    const { page, errors, close } = await open('/tt-refused.html', HOST_LIT + script('/cdn/civic-widgets.js'), {
      'Content-Security-Policy': `${enforce}; trusted-types lit-html`,
    });
    await hostCardShown(page);
    assert.equal(await petitionShown(page, 1500), false);
    assert.equal(await page.evaluate(() => customElements.get('civic-petition')), undefined);
    assert.ok(
      errors.some((e) => e.includes('Civic Widgets') && e.includes(ALLOW_DUPLICATES)),
      errors.join('\n'),
    );
    // The browser's refusal, the module's throw and our message: no flood of failed renders.
    assert.ok(errors.length <= 4, errors.join('\n'));
    await close();
  });

  it('enforced with a policy that does not list "lit-html": ours stop and the console names the fix', async () => {
    const { page, errors, close } = await open('/tt-unlisted.html', script('/cdn/civic-widgets.js'), {
      'Content-Security-Policy': `${enforce}; trusted-types council-policy`,
    });
    assert.equal(await petitionShown(page, 1500), false);
    assert.ok(
      errors.some((e) => e.includes('Civic Widgets') && e.includes(ALLOW_DUPLICATES)),
      errors.join('\n'),
    );
    assert.ok(errors.length <= 4, errors.join('\n'));
    await close();
  });

  it('two separate copies of ours under an enforced policy that allows duplicates', async () => {
    const { page, errors, close } = await open(
      '/tt-two-copies.html',
      script('/cdn/civic-widgets.js') + script('/copy/civic-widgets.js'),
      { 'Content-Security-Policy': `${enforce}; ${ALLOW_DUPLICATES}` },
    );
    assert.ok(await petitionShown(page));
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('Subresource Integrity from integrity.json', () => {
  const entry = 'civic-petition.js';
  /** The chunks the entry imports statically, the ones a page downloads before the element is defined. */
  const staticImports = (file: string): string[] => {
    const code = readFileSync(join(cdn, file), 'utf8');
    return [...code.matchAll(/\bfrom\s*["']\.\/(chunks\/[^"']+)["']|^import\s*["']\.\/(chunks\/[^"']+)["']/gm)].map(
      (m) => (m[1] ?? m[2])!,
    );
  };
  const wrong = `sha384-${createHash('sha384').update('something else').digest('base64')}`;

  it('the entry with its integrity attribute loads; with a wrong one it is refused', async () => {
    const good = await open('/sri-good.html', script(`/cdn/${entry}`, ` integrity="${manifest[entry]}" crossorigin`));
    assert.ok(await petitionShown(good.page));
    assert.deepEqual(good.errors, []);
    await good.close();

    const bad = await open('/sri-bad.html', script(`/cdn/${entry}`, ` integrity="${wrong}" crossorigin`));
    assert.equal(await petitionShown(bad.page, 1000), false);
    assert.ok(
      bad.errors.some((e) => /integrity/i.test(e)),
      bad.errors.join('\n'),
    );
    await bad.close();
  });

  it("an import map's integrity pins the chunks too, including those loaded on demand", async () => {
    assert.ok(staticImports(entry).length > 0);
    const integrity = Object.fromEntries(Object.entries(manifest).map(([file, hash]) => [`${base}/cdn/${file}`, hash]));
    const map = (entries: Record<string, string>) =>
      `<script type="importmap">${JSON.stringify({ imports: {}, integrity: entries })}</script>`;

    const good = await open('/importmap-good.html', map(integrity) + script(`/cdn/${entry}`));
    assert.ok(await petitionShown(good.page));
    assert.deepEqual(good.errors, []);
    await good.close();

    const chunk = `${base}/cdn/${staticImports(entry)[0]}`;
    const bad = await open('/importmap-bad.html', map({ ...integrity, [chunk]: wrong }) + script(`/cdn/${entry}`));
    assert.equal(await petitionShown(bad.page, 1000), false);
    await bad.close();

    // The memory adapter is a chunk loaded on demand, after the element is defined: a wrong hash stops it too.
    const adapters = Object.keys(manifest).filter((file) => file.startsWith('chunks/memory-'));
    assert.ok(adapters.length > 0);
    const lazy = await open(
      '/importmap-lazy.html',
      map({ ...integrity, ...Object.fromEntries(adapters.map((file) => [`${base}/cdn/${file}`, wrong])) }) +
        script(`/cdn/${entry}`),
    );
    assert.equal(await petitionShown(lazy.page, 1500), false);
    assert.equal(await lazy.page.evaluate(() => Boolean(customElements.get('civic-petition'))), true);
    await lazy.close();
  });

  it('a modulepreload link with integrity pins a chunk the entry imports', async () => {
    const chunk = staticImports(entry)[0]!;
    const preload = (hash: string) => `<link rel="modulepreload" href="/cdn/${chunk}" integrity="${hash}">`;
    const good = await open('/preload-good.html', preload(manifest[chunk]!) + script(`/cdn/${entry}`));
    assert.ok(await petitionShown(good.page));
    await good.close();
    const bad = await open('/preload-bad.html', preload(wrong) + script(`/cdn/${entry}`));
    assert.equal(await petitionShown(bad.page, 1000), false, 'a failed preload also fails the import');
    await bad.close();
  });
});
