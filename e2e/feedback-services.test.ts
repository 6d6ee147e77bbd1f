// Feedback and the service locator end to end: a host page on a second origin, the real server, Chromium.
// Checks the row the server stored for a rating and its follow-up, and the order services are listed in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FeedbackDriver } from './drivers/feedback.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import { newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

interface ServiceList {
  items: { id: string; name: string; distanceKm?: number }[];
}

describe('feedback and the service locator embedded in a host page, against the real server', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    e2e.serve(
      '/feedback.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-feedback.js`],
        body: `<civic-feedback endpoint="${e2e.endpoint}" topic="bins" scale="stars"></civic-feedback>`,
      }),
    );
    e2e.serve(
      '/services.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-service-locator.js`],
        body: `<civic-service-locator endpoint="${e2e.endpoint}"></civic-service-locator>`,
      }),
    );
  });
  after(() => e2e?.close());

  it('rates a page, answers the follow-up, and the server stores one row with both, without the query string', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/feedback.html?ref=newsletter#top`);
    const feedback = new FeedbackDriver(page.locator('civic-feedback'));
    await feedback.rate('2 out of 5 stars');
    await feedback.widget.getByText('Thank you, your answer has been recorded.').waitFor();
    const rows = () =>
      e2e.db
        .selectFrom('feedback')
        .select(['rating_scale', 'rating_value', 'reasons', 'comment', 'page_url', 'locale'])
        .where('topic', '=', 'bins')
        .execute();
    // One click is a complete answer: stored at once.
    assert.deepEqual(
      (await rows()).map((row) => [row.rating_scale, row.rating_value, row.comment]),
      [['stars', 2, null]],
    );

    await feedback.followUp({
      reasons: ['It was hard to understand'],
      comment: 'The dates are wrong. Call me on 07700 900123',
    });
    await feedback.widget.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();

    const stored = await rows();
    assert.equal(stored.length, 1, 'the follow-up attaches to the rating: one piece of feedback');
    const [row] = stored;
    assert.equal(row?.rating_value, 2);
    assert.deepEqual(JSON.parse(row?.reasons ?? '[]'), ['unclear']);
    assert.equal(row?.comment, 'The dates are wrong. Call me on […]', 'the phone number never left the browser');
    assert.equal(row?.page_url, `${e2e.hostUrl}/feedback.html`);
    assert.equal(row?.locale, 'en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** The names the widget lists, in order, once a search has answered. */
  async function listed(locator: ServiceLocatorDriver) {
    await locator.ready.waitFor();
    await locator.widget
      .getByRole('status')
      .filter({ hasText: /services? found/ })
      .waitFor({ state: 'attached' });
    return locator.names();
  }

  function assertNearestFirst(found: ServiceList) {
    const distances = found.items.map((item) => item.distanceKm);
    assert.ok(distances.length >= 3, 'several services in range');
    assert.ok(
      distances.every((d, i) => typeof d === 'number' && (i === 0 || d >= distances[i - 1]!)),
      `nearest first: ${distances.join(', ')}`,
    );
  }

  it('finds services by postcode, nearest first, in the order the API gives', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/services.html`);
    const locator = new ServiceLocatorDriver(page.locator('civic-service-locator'));
    await locator.searchPostcode('ls1 3ab');
    await locator.distances.first().waitFor();
    const names = await listed(locator);
    const found = await e2e.get<ServiceList>('/services?postcode=LS1%203AB&radiusKm=5&pageSize=10');
    assertNearestFirst(found);
    assert.deepEqual(
      names,
      found.items.map((item) => item.name),
    );
    // The library is at that postcode: 0 km.
    assert.equal(found.items[0]?.id, 'central-library');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('finds services by the device location, nearest first, in the order the API gives', async () => {
    const at = { latitude: 53.8107, longitude: -1.5239 }; // the Harehills food bank
    const context = await e2e.browser.newContext({ geolocation: at, permissions: ['geolocation'] });
    const { page, problems } = await newPage(e2e, context);
    await page.goto(`${e2e.hostUrl}/services.html`);
    const locator = new ServiceLocatorDriver(page.locator('civic-service-locator'));
    await locator.useLocation();
    await locator.widget.getByText('Showing services near your current location.').waitFor();
    await locator.distances.first().waitFor();
    const names = await listed(locator);
    const found = await e2e.get<ServiceList>(`/services?lat=${at.latitude}&lng=${at.longitude}&radiusKm=5&pageSize=10`);
    assertNearestFirst(found);
    assert.equal(found.items[0]?.id, 'harehills-food-bank');
    assert.deepEqual(
      names,
      found.items.map((item) => item.name),
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
