import type { Check } from '../check.js';
import type { Answer } from '../http.js';
import { describe, fail } from '../outcome.js';

const section = 'protocol-v1';

/** A header's comma-separated values, lower-cased. */
function values(answer: Answer, header: string): string[] {
  return (answer.headers.get(header) ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
}

function expectAllowedOrigin(answer: Answer, origin: string, what: string): void {
  const allowed = answer.headers.get('access-control-allow-origin');
  if (allowed !== origin && allowed !== '*') {
    fail(`Access-Control-Allow-Origin ${origin} (or *) on ${what}`, allowed ?? `none (${describe(answer)})`);
  }
}

export const httpChecks: Check[] = [
  {
    id: 'http.cors-preflight',
    title: 'A CORS preflight for a POST with Content-Type and Idempotency-Key is allowed',
    section,
    mode: 'read',
    resource: 'http',
    async run({ backend }) {
      const { origin } = backend.options;
      const answer = await backend.request('OPTIONS', '/feedback', {
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
      if (answer.status < 200 || answer.status > 299) fail('a 2xx answer to the preflight', describe(answer));
      expectAllowedOrigin(answer, origin, 'the preflight');
      const headers = values(answer, 'access-control-allow-headers');
      const missing = ['content-type', 'idempotency-key'].filter((h) => !headers.includes(h) && !headers.includes('*'));
      if (missing.length) fail(`Access-Control-Allow-Headers with ${missing.join(', ')}`, headers.join(', ') || 'none');
      const methods = values(answer, 'access-control-allow-methods');
      if (!methods.includes('post') && !methods.includes('*')) {
        fail('Access-Control-Allow-Methods with POST', methods.join(', ') || 'none');
      }
    },
  },
  {
    id: 'http.cors-answers',
    title: 'Answers and problems carry Access-Control-Allow-Origin for the page, and expose Retry-After',
    section,
    mode: 'read',
    resource: 'http',
    async run({ backend }) {
      const headers = { Origin: backend.options.origin };
      const list = await backend.request('GET', '/petitions', { headers });
      expectAllowedOrigin(list, backend.options.origin, 'GET /petitions');
      const missing = await backend.request('GET', `/petitions/conformance-missing-${crypto.randomUUID()}`, {
        headers,
      });
      expectAllowedOrigin(missing, backend.options.origin, 'a 404 problem');
      // The client waits as long as Retry-After says on 429 and 503: a browser shows it only when exposed.
      const exposed = values(list, 'access-control-expose-headers');
      if (!exposed.includes('retry-after') && !exposed.includes('*')) {
        fail('Access-Control-Expose-Headers with Retry-After', exposed.join(', ') || 'none');
      }
    },
  },
  {
    id: 'http.no-shared-cache',
    title: 'API answers forbid shared caches (Cache-Control: no-store, no-cache or private)',
    section: 'behaviour-a-backend-must-share',
    mode: 'read',
    resource: 'http',
    async run({ backend }) {
      for (const path of ['/petitions', '/polls', '/services', '/services/categories']) {
        const answer = await backend.get(path);
        const directives = values(answer, 'cache-control');
        if (!['no-store', 'no-cache', 'private'].some((d) => directives.includes(d))) {
          fail(`Cache-Control: no-store on GET ${path}`, answer.headers.get('cache-control') ?? 'none');
        }
      }
    },
  },
];
