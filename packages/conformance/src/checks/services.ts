import { isOpenAt } from '@civic-widgets/client/domain';
import { type Service, ServiceCategoryList, ServiceList } from '@civic-widgets/client/schemas';
import type { Check } from '../check.js';
import { expectFieldErrors, expectShape, expectStatus } from '../expect.js';
import type { Backend } from '../http.js';
import { fail, skip } from '../outcome.js';
import { listChecks } from './lists.js';

const section = 'services';

async function search(backend: Backend, query: Record<string, string>): Promise<Service[]> {
  const answer = await backend.get('/services', { pageSize: '20', ...query });
  expectStatus(answer, 200);
  return expectShape(ServiceList, answer, 'ServiceList').items;
}

async function firstService(backend: Backend): Promise<Service> {
  const [service] = await search(backend, { pageSize: '1' });
  if (!service) skip('the backend lists no service');
  return service;
}

function names(services: Service[]): string {
  return services.map((service) => service.id).join(', ');
}

export const serviceChecks: Check[] = [
  ...listChecks({ resource: 'services', path: '/services', schema: ServiceList, name: 'ServiceList', section }),
  {
    id: 'services.categories',
    title: 'GET /services/categories answers 200 with a ServiceCategoryList',
    section,
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      const answer = await backend.get('/services/categories');
      expectStatus(answer, 200);
      expectShape(ServiceCategoryList, answer, 'ServiceCategoryList');
    },
  },
  {
    id: 'services.nearest-first',
    title: 'GET /services?lat&lng lists services nearest first, each with distanceKm',
    section: 'behaviour-a-backend-must-share',
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      const { lat, lng } = (await firstService(backend)).location;
      const found = await search(backend, { lat: String(lat), lng: String(lng) });
      const missing = found.filter((service) => service.distanceKm === undefined);
      if (missing.length) fail('distanceKm on every item', `none on ${names(missing)}`);
      const distances = found.map((service) => service.distanceKm!);
      if (distances.some((d, i) => i > 0 && d < distances[i - 1]!)) {
        fail('distances in increasing order', distances.join(', '));
      }
      if (distances[0]! > 0.1) fail(`the service at ${lat},${lng} first, about 0 km away`, `${distances[0]} km`);
    },
  },
  {
    id: 'services.category',
    title: 'GET /services?category= lists only services in that category',
    section,
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      const [category] = (await firstService(backend)).categories;
      if (!category) skip('the first service has no category');
      const found = await search(backend, { category });
      const others = found.filter((service) => !service.categories.includes(category));
      if (!found.length || others.length) fail(`services in ${category}`, found.length ? names(others) : 'none');
    },
  },
  {
    id: 'services.text-search',
    title: 'GET /services?q= finds a service by a word of its name',
    section,
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      const service = await firstService(backend);
      const word = service.name.split(/\s+/).find((w) => /^\p{L}{3,}$/u.test(w));
      if (!word) skip(`no word to search for in "${service.name}"`);
      const found = await search(backend, { q: word });
      if (!found.some((s) => s.id === service.id)) fail(`${service.id} among the matches for "${word}"`, names(found));
      // The reference server also matches category labels; any backend matches at least the service's own text.
      const categories = expectShape(
        ServiceCategoryList,
        await backend.get('/services/categories'),
        'ServiceCategoryList',
      );
      const label = new Map(categories.map((category) => [category.id, category.label]));
      const unrelated = found.filter((s) => {
        const text = [s.name, s.description, s.organization, ...s.categories.map((id) => label.get(id) ?? id)];
        return !text.join(' ').toLowerCase().includes(word.toLowerCase());
      });
      if (unrelated.length) fail(`only services mentioning "${word}"`, `also ${names(unrelated)}`);
    },
  },
  {
    id: 'services.open-now',
    title: 'GET /services?openNow=true lists only services open now in their own time zone',
    section,
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      const found = await search(backend, { openNow: 'true' });
      const now = new Date();
      // A minute either side, for the time between the backend's clock reading and ours.
      const closed = found.filter(
        ({ hours }) => !hours || ![-60_000, 0, 60_000].some((skew) => isOpenAt(hours, new Date(now.getTime() + skew))),
      );
      if (closed.length) fail('only services open now', `closed now: ${names(closed)}`);
    },
  },
  {
    id: 'services.unknown-postcode',
    title: 'GET /services?postcode= with an unknown postcode is a 422 with an error at postcode',
    section,
    mode: 'read',
    resource: 'services',
    async run({ backend }) {
      expectFieldErrors(await backend.get('/services', { postcode: 'ZZ99 9ZZ' }), ['postcode']);
    },
  },
];
