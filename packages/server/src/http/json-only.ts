import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

/**
 * Submissions must be `application/json`. A cross-site HTML form can only send urlencoded, multipart or plain
 * text without a CORS preflight, so refusing everything else means no other site can post as a resident.
 */
export async function requireJson(request: FastifyRequest) {
  if (request.method !== 'POST' && request.method !== 'PUT' && request.method !== 'PATCH') return;
  // A request without any body (`POST /admin/polls/x/close`) has nothing to misread; the schemas refuse it
  // where a body is required.
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody && request.headers['content-type'] === undefined) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'unsupported-media-type', 'Send the body as application/json');
  }
}
