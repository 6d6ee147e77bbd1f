// @ts-check
// Browser tests: TypeScript through esbuild, headless Chromium through puppeteer-core (@web/test-runner-chrome).

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { args, executablePath } from './e2e/support/chromium.mjs';

/**
 * Prints one plain closing line, "wtr: N passed, N failed" (", N skipped" when any), as the very last line.
 * wtr's own summary has no such line, and it reports a test file that failed to load as "0 failed":
 * here such a file counts as one failure.
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
      const c = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = c.failed;
        count(session.testResults, c);
        if (!session.passed && c.failed === before) c.failed++;
      }
      const skipped = c.skipped ? `, ${c.skipped} skipped` : '';
      process.once('exit', () => process.stdout.write(`wtr: ${c.passed} passed, ${c.failed} failed${skipped}\n`));
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['packages/{client,widgets}/src/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // esbuild only reads tsconfig when told; without it the legacy decorator settings are ignored.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: { config: { timeout: 5000 } },
};
