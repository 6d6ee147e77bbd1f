// Every widget under a strict Content-Security-Policy with Trusted Types, on a host site on another origin:
// loaded, submitting, delivered and failed states, and not one `securitypolicyviolation`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type E2E, hostPage, newPage, startE2E, waitForState } from './support.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/**
 * Records every violation the page reports, from the first moment (an init script, which the policy does not
 * govern) and again from a script of the page's own (`/csp-watch.js`), so that both see the same events.
 */
const watcher = (key: string) => `(() => {
  const seen = (window[${JSON.stringify(key)}] = []);
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
  });
})();`;

describe('every widget under a strict CSP with Trusted Types', () => {
  let e2e: E2E;
  let policy: string;
  before(async () => {
    e2e = await startE2E();
    // The policy a cautious council sets, allowing the CDN's origin for scripts. Lit creates one Trusted Types
    // policy, `lit-html`, and the bundles nothing else: naming it keeps every other policy out.
    policy = [
      `script-src 'self' ${e2e.apiUrl}`,
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    const endpoint = e2e.endpoint;
    e2e.serve('/csp-watch.js', { body: watcher('__pageViolations'), type: 'text/javascript' });
    e2e.serve('/host.css', { body: 'body { font-family: sans-serif; }', type: 'text/css' });
    e2e.serve('/csp.html', {
      headers: { 'Content-Security-Policy': policy },
      body: hostPage({
        title: 'Strict CSP',
        scripts: ['/csp-watch.js', `${e2e.apiUrl}/cdn/civic-widgets.js`],
        body: `<link rel="stylesheet" href="/host.css">
          <civic-petition endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition>
          <civic-petition id="missing" endpoint="${endpoint}" petition-id="no-such-petition"></civic-petition>
          <civic-petition-counter endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition-counter>
          <civic-poll id="single" endpoint="${endpoint}" poll-id="park-name"></civic-poll>
          <civic-poll id="again" endpoint="${endpoint}" poll-id="park-name"></civic-poll>
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

  it('loads, submits, succeeds and fails in every widget without one violation', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.addInitScript(watcher('__initViolations'));
    const response = await page.goto(`${e2e.hostUrl}/csp.html`);
    assert.equal(response?.headers()['content-security-policy'], policy);

    // Loaded.
    const petition = page.locator('civic-petition').first();
    await petition.getByRole('heading', { name: 'Build safe crossings on Station Road' }).waitFor();
    await page.locator('civic-petition-counter .total').waitFor();
    for (const id of ['single', 'multiple', 'ranked']) await page.locator(`#${id} h2`).waitFor();
    await page.locator('civic-service-locator #r0').waitFor();
    await page
      .locator('civic-version')
      .getByText(/\d+\.\d+\.\d+/)
      .waitFor();
    // A load that fails: the petition does not exist.
    await page.locator('#missing').getByRole('alert').getByText('This petition could not be found.').waitFor();

    // Errors in the form: the summary and inline messages, focus moved.
    await petition.getByRole('button', { name: 'Sign this petition' }).click();
    await waitForState(page, 'civic-petition', 'user-invalid');
    await petition.locator('[part="error-summary"]').waitFor();

    // Submitting (held at the network until checked), then delivered.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${e2e.endpoint}/petitions/*/signatures`, async (route) => {
      await held;
      await route.continue();
    });
    await petition.getByLabel('Full name').fill('Ada Lovelace');
    await petition.getByLabel('Email address').fill('ada@example.org');
    await petition.getByLabel('Postcode').fill('LS1 3AB');
    await petition.locator('#consent').check();
    await petition.getByRole('button', { name: 'Sign this petition' }).click();
    await waitForState(page, 'civic-petition', 'submitting');
    release();
    await petition.getByRole('heading', { name: 'Thank you for signing' }).waitFor();

    // Each poll kind: the results view (chart, then table) and the ranking's buttons.
    const single = page.locator('#single');
    await single.getByRole('radio', { name: 'Riverside Park' }).check();
    await single.getByRole('button', { name: 'Vote' }).click();
    await single.getByRole('heading', { name: 'Thank you, your vote has been counted' }).waitFor();
    await single.getByRole('button', { name: 'Show as a table' }).click();
    await single.locator('table').waitFor();
    const multiple = page.locator('#multiple');
    await multiple.getByRole('checkbox', { name: 'Parks and green spaces' }).check();
    await multiple.getByRole('checkbox', { name: 'Youth services' }).check();
    await multiple.getByRole('button', { name: 'Vote' }).click();
    await multiple.getByText('1 vote in total.').waitFor();
    const ranked = page.locator('#ranked');
    await ranked.getByRole('button', { name: 'Move A: Hospital - Station down' }).click();
    await ranked.getByRole('button', { name: 'Vote' }).click();
    await ranked.getByText('Results will be published when voting closes.').waitFor();
    // A refusal from the server: this browser's token has voted in this poll already.
    const again = page.locator('#again');
    await again.getByRole('radio', { name: 'Heron Green' }).check();
    await again.getByRole('button', { name: 'Vote' }).click();
    await again.getByText('You have already voted in this poll from this browser.').waitFor();

    // Feedback: the rating, then the follow-up.
    const feedback = page.locator('civic-feedback');
    await feedback.getByRole('radio', { name: 'No' }).click();
    await feedback.getByLabel('Something did not work').check();
    await feedback.getByLabel('Tell us more (optional)').fill('The form would not send.');
    await feedback.getByRole('button', { name: 'Send' }).click();
    await feedback.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
    // The rating alone, in the host's form.
    await page.locator('#stars').getByRole('radio', { name: '4 out of 5 stars' }).click();
    assert.equal(await page.evaluate(() => new FormData(document.querySelector('form#own')!).get('visit')), '4');

    // The locator: a search, an unknown postcode (a field error), the details view (loaded on demand).
    const locator = page.locator('civic-service-locator');
    await locator.getByLabel('Postcode').fill('ZZ9 9ZZ');
    await locator.getByRole('button', { name: 'Search' }).click();
    await locator.getByText('We could not find that postcode.', { exact: false }).waitFor();
    await locator.getByLabel('Postcode').fill('LS2 7DT');
    await locator.getByRole('button', { name: 'Search' }).click();
    await locator
      .getByText(/km away/)
      .first()
      .waitFor();
    await locator
      .getByRole('button', { name: /^More about/ })
      .first()
      .click();
    await locator.getByRole('button', { name: 'Back to the list' }).waitFor();

    const violations = async () => ({
      init: await page.evaluate(() => (window as unknown as { __initViolations: Violation[] }).__initViolations),
      page: await page.evaluate(() => (window as unknown as { __pageViolations: Violation[] }).__pageViolations),
    });
    assert.deepEqual(await violations(), { init: [], page: [] });
    // The 404, 409 and 422 asked for above are logged by Chromium as failed loads; nothing else may be.
    const expected = /^Failed to load resource: the server responded with a status of (404|409|422) /;
    assert.deepEqual(
      problems.filter((problem) => !expected.test(problem)),
      [],
      'no script error, and no CSP or Trusted Types message in the console',
    );

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
    const seen = await violations();
    assert.deepEqual(
      [seen.init.map((v) => v.directive), seen.page.map((v) => v.directive)],
      [['require-trusted-types-for'], ['require-trusted-types-for']],
    );
    await context.close();
  });
});
