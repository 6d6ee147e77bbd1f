// <civic-service-locator> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceLocatorDriver } from '../drivers/service-locator.js';
import { common as commonIn, serviceLocator as locatorIn } from '../drivers/strings.js';
import { ROOT } from '../support/cdn.js';
import type { E2E } from '../support/e2e.js';
import { until } from '../support/until.js';
import { type CaseContext, json, switchLanguage, type WidgetStates } from './case.js';

const locator = locatorIn.en;
const common = commonIn.en;
const driver = (d: CaseContext) => new ServiceLocatorDriver(d.widget);

/** Backends of other kinds, on the host's origin: a JSON file, and an Open Referral (HSDS) API. */
async function setUp(e2e: E2E) {
  const services = await e2e.get<{ items: unknown[] }>('/services?postcode=LS1%203AB&radiusKm=1&pageSize=5');
  e2e.serve('/static-services.json', json({ services: services.items }));
  // The Open Referral examples, as one page each; their placeholder coordinates (100, 101) moved to Leeds.
  const fixture = (name: string) => {
    const page = JSON.parse(readFileSync(join(ROOT, 'packages/client/src/adapters/fixtures/hsds', name), 'utf8'));
    return { ...page, total_items: page.contents.length, total_pages: 1, last_page: true };
  };
  const atLocations = fixture('service_at_location_list.json');
  for (const record of atLocations.contents) Object.assign(record.location, { latitude: 53.8, longitude: -1.55 });
  e2e.serve('/hsds/service_at_locations', json(atLocations));
  e2e.serve('/hsds/taxonomy_terms', json(fixture('taxonomy_term_list.json')));
}

export const serviceLocatorStates: WidgetStates = {
  setUp,
  cases: [
    {
      widget: 'civic-service-locator',
      state: 'loading',
      async drive(d) {
        const release = await d.hold(/\/services\/categories$/);
        await d.open();
        await d.widget.getByRole('status').getByText(locator.loading).waitFor();
        release();
        await d.widget.getByRole('heading', { name: locator.heading }).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'list: the first services, and more on request',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        assert.equal(await driver(d).results.count(), 10);
        await driver(d).showMore();
        await driver(d).results.nth(10).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'searching',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        const release = await d.hold(/\/services\?/);
        await driver(d).searchPostcode('LS2 7DT');
        await d.inState('searching');
        await d.widget.getByText(locator.searching).waitFor();
        release();
        await driver(d).distances.first().waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'searched by postcode: nearest first',
      async drive(d) {
        await d.open();
        await driver(d).searchPostcode('LS1 3AB');
        await driver(d).distances.first().waitFor();
        assert.deepEqual((await driver(d).names())[0], 'Central Library');
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'unknown postcode (422)',
      async drive(d) {
        await d.open();
        await driver(d).searchPostcode('ZZ9 9ZZ');
        await d.widget.getByText(locator.postcodeUnknown, { exact: false }).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'no results',
      async drive(d) {
        await d.open();
        await driver(d).searchWords('xylophone quartet');
        await d.widget.locator('p[part="status"]').getByText(locator.noResults).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: '"open now" filter',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        const asked = d.page.waitForRequest((r) => /\/services\?.*openNow=true/.test(r.url()));
        await driver(d).onlyOpenNow();
        await asked;
        await d.widget
          .locator('p[part="status"]')
          .getByText(/services? found|No services match/)
          .waitFor();
        for (const result of await driver(d).results.all()) {
          await result.getByText(/^Open now/).waitFor();
        }
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'details open, then back to the list',
      chunks: ['service-locator-details'],
      async drive(d) {
        await d.open();
        await driver(d).openDetails();
        await d.inState('details');
        await d.widget.getByRole('heading', { name: locator.hours }).waitFor();
        await driver(d).back();
        await driver(d).ready.waitFor();
        assert.equal(await d.widget.evaluate((el) => el.matches(':state(details)')), false);
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'location allowed',
      context: { geolocation: { latitude: 53.8107, longitude: -1.5239 }, permissions: ['geolocation'] },
      async drive(d) {
        await d.open();
        await driver(d).useLocation();
        await d.widget.getByText(locator.usingLocation).waitFor();
        await driver(d).distances.first().waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'location refused',
      context: { permissions: [] },
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        await driver(d).useLocation();
        await d.widget.getByRole('alert').getByText(locator.geoDenied).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'search fails (503)',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        await d.refuse(/\/services\?/, 503);
        await driver(d).searchWords('library');
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'search without a connection',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        await d.context.setOffline(true);
        await driver(d).searchWords('library');
        await d.widget.getByRole('alert').getByText(common.errorOffline).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'load fails (503)',
      async drive(d) {
        await d.refuse(/\/services\/categories$/, 503);
        await d.open();
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
        await driver(d).retryButton.waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'JSON-LD for each listed service',
      attrs: 'json-ld',
      chunks: ['service-locator-json-ld'],
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        const scripts = d.widget.locator(':scope > script[data-civic-json-ld]');
        await until('a JSON-LD script per service', async () => (await scripts.count()) === 10);
        const first = await scripts.first().textContent();
        assert.equal(JSON.parse(first ?? '{}')['@type'], 'GovernmentService');
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'a JSON file (the static adapter)',
      body: (e2e) =>
        `<civic-service-locator adapter="static" endpoint="${e2e.hostUrl}/static-services.json"></civic-service-locator>`,
      chunks: ['static'],
      async drive(d) {
        await d.open();
        await d.widget.getByRole('heading', { name: 'Central Library' }).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'an Open Referral API (the HSDS adapter)',
      body: (e2e) => `<civic-service-locator adapter="hsds" endpoint="${e2e.hostUrl}/hsds"></civic-service-locator>`,
      chunks: ['hsds'],
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        await d.widget.locator('p[part="status"]').getByText('1 service found').waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'language switch: fr, es, ar, zh',
      async drive(d) {
        await d.open();
        await driver(d).ready.waitFor();
        await switchLanguage(d, (locale) => locatorIn[locale].heading);
      },
    },
  ],
};
