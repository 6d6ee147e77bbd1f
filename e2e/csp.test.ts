// Every widget from the all-in-one bundle on one page under a strict Content-Security-Policy with Trusted Types,
// on a host site on another origin: all of them load together without one `securitypolicyviolation`, and the
// listeners that say so really do hear a violation. Each widget's states, one by one, are in csp-states.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FeedbackDriver, RatingDriver } from './drivers/feedback.js';
import { PetitionCounterDriver } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import {
  assertNoViolations,
  serveWatcher,
  strictPolicy,
  violations,
  WATCH_SCRIPT,
  watchedPage,
} from './support/csp.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

describe('every widget under a strict CSP with Trusted Types', () => {
  let e2e: E2E;
  let policy: string;
  before(async () => {
    e2e = await startE2E();
    policy = strictPolicy(e2e.apiUrl);
    const endpoint = e2e.endpoint;
    serveWatcher(e2e);
    e2e.serve('/host.css', { body: 'body { font-family: sans-serif; }', type: 'text/css' });
    e2e.serve('/csp.html', {
      headers: { 'Content-Security-Policy': policy },
      body: hostPage({
        title: 'Strict CSP',
        scripts: [WATCH_SCRIPT, `${e2e.apiUrl}/cdn/civic-widgets.js`],
        body: `<link rel="stylesheet" href="/host.css">
          <civic-petition endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition>
          <civic-petition-counter endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition-counter>
          <civic-poll id="single" endpoint="${endpoint}" poll-id="park-name"></civic-poll>
          <civic-poll id="multiple" endpoint="${endpoint}" poll-id="budget-priorities"></civic-poll>
          <civic-poll id="ranked" endpoint="${endpoint}" poll-id="bus-routes"></civic-poll>
          <civic-feedback endpoint="${endpoint}" topic="bins"></civic-feedback>
          <form id="own"><label for="stars">Your visit</label><civic-rating id="stars" name="visit"></civic-rating></form>
          <civic-service-locator endpoint="${endpoint}"></civic-service-locator>
          <p>Running <civic-version></civic-version></p>`,
      }),
    });
  });
  after(() => e2e?.close());

  it('loads every widget together from civic-widgets.js without one violation, and the listeners hear one', async () => {
    const { context, page, problems } = await watchedPage(e2e);
    const response = await page.goto(`${e2e.hostUrl}/csp.html`);
    assert.equal(response?.headers()['content-security-policy'], policy);

    await page
      .locator('civic-petition')
      .getByRole('heading', { name: 'Build safe crossings on Station Road' })
      .waitFor();
    await new PetitionCounterDriver(page.locator('civic-petition-counter')).ready.waitFor();
    for (const id of ['single', 'multiple', 'ranked']) await new PollDriver(page.locator(`#${id}`)).ready.waitFor();
    // The ranked poll's move buttons and the multiple poll's results come from chunks loaded on demand.
    await page.locator('#ranked').getByRole('button', { name: 'Move A: Hospital - Station down' }).waitFor();
    await page.locator('#multiple').getByText('No votes yet.').waitFor();
    await new FeedbackDriver(page.locator('civic-feedback')).rating.choice('Yes').waitFor();
    await new RatingDriver(page.locator('#stars')).choose('4 out of 5 stars');
    assert.equal(await page.evaluate(() => new FormData(document.querySelector('form#own')!).get('visit')), '4');
    await new ServiceLocatorDriver(page.locator('civic-service-locator')).ready.waitFor();
    await page
      .locator('civic-version')
      .getByText(/\d+\.\d+\.\d+/)
      .waitFor();

    await assertNoViolations(page);
    assert.deepEqual(problems, [], 'no script error, and no CSP or Trusted Types message in the console');

    // The policy is in force and the listeners hear it: a string into a script element is refused.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('script').textContent = 'void 0';
        return false;
      } catch {
        return true;
      }
    });
    assert.ok(refused, 'Trusted Types are enforced');
    const seen = await violations(page);
    assert.deepEqual(
      [seen.init.map((v) => v.directive), seen.page.map((v) => v.directive)],
      [['require-trusted-types-for'], ['require-trusted-types-for']],
    );
    await context.close();
  });
});
