// Open311 from HTML alone (issue 20): the CDN files on a council's page, a GeoReport v2 server written from the
// specification (support/open311-server.ts) behind the council's proxy, Chromium. One test per promise: set up
// from attributes, configuration errors named in the console, a refusal explained, and a report followed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';
import { JURISDICTION, type Open311Server, startOpen311 } from './support/open311-server.js';

describe('<civic-feedback adapter="open311"> and <civic-report-status> from the CDN files', () => {
  let e2e: E2E;
  let open311: Open311Server;
  /** A page with one feedback widget whose attributes are `attributes`. */
  const feedbackPage = (path: string, attributes: string) =>
    e2e.serve(
      path,
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-feedback.js`],
        body: `<civic-feedback topic="page:/bins" adapter="open311" no-comment reasons="" ${attributes}></civic-feedback>`,
      }),
    );

  before(async () => {
    e2e = await startE2E();
    open311 = await startOpen311();
    const base = `endpoint="${open311.proxied}" service-code="web-feedback" jurisdiction-id="${JURISDICTION}"`;
    feedbackPage(
      '/set-up.html',
      `${base} location="53.8008,-1.5491" service-attributes="channel=web|source=bins-page"`,
    );
    feedbackPage('/no-location.html', `${base} service-attributes="channel=web"`);
    feedbackPage('/ask.html', `${base} location="ask" service-attributes="channel=web"`);
    feedbackPage('/key.html', `endpoint="${open311.url}?api_key=leaked" service-code="web-feedback"`);
    feedbackPage(
      '/unknown.html',
      `endpoint="${open311.proxied}" service-code="graffiti" jurisdiction-id="${JURISDICTION}"`,
    );
    // A council site's CMS answers every path with a page: the endpoint points at the site, not at the API.
    e2e.serve('/cms/services.json', hostPage({ scripts: [], body: '<p>Welcome to the council</p>' }));
    feedbackPage('/not-open311.html', `endpoint="${e2e.hostUrl}/cms" service-code="web-feedback"`);
    feedbackPage('/no-code.html', `endpoint="${open311.proxied}" jurisdiction-id="${JURISDICTION}"`);
  });
  after(async () => {
    await open311?.close();
    await e2e?.close();
  });

  it('files a report set up from attributes alone, then shows its reference and its status', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/set-up.html`);
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'Yes', exact: true }).click();
    await widget.getByText('Thank you, your answer has been recorded.').waitFor();
    assert.equal(open311.filed.length, 1);
    const form = open311.filed[0]!.form;
    assert.equal(form.get('jurisdiction_id'), JURISDICTION);
    assert.equal(form.get('service_code'), 'web-feedback');
    assert.deepEqual([form.get('lat'), form.get('long')], ['53.8008', '-1.5491']);
    assert.equal(form.get('attribute[channel]'), 'web');
    assert.equal(form.get('attribute[source]'), 'bins-page');
    assert.equal(form.get('attribute[rating]'), '1');
    // The reference, and the status GET /requests/{id}.json gives.
    const status = widget.locator('civic-report-status');
    await status.getByText('Report 638344').waitFor();
    await status.getByText('Open: the council is working on it').waitFor();
    await status.getByText('The web team will correct the page this week.').waitFor();
    await status.getByText('Handled by Digital services').waitFor();
    await status.getByText('Expected by December 11, 2026').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps a report on this browser only with consent, and shows its status on a later visit', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/set-up.html`);
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'Yes', exact: true }).click();
    const keep = widget.getByRole('checkbox', {
      name: 'Remember this report on this device for 90 days, to check it later',
    });
    await keep.waitFor();
    const reference = open311.filed.at(-1)!.service_request_id;
    await page.reload();
    await widget.getByRole('radio', { name: 'Yes', exact: true }).waitFor();
    assert.equal(await widget.locator('civic-report-status').count(), 0, 'nothing kept without the tick');
    await widget.getByRole('radio', { name: 'Yes', exact: true }).click();
    await keep.waitFor();
    const second = open311.filed.at(-1)!.service_request_id;
    assert.notEqual(second, reference);
    await widget.getByText(`Report ${second}`).waitFor();
    await keep.check();
    await page.reload();
    // A later visit: the kept report's status shows with the rating, its box ticked.
    await widget.getByText(`Report ${second}`).waitFor();
    await widget.getByText('Handled by Digital services').waitFor();
    assert.equal(await keep.isChecked(), true);
    assert.equal(await widget.getByText(`Report ${reference}`).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows any report anywhere: <civic-report-status> on its own page, and an unknown reference', async () => {
    e2e.serve(
      '/status.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-report-status.js`],
        body: `<civic-report-status id="known" adapter="open311" endpoint="${open311.proxied}" jurisdiction-id="${JURISDICTION}" reference="638344"></civic-report-status>
          <civic-report-status id="unknown" adapter="open311" endpoint="${open311.proxied}" jurisdiction-id="${JURISDICTION}" reference="1"></civic-report-status>`,
      }),
    );
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/status.html`);
    await page.locator('#known').getByText('Handled by Digital services').waitFor();
    await page.locator('#unknown').getByText('No report has this reference.').waitFor();
    assert.equal(await page.locator('#unknown').getByText('Report 1').count(), 1, 'the reference stays in view');
    assert.deepEqual(
      problems.filter((p) => !p.includes('404')),
      [],
    );
    await context.close();
  });

  it("explains a refusal that names nothing the resident can change, keeps the choice, and carries the server's reason", async () => {
    const { context, page } = await newPage(e2e);
    const before = open311.filed.length;
    await page.goto(`${e2e.hostUrl}/no-location.html`);
    const detail = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('civic-error', (event) =>
            resolve((event as CustomEvent).detail.error.problem?.detail),
          ),
        ),
    );
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'No', exact: true }).click();
    await widget
      .getByText('The service could not take this report. Try again later, or contact us another way.')
      .waitFor();
    assert.equal(await widget.getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
    assert.equal(await detail, 'A location is required: lat and long, address_string or address_id');
    assert.equal(open311.filed.length, before, 'nothing was filed');
    await context.close();
  });

  it('location="ask": the resident shares their position (the browser asks), and it is filed as lat and long', async () => {
    const context = await e2e.browser.newContext();
    await context.grantPermissions(['geolocation'], { origin: e2e.hostUrl });
    await context.setGeolocation({ latitude: 53.79648, longitude: -1.54785 });
    const { page, problems } = await newPage(e2e, context);
    const before = open311.filed.length;
    await page.goto(`${e2e.hostUrl}/ask.html`);
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'Yes', exact: true }).click();
    await widget.getByRole('group', { name: 'Where is the problem?' }).waitFor();
    assert.equal(open311.filed.length, before, 'the rating waits for the place');
    await widget.getByRole('button', { name: 'Use my location' }).click();
    await widget.getByRole('status').getByText('Location added').waitFor();
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText('Thank you for your feedback').waitFor();
    assert.equal(open311.filed.length, before + 1);
    const form = open311.filed.at(-1)!.form;
    assert.deepEqual([form.get('lat'), form.get('long')], ['53.79648', '-1.54785']);
    assert.equal(form.has('address_string'), false);
    assert.equal(form.get('attribute[rating]'), '1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('location="ask": a refusal for want of a place is an error on the address field, and the typed address is filed', async () => {
    const { context, page } = await newPage(e2e);
    const before = open311.filed.length;
    await page.goto(`${e2e.hostUrl}/ask.html`);
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'No', exact: true }).click();
    await widget.getByRole('button', { name: 'Send' }).click();
    const required = 'Say where the problem is: use your location, or type an address or a place.';
    await widget.getByRole('alert').getByRole('link', { name: required }).waitFor();
    const address = widget.getByRole('textbox', { name: 'Address or place' });
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    assert.equal(open311.filed.length, before, 'nothing was filed');
    await address.fill('12 Park Row, Leeds');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText('Thank you for your feedback').waitFor();
    const form = open311.filed.at(-1)!.form;
    assert.equal(form.get('address_string'), '12 Park Row, Leeds');
    assert.equal(form.get('attribute[rating]'), '0');
    await context.close();
  });

  it('the same rule for the REST adapter: an endpoint that is not a backend is named, not shown as a network failure', async () => {
    e2e.serve(
      '/rest-wrong.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-feedback.js`],
        // The site's own address, whose unknown paths answer 404 without a problem document.
        body: `<civic-feedback topic="page:/bins" endpoint="${e2e.hostUrl}/no-api"></civic-feedback>`,
      }),
    );
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/rest-wrong.html`);
    const widget = page.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'Yes', exact: true }).click();
    await widget.getByRole('alert').getByText('This form is not available right now.').waitFor();
    assert.equal(await widget.getByRole('button').count(), 0);
    const logged = problems.filter((p) => p.startsWith('Civic Widgets:'));
    assert.equal(logged.length, 1, problems.join('\n'));
    assert.match(logged[0]!, /the endpoint attribute leads to no backend/);
    await context.close();
  });

  for (const [name, path, named] of [
    ['a key in the endpoint', '/key.html', /endpoint attribute .*api_key/],
    ['no service code', '/no-code.html', /service-code attribute/],
    ['a service the server does not list', '/unknown.html', /service-code attribute .*web-feedback, pothole/],
    ['an endpoint that is not an Open311 server', '/not-open311.html', /endpoint attribute/],
  ] as const) {
    it(`names ${name} in one console error and shows a calm notice without a retry`, async () => {
      const { context, page, problems } = await newPage(e2e);
      await page.goto(`${e2e.hostUrl}${path}`);
      const widget = page.locator('civic-feedback');
      await widget.getByRole('alert').getByText('This form is not available right now.').waitFor();
      assert.equal(await widget.getByRole('button').count(), 0, 'no retry that cannot help');
      assert.equal(await widget.getByRole('radio').count(), 0);
      const logged = problems.filter((p) => p.startsWith('Civic Widgets:'));
      assert.equal(logged.length, 1, problems.join('\n'));
      assert.match(logged[0]!, named);
      assert.doesNotMatch(logged[0]!, /leaked/, 'the key is not repeated');
      await context.close();
    });
  }
});
