import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CORS only stops a browser from reading an answer; a write from a page on another site may still reach us
 * (a preflight-free form, or a script on a site that is not on the list). Browsers name the page's origin on
 * every write, so a write whose `Origin` is neither ours nor on the list is refused before anything is stored.
 * Requests without `Origin` (servers, scripts, curl) are not browsers acting for a resident and pass.
 * Our own pages (the demo portal) are recognised by host alone: behind a TLS proxy we may see plain HTTP.
 */
export function requireAllowedOrigin(allowedOrigins: readonly string[]) {
  const anyOrigin = allowedOrigins.includes('*');
  return async (request: FastifyRequest) => {
    if (anyOrigin || SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (allowedOrigins.includes(origin) || hostOf(origin) === request.host) return;
    throw new HttpProblem(403, 'origin-not-allowed', 'This site may not send submissions here', {
      detail: 'Add the page’s origin to CIVIC_ALLOWED_ORIGINS on the server.',
    });
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (sandboxed or privacy-sensitive contexts) and garbage match nothing
  }
}
