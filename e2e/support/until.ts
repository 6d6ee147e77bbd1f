// Waiting for something the test cannot be told about, such as a row the server stores after a page's request.
import assert from 'node:assert/strict';

/** Polls `check` every 50 ms until it holds; fails naming `what` after `timeout` ms. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
