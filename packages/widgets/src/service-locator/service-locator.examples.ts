import { ClientError, type RequestContext, type Service, type ServiceQuery } from '@civic-widgets/client';
import { exampleSeed, memoryAdapter } from '@civic-widgets/client/adapters/memory';
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import { deferred, type FakeCalls, fakeClient } from '../test-support/fake-client.js';
import '../define/civic-service-locator.js';

const seed = exampleSeed();
/** The six seeded services around Leeds. */
export const seededServices: Service[] = seed.services;

/** Names, addresses and links that try to become markup or script. */
export const hostileService: Service = {
  ...seededServices[0]!,
  id: 'hostile',
  name: '<img src=x onerror="window.pwned=1">Library</script>',
  organization: '<b>Council</b>',
  location: { ...seededServices[0]!.location, address: '<script>window.pwned=1</script> 1 Street' },
  url: 'javascript:alert(1)' as Service['url'],
  description: '</script><script>window.pwned=1</script>',
};

/** `count` services in a row eastward from LS1 3AB, 100 m apart. */
export function manyServices(count: number): Service[] {
  const first = seededServices[0]!;
  return Array.from({ length: count }, (_, i) => ({
    ...first,
    id: `service-${i + 1}`,
    name: `Service ${i + 1}`,
    location: { ...first.location, lng: first.location.lng + i * 0.0015 },
  }));
}

const ctx: RequestContext = { signal: new AbortController().signal };

/** A client backed by the memory adapter (no delay) over `services`; `calls` records each request. */
export function locatorClient(services: Service[] = seededServices, extra: FakeCalls = {}) {
  const backend = memoryAdapter({ seed: { ...structuredClone(seed), services } });
  return fakeClient({
    listServiceCategories: () => backend.listServiceCategories(ctx),
    searchServices: (query: ServiceQuery) => backend.searchServices(query, ctx),
    ...extra,
  });
}

const shadow = (element: HTMLElement) => element.shadowRoot!;

/** Waits until the first search has answered. */
export async function searched(element: HTMLElement) {
  await waitUntil(() => shadow(element).querySelector('ol'), 'the first search did not answer');
}

/** Every state of `<civic-service-locator>`; each one is checked with axe. */
export const examples: Example[] = [
  {
    name: 'loading',
    render: () =>
      html`<civic-service-locator .client=${fakeClient({ listServiceCategories: () => deferred().promise })}></civic-service-locator>`,
  },
  {
    name: 'searching',
    render: () =>
      html`<civic-service-locator .client=${locatorClient(seededServices, { searchServices: () => deferred().promise })}></civic-service-locator>`,
    setup: (element) => waitUntil(() => shadow(element).querySelector('form')).then(() => undefined),
  },
  {
    name: 'results',
    render: () => html`<civic-service-locator .client=${locatorClient()}></civic-service-locator>`,
    setup: searched,
  },
  {
    name: 'results with distances, directions and more to show',
    render: () =>
      html`<civic-service-locator page-size="3" map-url="https://www.openstreetmap.org/directions?to={lat},{lng}" .client=${locatorClient()}></civic-service-locator>`,
    setup: async (element) => {
      await searched(element);
      const root = shadow(element);
      root.querySelector<HTMLInputElement>('#postcode')!.value = 'LS1 3AB';
      root.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
      await waitUntil(() => root.textContent!.includes('away'));
    },
  },
  {
    name: 'no results',
    render: () => html`<civic-service-locator .client=${locatorClient([])}></civic-service-locator>`,
    setup: searched,
  },
  {
    name: 'unknown postcode',
    render: () => html`<civic-service-locator .client=${locatorClient()}></civic-service-locator>`,
    setup: async (element) => {
      await searched(element);
      const root = shadow(element);
      root.querySelector<HTMLInputElement>('#postcode')!.value = 'ZZ9 9ZZ';
      root.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
      await waitUntil(() => root.querySelector('#postcode-error'));
    },
  },
  {
    name: 'search failed',
    render: () =>
      html`<civic-service-locator .client=${locatorClient(seededServices, {
        searchServices: async () => {
          throw new ClientError('network', 'down');
        },
      })}></civic-service-locator>`,
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')).then(() => undefined),
  },
  {
    name: 'location refused',
    render: () => html`<civic-service-locator .client=${locatorClient()}></civic-service-locator>`,
    setup: async (element) => {
      await searched(element);
      const geolocation = navigator.geolocation;
      const original = geolocation.getCurrentPosition;
      // As a browser does when the resident says no.
      geolocation.getCurrentPosition = (_, fail) => fail?.({ code: 1 } as GeolocationPositionError);
      try {
        [...shadow(element).querySelectorAll('button')].find((b) => b.textContent === 'Use my location')!.click();
      } finally {
        geolocation.getCurrentPosition = original;
      }
      await waitUntil(() => shadow(element).querySelector('[role=alert]'));
    },
  },
  {
    name: 'details of a service',
    render: () => html`<civic-service-locator .client=${locatorClient()}></civic-service-locator>`,
    setup: async (element) => {
      await searched(element);
      shadow(element).querySelector<HTMLButtonElement>('button[data-index="0"]')!.click();
      await waitUntil(() => shadow(element).querySelector('table'));
    },
  },
  {
    name: 'load failed',
    render: () =>
      html`<civic-service-locator .client=${fakeClient({
        listServiceCategories: async () => {
          throw new ClientError('http', 'Server error', { status: 500 });
        },
      })}></civic-service-locator>`,
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')).then(() => undefined),
  },
  {
    name: 'configuration error',
    render: () => html`<civic-service-locator></civic-service-locator>`,
  },
  {
    name: 'Arabic, right to left, with details',
    render: () => html`<div lang="ar"><civic-service-locator .client=${locatorClient()}></civic-service-locator></div>`,
    setup: async (wrapper) => {
      const element = wrapper.querySelector<HTMLElement>('civic-service-locator')!;
      await searched(element);
      shadow(element).querySelector<HTMLButtonElement>('button[data-index="1"]')!.click();
      await waitUntil(() => shadow(element).querySelector('table'));
    },
  },
];
