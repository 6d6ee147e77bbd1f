// @ts-check
// The browser tests' keyboard, the same in the three engines. wtr's own `send-keys` command cannot serve here:
// over WebDriver BiDi (Firefox) puppeteer knows no key named "Space", and over WebDriver (WebKit) wtr supports
// neither `down`/`up` nor named keys inside `type`, and presses all of a word's letters down before releasing
// any. Tests import `sendKeys` from packages/widgets/src/test-support/keys.ts, which sends this command instead.

/** WebDriver's code points for the named keys the tests press (WebDriver spec, "Keyboard actions"). */
const webdriverKeys = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: '\uE00D',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** @typedef {{ type: string } | { press: string } | { down: string } | { up: string }} KeysPayload */

/**
 * One press as key-downs and key-ups: "Shift+Tab" holds Shift while Tab goes down and up.
 * @param {string} chord
 * @returns {{ type: 'keyDown' | 'keyUp', key: string }[]}
 */
function pressChord(chord) {
  const keys = chord.split('+');
  return [
    ...keys.map((key) => ({ type: /** @type {const} */ ('keyDown'), key })),
    ...keys.reverse().map((key) => ({ type: /** @type {const} */ ('keyUp'), key })),
  ];
}

/**
 * The payload as a list of key events, named keys still by name.
 * @param {KeysPayload} payload
 */
function keyEvents(payload) {
  if ('type' in payload)
    return [...payload.type].flatMap((key) => [
      { type: /** @type {const} */ ('keyDown'), key },
      { type: /** @type {const} */ ('keyUp'), key },
    ]);
  if ('press' in payload) return pressChord(payload.press);
  if ('down' in payload) return [{ type: /** @type {const} */ ('keyDown'), key: payload.down }];
  if ('up' in payload) return [{ type: /** @type {const} */ ('keyUp'), key: payload.up }];
  throw new Error(`civic-keys: unknown payload ${JSON.stringify(payload)}`);
}

/** @param {string} key */
function webdriverKey(key) {
  if (key.length === 1) return key;
  const code = webdriverKeys[/** @type {keyof typeof webdriverKeys} */ (key)];
  if (!code) throw new Error(`civic-keys: no WebDriver code for the key "${key}"; add it to webdriverKeys`);
  return code;
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function keysPlugin() {
  return {
    name: 'civic-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'civic-keys') return undefined;
      const events = keyEvents(/** @type {KeysPayload} */ (payload));
      /** @type {any} */
      const browser = session.browser;
      if (browser.type === 'puppeteer') {
        // Puppeteer names the space bar "Space" over CDP but only " " over BiDi; " " works in both.
        const keyboard = browser.getPage(session.id).keyboard;
        for (const { type, key } of events) {
          const name = key === 'Space' ? ' ' : key;
          await (type === 'keyDown' ? keyboard.down(name) : keyboard.up(name));
        }
        return true;
      }
      if (browser.type === 'webdriver') {
        // One input source id for every call, so a key held by `down` is still held by the next command.
        const actions = events.map(({ type, key }) => ({ type, value: webdriverKey(key) }));
        await browser.driver.performActions([{ type: 'key', id: 'civic-keyboard', actions }]);
        return true;
      }
      throw new Error(`civic-keys: no keyboard for the launcher type "${browser.type}"`);
    },
  };
}
