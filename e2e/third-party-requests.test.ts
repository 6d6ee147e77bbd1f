// Every widget used from start to finish on a host page, recording every request the browser makes (documents,
// scripts, chunks, styles, fonts, images, prefetches, service workers, beacons, sockets): each must go to the host
// page's origin or to the widgets' own server (API and CDN). No font service, analytics, map tiles or anything else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FeedbackDriver, RatingDriver } from './drivers/feedback.js';
import { PetitionCounterDriver, PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import { newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

/**
 * Records, from before the page's first script, the ways a page can reach the network besides `fetch` and
 * elements: beacons, WebSockets, EventSource and WebRTC (whose connections Playwright does not list as requests).
 */
const watchChannels = `(() => {
  const seen = (window.__channels = []);
  const beacon = navigator.sendBeacon?.bind(navigator);
  if (beacon) navigator.sendBeacon = (url, data) => (seen.push('beacon ' + url), beacon(url, data));
  for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection']) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = new Proxy(Original, {
      construct(target, args) {
        seen.push(name + ' ' + String(args[0]));
        return Reflect.construct(target, args);
      },
    });
  }
})();`;

describe('a widget run asks nothing of any origin but the page and the widgets’ server', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    const endpoint = e2e.endpoint;
    e2e.serve(
      '/all.html',
      hostPage({
        title: 'Every widget',
        scripts: [`${e2e.apiUrl}/cdn/civic-widgets.js`],
        body: `<civic-petition endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition>
          <civic-petition-counter endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition-counter>
          <civic-poll id="single" endpoint="${endpoint}" poll-id="park-name"></civic-poll>
          <civic-poll id="multiple" endpoint="${endpoint}" poll-id="budget-priorities"></civic-poll>
          <civic-poll id="ranked" endpoint="${endpoint}" poll-id="bus-routes"></civic-poll>
          <civic-feedback endpoint="${endpoint}" topic="bins"></civic-feedback>
          <form id="own"><label for="stars">Your visit</label><civic-rating id="stars" name="visit"></civic-rating></form>
          <civic-service-locator endpoint="${endpoint}"
            map-url="https://www.openstreetmap.org/directions?to={lat},{lng}"></civic-service-locator>
          <p>Running <civic-version></civic-version></p>`,
      }),
    );
  });
  after(() => e2e?.close());

  it('signs, votes, rates, answers, searches and opens details with requests to those two origins only', async () => {
    const context = await e2e.browser.newContext({
      geolocation: { latitude: 53.8107, longitude: -1.5239 },
      permissions: ['geolocation'],
      serviceWorkers: 'allow',
    });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const sockets: string[] = [];
    const { page, problems } = await newPage(e2e, context);
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.addInitScript(watchChannels);
    await page.goto(`${e2e.hostUrl}/all.html`);

    const petition = new PetitionDriver(page.locator('civic-petition'));
    await petition.sign(signer('ada@example.org'));
    await petition.thanked.waitFor();
    await new PetitionCounterDriver(page.locator('civic-petition-counter')).ready.waitFor();

    const single = new PollDriver(page.locator('#single'));
    await single.vote('Riverside Park');
    await single.voted.waitFor();
    await single.showTable();
    const multiple = new PollDriver(page.locator('#multiple'));
    await multiple.vote('Parks and green spaces');
    await multiple.widget.getByText('1 vote in total.').waitFor();
    const ranked = new PollDriver(page.locator('#ranked'));
    await ranked.moveDown('A: Hospital - Station');
    await ranked.vote();
    await ranked.widget.getByText('Results will be published when voting closes.').waitFor();

    const feedback = new FeedbackDriver(page.locator('civic-feedback'));
    await feedback.rate('No');
    await feedback.followUp({ reasons: ['Something did not work'], comment: 'The form would not send.' });
    await feedback.thanked.waitFor();
    await new RatingDriver(page.locator('#stars')).choose('4 out of 5 stars');

    const locator = new ServiceLocatorDriver(page.locator('civic-service-locator'));
    await locator.searchPostcode('LS2 7DT');
    await locator.distances.first().waitFor();
    await locator.useLocation();
    await locator.widget.getByText('Showing services near your current location.').waitFor();
    await locator.openDetails();
    await locator.backButton.waitFor();
    await page
      .locator('civic-version')
      .getByText(/\d+\.\d+\.\d+/)
      .waitFor();
    const channels = await page.evaluate(() => (window as unknown as { __channels: string[] }).__channels);
    assert.deepEqual(channels, [], 'no beacon, WebSocket, EventSource or RTCPeerConnection');
    // Whatever the page would still send on its way out (a beacon on `pagehide`) counts too.
    await page.goto('about:blank');

    const allowed = new Set([e2e.hostUrl, e2e.apiUrl]);
    const elsewhere = requests.filter((url) => !allowed.has(new URL(url).origin));
    assert.deepEqual(elsewhere, [], 'every request goes to the page or the widgets’ server');
    // The run did reach both: the recording works.
    assert.ok(requests.some((url) => url.startsWith(`${e2e.endpoint}/petitions/`)));
    assert.ok(requests.some((url) => url.startsWith(`${e2e.apiUrl}/cdn/`)));
    assert.deepEqual(sockets, [], 'no WebSocket');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens no beacon, socket, event stream or peer connection, and its styles point nowhere else', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.addInitScript(watchChannels);
    await page.goto(`${e2e.hostUrl}/all.html`);
    await new ServiceLocatorDriver(page.locator('civic-service-locator')).ready.waitFor();
    const feedback = new FeedbackDriver(page.locator('civic-feedback'));
    await feedback.rate('Yes');
    await feedback.widget.getByText('Thank you, your answer has been recorded.').waitFor();
    // Every URL in the widgets' styles (fonts, images, imports) and every link element in their shadow roots,
    // which a browser may fetch later (a hover image, a preconnect) even when this run did not.
    const references = await page.evaluate(() => {
      const found: string[] = [];
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const element of roots[i]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      for (const root of roots.slice(1)) {
        for (const sheet of root.adoptedStyleSheets) {
          const text = [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
          for (const match of text.matchAll(/url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)/g)) {
            found.push(match[1] ?? match[2] ?? '');
          }
        }
        for (const link of root.querySelectorAll('link[href], img[src], source[srcset], iframe[src]')) {
          found.push(link.getAttribute('href') ?? link.getAttribute('src') ?? link.getAttribute('srcset') ?? '');
        }
      }
      return found;
    });
    assert.deepEqual(references, []);
    const channels = await page.evaluate(() => (window as unknown as { __channels: string[] }).__channels);
    assert.deepEqual(channels, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
