import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Resource } from './check.js';
import { PROBLEM_TYPE } from './expect.js';
import { runConformance } from './runner.js';
import { type Fault, type ProxiedReply, type ProxiedRequest, startFaultProxy } from './test-support/fault-proxy.js';
import { type RunningServer, startReferenceServer } from './test-support/reference-server.js';

let server: RunningServer;
before(async () => {
  server = await startReferenceServer();
});
after(() => server.stop());

const isSignature = (request: ProxiedRequest) => request.method === 'POST' && request.path.endsWith('/signatures');
const isFeedback = (request: ProxiedRequest) => request.method === 'POST' && request.path === '/feedback';
const problemType = (reply: ProxiedReply) => (JSON.parse(reply.body || '{}') as { type?: string }).type;

function answer(reply: ProxiedReply, status: number, body: unknown): void {
  reply.status = status;
  reply.headers['content-type'] = 'application/json';
  reply.body = JSON.stringify(body);
}

/** Turns one kind of refusal into a success, as a backend that skips a rule would answer. */
function acceptInstead(name: string): Fault {
  return {
    reply(_request, reply) {
      if (problemType(reply) === PROBLEM_TYPE + name) answer(reply, 201, { receiptId: 'accepted-anyway' });
    },
  };
}

/** A backend that forgets keys: a key seen before (with the same body, or another) gets a fresh one. */
function forgetKeys(when: (request: ProxiedRequest, sameBody: boolean) => boolean): Fault {
  const seen = new Map<string, string>();
  return {
    request(request) {
      const key = request.headers['idempotency-key'];
      if (!key) return;
      const earlier = seen.get(key);
      seen.set(key, request.body);
      if (earlier !== undefined && when(request, earlier === request.body)) {
        request.headers['idempotency-key'] = crypto.randomUUID();
      }
    },
  };
}

/** Adds an item to a list answer, one the query should have left out. */
function addToServices(matching: (request: ProxiedRequest) => boolean, extra: Record<string, unknown>): Fault {
  return {
    reply(request, reply) {
      if (request.path !== '/services' || !matching(request)) return;
      const list = JSON.parse(reply.body) as { items: Record<string, unknown>[] };
      list.items.push({ ...list.items[0], id: 'added-by-the-fault', ...extra });
      reply.body = JSON.stringify(list);
    },
  };
}

interface Case {
  fault: string;
  check: string;
  make: () => Fault;
  /** The resources whose checks run: the failing check's, and any its fault could touch. */
  only?: Resource[];
}

const cases: Case[] = [
  {
    fault: 'answers 200 instead of 201 to feedback',
    check: 'feedback.submit',
    make: () => ({
      reply(request, reply) {
        if (isFeedback(request) && reply.status === 201) reply.status = 200;
      },
    }),
  },
  {
    fault: 'answers a repeated key with a new signature',
    check: 'submissions.replay',
    make: () => forgetKeys((request, sameBody) => sameBody && isSignature(request)),
    only: ['submissions', 'petitions'],
  },
  {
    fault: 'records two concurrent feedbacks with one key',
    check: 'submissions.replay-concurrent',
    make: () => forgetKeys((request, sameBody) => sameBody && isFeedback(request)),
    only: ['submissions', 'feedback'],
  },
  {
    fault: 'accepts a used key with another body',
    check: 'submissions.idempotency-key-reused',
    make: () => forgetKeys((_request, sameBody) => !sameBody),
    only: ['submissions', 'feedback', 'petitions', 'polls'],
  },
  {
    fault: 'does not require Idempotency-Key',
    check: 'submissions.idempotency-key-required',
    make: () => ({
      request(request) {
        if (request.method === 'POST') request.headers['idempotency-key'] ??= crypto.randomUUID();
      },
    }),
  },
  {
    fault: 'accepts text/plain and form posts as JSON',
    check: 'submissions.json-only',
    make: () => ({
      request(request) {
        if (request.method === 'POST') request.headers['content-type'] = 'application/json';
      },
    }),
  },
  {
    fault: 'returns petitions without privacyNoticeUrl (a wrong shape)',
    check: 'petitions.item',
    make: () => ({
      reply(request, reply) {
        if (request.method !== 'GET' || !/^\/petitions\/[^/]+$/.test(request.path) || reply.status !== 200) return;
        const { privacyNoticeUrl: _, ...petition } = JSON.parse(reply.body);
        reply.body = JSON.stringify(petition);
      },
    }),
  },
  {
    fault: 'answers an unknown petition with an HTML page',
    check: 'petitions.not-found',
    make: () => ({
      reply(request, reply) {
        if (request.path.startsWith('/petitions/') && reply.status === 404) {
          reply.headers['content-type'] = 'text/html; charset=utf-8';
          reply.body = '<!doctype html><h1>Page not found</h1>';
        }
      },
    }),
  },
  {
    fault: 'counts the same email in capitals twice (no dedupe)',
    check: 'petitions.dedupe',
    make: () => ({
      request(request) {
        const body = isSignature(request) ? JSON.parse(request.body) : undefined;
        if (!body?.email?.includes('@')) return;
        // Case-sensitive addresses, but the same string still maps to the same one, so replays stay replays.
        body.email = `${Buffer.from(body.email).toString('hex').slice(0, 60)}@example.org`;
        request.body = JSON.stringify(body);
      },
    }),
    only: ['petitions', 'submissions'],
  },
  {
    fault: 'stores signatures that fill in the honeypot',
    check: 'petitions.honeypot',
    make: () => ({
      request(request) {
        if (!isSignature(request)) return;
        const { website: _, ...body } = JSON.parse(request.body);
        request.body = JSON.stringify(body);
      },
    }),
  },
  {
    fault: 'takes signatures on a closed petition',
    check: 'petitions.closed',
    make: () => acceptInstead('petition-closed'),
  },
  { fault: 'takes votes on a closed poll', check: 'polls.closed', make: () => acceptInstead('poll-closed') },
  { fault: 'counts a voter token twice', check: 'polls.vote-once', make: () => acceptInstead('already-voted') },
  {
    fault: 'shows results that are not public yet',
    check: 'polls.results',
    make: () => ({
      reply(_request, reply) {
        if (problemType(reply) === `${PROBLEM_TYPE}results-hidden`) answer(reply, 200, { pollId: 'x' });
      },
    }),
  },
  {
    fault: 'ignores the status filter of polls',
    check: 'polls.status-filter',
    make: () => ({
      request(request) {
        if (request.path === '/polls') request.query.delete('status');
      },
    }),
  },
  {
    fault: 'accepts page=0 on polls',
    check: 'polls.bad-query',
    make: () => ({
      request(request) {
        if (request.path === '/polls' && request.query.get('page') === '0') request.query.set('page', '1');
      },
    }),
  },
  {
    fault: 'ignores page on services',
    check: 'services.pagination',
    make: () => ({
      request(request) {
        if (request.path === '/services' && request.query.get('page') !== '0') request.query.delete('page');
      },
    }),
  },
  {
    fault: 'lists services farthest first',
    check: 'services.nearest-first',
    make: () => ({
      reply(request, reply) {
        if (request.path !== '/services' || !request.query.has('lat')) return;
        const list = JSON.parse(reply.body);
        list.items.reverse();
        reply.body = JSON.stringify(list);
      },
    }),
  },
  {
    fault: 'lists a closed service as open now',
    check: 'services.open-now',
    make: () =>
      addToServices((request) => request.query.get('openNow') === 'true', {
        hours: { timeZone: 'UTC', weekly: [] },
      }),
  },
  {
    fault: 'lists a service outside the category asked for',
    check: 'services.category',
    make: () => addToServices((request) => request.query.has('category'), { categories: ['not-this-one'] }),
  },
  {
    fault: 'lists a service that does not match the words asked for',
    check: 'services.text-search',
    make: () =>
      addToServices((request) => request.query.has('q'), {
        name: 'Unrelated',
        description: 'Unrelated',
        organization: 'Unrelated',
        categories: [],
      }),
  },
  {
    fault: 'refuses bad feedback without field paths',
    check: 'feedback.validation',
    make: () => ({
      reply(request, reply) {
        if (!isFeedback(request) || reply.status !== 422) return;
        const { errors: _, ...problem } = JSON.parse(reply.body);
        reply.body = JSON.stringify(problem);
      },
    }),
  },
  {
    fault: 'omits CORS headers from preflights',
    check: 'http.cors-preflight',
    make: () => ({
      reply(request, reply) {
        if (request.method !== 'OPTIONS') return;
        for (const name of Object.keys(reply.headers))
          if (name.startsWith('access-control-')) delete reply.headers[name];
      },
    }),
  },
  {
    fault: 'omits CORS headers from problems',
    check: 'http.cors-answers',
    make: () => ({
      reply(_request, reply) {
        if (reply.status >= 400) delete reply.headers['access-control-allow-origin'];
      },
    }),
  },
  {
    fault: 'lets shared caches keep answers',
    check: 'http.no-shared-cache',
    make: () => ({
      reply(_request, reply) {
        reply.headers['cache-control'] = 'public, max-age=300';
      },
    }),
  },
];

async function failingChecks(fault: Fault, only?: Resource[]): Promise<string[]> {
  const proxy = await startFaultProxy(server.url, fault);
  try {
    const report = await runConformance(proxy.url, { write: true, adminToken: server.adminToken, only });
    return report.results.filter((result) => result.status === 'fail').map((result) => result.id);
  } finally {
    await proxy.stop();
  }
}

test('through the proxy without a fault, every check passes', async () => {
  assert.deepEqual(await failingChecks({}), []);
});

describe('a broken backend fails the check that names the fault, and no other', () => {
  for (const { fault, check, make, only } of cases) {
    test(`${fault}: ${check}`, async () => {
      assert.deepEqual(await failingChecks(make(), only ?? [check.split('.')[0] as Resource]), [check]);
    });
  }
});
