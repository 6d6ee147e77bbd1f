import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Checks `Authorization: Bearer <token>` in constant time (comparing digests, so the length leaks nothing).
 * Anonymous and wrong-token requests get the same bare 401: no hint, no data.
 */
export function adminGuard(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new HttpProblem(401, 'unauthorized', 'Unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
  };
}
