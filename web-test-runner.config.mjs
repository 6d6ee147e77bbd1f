// @ts-check
// Browser tests: TypeScript through esbuild, in Chromium, Firefox and WebKit side by side (scripts/wtr/engines.mjs;
// CIVIC_ENGINES=webkit runs one of them).

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { selectedLaunchers } from './scripts/wtr/engines.mjs';
import { keysPlugin } from './scripts/wtr/keys-plugin.mjs';

/**
 * Prints one line per engine, "wtr Firefox: N passed, N failed in 95.2 s", then one plain closing line over all
 * of them, "wtr: N passed, N failed" (", N skipped" when any), as the very last line. wtr's own summary has no
 * such line, and it reports a test file that failed to load as "0 failed": here such a file counts as one failure.
 * @returns {import('@web/test-runner').Reporter}
 */
function plainSummaryReporter() {
  /** @param {any} suite @param {{passed: number, failed: number, skipped: number}} c */
  const count = (suite, c) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, c);
  };
  return {
    stop({ sessions }) {
      /** @param {{passed: number, failed: number, skipped: number}} c */
      const line = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
      const total = { passed: 0, failed: 0, skipped: 0 };
      /** @type {Map<any, {passed: number, failed: number, skipped: number}>} */
      const perEngine = new Map();
      for (const session of sessions) {
        if (!perEngine.has(session.browser)) perEngine.set(session.browser, { passed: 0, failed: 0, skipped: 0 });
        const c = /** @type {{passed: number, failed: number, skipped: number}} */ (perEngine.get(session.browser));
        const before = c.failed;
        count(session.testResults, c);
        if (!session.passed && c.failed === before) c.failed++;
      }
      /** @type {string[]} */
      const lines = [];
      for (const [browser, c] of perEngine) {
        for (const key of /** @type {const} */ (['passed', 'failed', 'skipped'])) total[key] += c[key];
        const { first, last } = browser.wallTime ?? {};
        const time = first && last ? ` in ${((last - first) / 1000).toFixed(1)} s` : '';
        lines.push(`wtr ${browser.name}: ${line(c)}${time}\n`);
      }
      lines.push(`wtr: ${line(total)}\n`);
      process.once('exit', () => process.stdout.write(lines.join('')));
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['packages/{client,widgets}/src/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // esbuild only reads tsconfig when told; without it the legacy decorator settings are ignored.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), keysPlugin()],
  browsers: selectedLaunchers(),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: { config: { timeout: 5000 } },
  // Two engines at a time (wtr's default, said here on purpose), WebKit taking the first free place: on two
  // cores shared with other work, all three at once was no faster and pushed tests past mocha's 5 s timeout
  // (docs/testing.md, "Browser engines"). A page can still take longer than wtr's 30 s to start.
  concurrentBrowsers: 2,
  browserStartTimeout: 120_000,
};
