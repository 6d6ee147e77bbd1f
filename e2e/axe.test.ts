// axe-core on every demo page (demo/*.html, so a new page is checked without touching this file), served by the
// real server as `npm start` does, once every widget on it has loaded. Serious and critical violations fail.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPage } from './support/browser.js';
import { DEMO_DIR } from './support/cdn.js';
import { type E2E, startE2E } from './support/e2e.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** Pages that import TypeScript sources need web-dev-server (dev.html says so), not the built CDN files. */
const pages = readdirSync(DEMO_DIR)
  .filter((file) => file.endsWith('.html'))
  .filter((file) => !/<script[^>]+src="[^"]+\.ts"/.test(readFileSync(join(DEMO_DIR, file), 'utf8')))
  .sort();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

// The pages are independent (a context each) and mostly wait on the memory adapter's delays: two at a time.
describe('axe on every demo page: no serious or critical violation', { concurrency: 2 }, () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E({ demo: true });
  });
  after(() => e2e?.close());

  it('finds the demo pages', () => assert.ok(pages.includes('index.html'), pages.join(', ')));

  for (const file of pages) {
    it(file, async () => {
      const { context, page } = await newPage(e2e);
      await page.goto(`${e2e.apiUrl}/${file}`);
      // Every widget defined and done loading (or showing why it cannot), and no search still running.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('civic-'))
            .every((el) => {
              const widget = el as Element & { loadStatus?: string; configProblem?: unknown; searching?: boolean };
              if (!customElements.get(el.localName)) return false;
              if (widget.searching) return false;
              return (
                !('loadStatus' in widget) ||
                widget.configProblem !== undefined ||
                /loaded|error/.test(widget.loadStatus!)
              );
            }),
        undefined,
        { polling: 100, timeout: 10_000 },
      );
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      });
      const blocking = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      assert.deepEqual(blocking, []);
      await context.close();
    });
  }
});
