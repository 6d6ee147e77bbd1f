// <civic-service-locator> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceLocatorStrings } from '../../../../widgets/src/service-locator/service-locator.strings.js';
import { type E2E, until } from '../support.js';
import { common as commonIn, json, switchLanguage, translations, type WidgetStates } from './driver.js';

const locatorIn = await translations<ServiceLocatorStrings>('service-locator/i18n/{locale}');
const locator = locatorIn.en;
const common = commonIn.en;

/** Backends of other kinds, on the host's origin: a JSON file, and an Open Referral (HSDS) API. */
async function setUp(e2e: E2E) {
  const services = await e2e.get<{ items: unknown[] }>('/services?postcode=LS1%203AB&radiusKm=1&pageSize=5');
  e2e.serve('/static-services.json', json({ services: services.items }));
  // The Open Referral examples, as one page each; their placeholder coordinates (100, 101) moved to Leeds.
  const fixture = (name: string) => {
    const page = JSON.parse(readFileSync(join('packages/client/src/adapters/fixtures/hsds', name), 'utf8'));
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
        await d.widget.locator('#r0').waitFor();
        assert.equal(await d.widget.locator('[part="result"]').count(), 10);
        await d.widget.getByRole('button', { name: locator.showMore }).click();
        await d.widget.locator('#r10').waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'searching',
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        const release = await d.hold(/\/services\?/);
        await d.widget.getByLabel(locator.postcodeLabel).fill('LS2 7DT');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
        await d.inState('searching');
        await d.widget.getByText(locator.searching).waitFor();
        release();
        await d.widget
          .getByText(/km away/)
          .first()
          .waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'searched by postcode: nearest first',
      async drive(d) {
        await d.open();
        await d.widget.getByLabel(locator.postcodeLabel).fill('LS1 3AB');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
        await d.widget
          .getByText(/km away/)
          .first()
          .waitFor();
        assert.equal(await d.widget.locator('#r0').textContent(), 'Central Library');
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'unknown postcode (422)',
      async drive(d) {
        await d.open();
        await d.widget.getByLabel(locator.postcodeLabel).fill('ZZ9 9ZZ');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
        await d.widget.getByText(locator.postcodeUnknown, { exact: false }).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'no results',
      async drive(d) {
        await d.open();
        await d.widget.getByLabel(locator.searchLabel).fill('xylophone quartet');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
        await d.widget.locator('p[part="status"]').getByText(locator.noResults).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: '"open now" filter',
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        const asked = d.page.waitForRequest((r) => /\/services\?.*openNow=true/.test(r.url()));
        await d.widget.getByLabel(locator.openNowLabel).check();
        await asked;
        await d.widget
          .locator('p[part="status"]')
          .getByText(/services? found|No services match/)
          .waitFor();
        for (const result of await d.widget.locator('[part="result"]').all()) {
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
        await d.widget
          .getByRole('button', { name: /^More about/ })
          .first()
          .click();
        await d.inState('details');
        await d.widget.getByRole('heading', { name: locator.hours }).waitFor();
        await d.widget.getByRole('button', { name: locator.back }).click();
        await d.widget.locator('#r0').waitFor();
        assert.equal(await d.widget.evaluate((el) => el.matches(':state(details)')), false);
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'location allowed',
      context: { geolocation: { latitude: 53.8107, longitude: -1.5239 }, permissions: ['geolocation'] },
      async drive(d) {
        await d.open();
        await d.widget.getByRole('button', { name: locator.useLocation }).click();
        await d.widget.getByText(locator.usingLocation).waitFor();
        await d.widget
          .getByText(/km away/)
          .first()
          .waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'location refused',
      context: { permissions: [] },
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        await d.widget.getByRole('button', { name: locator.useLocation }).click();
        await d.widget.getByRole('alert').getByText(locator.geoDenied).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'search fails (503)',
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        await d.refuse(/\/services\?/, 503);
        await d.widget.getByLabel(locator.searchLabel).fill('library');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'search without a connection',
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        await d.context.setOffline(true);
        await d.widget.getByLabel(locator.searchLabel).fill('library');
        await d.widget.getByRole('button', { name: locator.search, exact: true }).click();
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
        await d.widget.getByRole('button', { name: common.retry }).waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'JSON-LD for each listed service',
      attrs: 'json-ld',
      chunks: ['service-locator-json-ld'],
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
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
        await d.widget.locator('#r0').waitFor();
        await d.widget.locator('p[part="status"]').getByText('1 service found').waitFor();
      },
    },
    {
      widget: 'civic-service-locator',
      state: 'language switch: fr, es, ar, zh',
      async drive(d) {
        await d.open();
        await d.widget.locator('#r0').waitFor();
        await switchLanguage(d, (locale) => locatorIn[locale].heading);
      },
    },
  ],
};
