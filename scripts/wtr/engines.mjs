// @ts-check
// The three engines the browser tests run in, each the Debian package's own browser (nothing is downloaded):
// Chromium and Firefox through puppeteer-core (Firefox over WebDriver BiDi), WebKit (WebKitGTK's MiniBrowser)
// through WebKitWebDriver and WebdriverIO. CIVIC_ENGINES picks some of them: CIVIC_ENGINES=firefox,webkit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { args as chromiumArgs, executablePath as chromiumPath } from '../../e2e/support/chromium.mjs';

export const engineNames = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/** Debian's firefox-esr by default; FIREFOX_PATH points at another Firefox. */
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** Debian's webkit2gtk-driver and the MiniBrowser of libwebkit2gtk-4.1; WEBKIT_DRIVER_PATH and MINIBROWSER_PATH override. */
const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** @returns {import('@web/test-runner').BrowserLauncher[]} */
export function selectedLaunchers() {
  const wanted = (process.env.CIVIC_ENGINES || engineNames.join(','))
    .split(',')
    .map((name) => name.trim().toLowerCase());
  const unknown = wanted.filter((name) => !engineNames.includes(/** @type {any} */ (name)));
  if (unknown.length)
    throw new Error(`CIVIC_ENGINES: unknown engine ${unknown.join(', ')}; use ${engineNames.join(', ')}`);
  return engineNames.filter((name) => wanted.includes(name)).map((name) => timed(launchers[name]()));
}

const launchers = {
  // The launcher calls any browser it did not download "Chrome".
  chromium: () =>
    Object.assign(
      chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } }),
      { name: 'Chromium' },
    ),
  // Passing puppeteer-core as the "custom puppeteer" is what lets the launcher start a browser other than Chrome.
  firefox: () =>
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteerCore),
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
    }),
  webkit: () => new WebKitLauncher(),
};

/**
 * WebKitGTK has no headless mode (MiniBrowser 2.50 wants a display), so the launcher starts an X server of its
 * own (Xvfb) unless DISPLAY is set, then WebKitWebDriver on a free port, and stops both when wtr stops.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      logLevel: /** @type {const} */ ('error'),
      capabilities: /** @type {any} */ ({
        browserName: 'MiniBrowser',
        // WebdriverIO asks for WebDriver BiDi by default (webSocketUrl), which WebKitWebDriver cannot match.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      }),
    };
    super(options);
    /** The options WebdriverIO gets: the driver's port is known only once it started. */
    this.driverOptions = options;
    // One window, one test file at a time: with more, wtr would put the files in iframes of that window,
    // where focus and keyboard tests do not behave as on a page.
    this.concurrency = 1;
    /** @type {import('node:child_process').ChildProcess[]} */
    this.processes = [];
  }

  /**
   * @override
   * @param {import('@web/test-runner').TestRunnerCoreConfig} config
   */
  async initialize(config) {
    const env = { ...process.env };
    if (!env.DISPLAY) env.DISPLAY = await this.startXvfb();
    const port = await freePort();
    const driver = this.track(spawn(webkitDriverPath, [`--port=${port}`], { env, stdio: 'ignore' }));
    await untilListening(port, driver);
    this.driverOptions.port = port;
    await super.initialize({ ...config, concurrency: 1 });
    this.name = 'WebKit';
  }

  /** @override */
  async stop() {
    await super.stop();
    for (const child of this.processes) child.kill();
  }

  /** @returns {Promise<string>} the display, ":N", once Xvfb accepts connections */
  async startXvfb() {
    const xvfb = this.track(
      spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      }),
    );
    const [chunk] = await Promise.race([
      once(/** @type {import('node:stream').Readable} */ (xvfb.stdio[3]), 'data'),
      once(xvfb, 'exit').then(() => {
        throw new Error('Xvfb exited before it chose a display: is the xvfb package installed?');
      }),
    ]);
    return `:${String(chunk).trim()}`;
  }

  /** @param {import('node:child_process').ChildProcess} child */
  track(child) {
    this.processes.push(child);
    // Whatever way wtr ends, no X server or driver is left behind.
    process.once('exit', () => child.kill());
    return child;
  }
}

/** @returns {Promise<number>} */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  return address.port;
}

/** Waits for WebKitWebDriver's /status to answer (it takes a moment to bind). */
async function untilListening(
  /** @type {number} */ port,
  /** @type {import('node:child_process').ChildProcess} */ child,
) {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null)
      throw new Error(`${webkitDriverPath} exited (${child.exitCode}): is webkit2gtk-driver installed?`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${webkitDriverPath} did not answer on port ${port} within 10 s`);
}

/**
 * Per-engine wall time, from its first test file starting to its last finishing: the engines run side by side,
 * so the whole run's time says little about each. plainSummaryReporter prints it.
 * @template {import('@web/test-runner').BrowserLauncher} L
 * @param {L} launcher
 * @returns {L & { wallTime: { first?: number, last?: number } }}
 */
function timed(launcher) {
  const wallTime = /** @type {{ first?: number, last?: number }} */ ({});
  const startSession = launcher.startSession.bind(launcher);
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.startSession = (id, url) => {
    wallTime.first ??= Date.now();
    return startSession(id, url);
  };
  launcher.stopSession = async (id) => {
    try {
      return await stopSession(id);
    } finally {
      wallTime.last = Date.now();
    }
  };
  return Object.assign(launcher, { wallTime });
}
