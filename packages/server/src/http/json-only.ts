import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

/**
 * Submissions must be `application/json`. A cross-site HTML form can only send urlencoded, multipart or plain
 * text without a CORS preflight, so refusing everything else means no other site can post as a resident.
 */
export async function requireJson(request: FastifyRequest) {
  if (request.method !== 'POST' && request.method !== 'PUT' && request.method !== 'PATCH') return;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'unsupported-media-type', 'Send the body as application/json');
  }
}
