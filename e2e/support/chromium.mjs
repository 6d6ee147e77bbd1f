// @ts-check
// The one place that says which Chromium the tests run and with which flags: scripts/wtr/engines.mjs (the
// browser tests) and e2e/support/browser.ts (the end-to-end suites) both import these.

/** Debian's Chromium by default; CHROME_PATH points at another Chrome or Chromium. */
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// Root needs --no-sandbox; the rest keep Chromium from calling home on a closed network.
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
