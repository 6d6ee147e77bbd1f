import type * as z from 'zod/mini';
import type { Check, Resource } from '../check.js';
import { expectEqual, expectProblem, expectShape, expectStatus } from '../expect.js';
import type { Answer } from '../http.js';
import { fail, skip } from '../outcome.js';

interface ListSpec {
  resource: Resource;
  path: string;
  schema: z.core.$ZodType;
  name: string;
  section: string;
}

/** The checks every paginated list shares: its shape, `page`/`pageSize` paging, and refusing a bad page. */
export function listChecks({ resource, path, schema, name, section }: ListSpec): Check[] {
  return [
    {
      id: `${resource}.list`,
      title: `GET ${path} answers 200 with a ${name}`,
      section,
      mode: 'read',
      resource,
      async run({ backend }) {
        const answer = await backend.get(path);
        expectStatus(answer, 200);
        expectShape(schema, answer, name);
      },
    },
    {
      id: `${resource}.pagination`,
      title: `GET ${path}?page=2&pageSize=1 answers the second item, echoing page, pageSize and total`,
      section: 'endpoints',
      mode: 'read',
      resource,
      async run({ backend }) {
        const all = await page(backend.get(path, { pageSize: '100' }));
        if (all.total < 2) skip(`pagination needs two ${resource}; the backend has ${all.total}`);
        const second = await page(backend.get(path, { page: '2', pageSize: '1' }));
        expectEqual(
          { page: second.page, pageSize: second.pageSize, total: second.total },
          { page: 2, pageSize: 1, total: all.total },
          'paging',
        );
        expectEqual(
          second.items.map((item) => item.id),
          [all.items[1]?.id],
          'item ids',
        );
        const beyond = await page(backend.get(path, { page: String(all.total + 1), pageSize: '1' }));
        expectEqual(beyond.items.length, 0, `items on page ${all.total + 1}`);
      },
    },
    {
      id: `${resource}.bad-query`,
      title: `GET ${path}?page=0 and ?pageSize=101 are refused with a problem`,
      section: 'errors',
      mode: 'read',
      resource,
      async run({ backend }) {
        for (const query of [{ page: '0' }, { pageSize: '101' }] as Record<string, string>[]) {
          expectProblem(await backend.get(path, query), [400, 422], ['bad-request', 'validation']);
        }
      },
    },
  ];
}

interface Paged {
  items: { id: string }[];
  total: number;
  page: number;
  pageSize: number;
}

async function page(answered: Promise<Answer>): Promise<Paged> {
  const answer = await answered;
  const body = answer.json as Partial<Paged> | undefined;
  if (answer.status !== 200 || !Array.isArray(body?.items)) fail('200 with a page of items', `${answer.status}`);
  return body as Paged;
}

/** A `status` filter lists the items of that status, all of them and nothing else. */
export function statusFilterCheck(resource: Resource, path: string, status: string): Check {
  return {
    id: `${resource}.status-filter`,
    title: `GET ${path}?status=${status} lists only ${status} ${resource}`,
    section: 'endpoints',
    mode: 'read',
    resource,
    async run({ backend }) {
      const answer = await backend.get(path, { status, pageSize: '100' });
      expectStatus(answer, 200);
      const items = (answer.json as { items?: { id: string; status: string }[] }).items ?? [];
      const others = items.filter((item) => item.status !== status);
      if (others.length) fail(`only status ${status}`, others.map((item) => `${item.id}: ${item.status}`).join(', '));
      // Nothing left out: counted against the unfiltered list when it fits on one page.
      const everything = (await backend.get(path, { pageSize: '100' })).json as Partial<Paged> | undefined;
      if (!Array.isArray(everything?.items) || everything.items.length < (everything.total ?? 0)) return;
      const expected = (everything.items as { status?: string }[]).filter((item) => item.status === status);
      expectEqual(items.length, expected.length, `number of ${status} items`);
    },
  };
}

/** The statuses the clock decides (docs/protocol.md#behaviour-a-backend-must-share), from `opensAt` and `closesAt`. */
export function statusByClockCheck(resource: Resource, path: string, title: string): Check {
  return {
    id: `${resource}.status-by-clock`,
    title,
    section: 'behaviour-a-backend-must-share',
    mode: 'read',
    resource,
    async run({ backend }) {
      const answer = await backend.get(path, { pageSize: '100' });
      expectStatus(answer, 200);
      const now = Date.now();
      type Timed = { id: string; status: string; opensAt?: string; closesAt?: string };
      const wrong = ((answer.json as { items?: Timed[] }).items ?? []).filter(({ status, opensAt, closesAt }) => {
        const closed = closesAt !== undefined && Date.parse(closesAt) <= now;
        const upcoming = opensAt !== undefined && Date.parse(opensAt) > now;
        if (closed) return status === 'open' || status === 'upcoming';
        return upcoming ? status !== 'upcoming' : status === 'upcoming';
      });
      if (wrong.length) {
        fail('statuses that follow opensAt and closesAt', wrong.map((item) => `${item.id}: ${item.status}`).join(', '));
      }
    },
  };
}
