import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { fieldErrors } from './validation.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The protocol schema of the route's successful response, checked when `validateResponses` is on. */
    response?: z.core.$ZodType;
  }
}

/**
 * Checks every successful response against the schema its route declares (`{config: {response: Petition}}`)
 * before it is sent. A mismatch is a server bug: it becomes a 500 and a log line naming the fields, rather than
 * data a widget would refuse. On in tests and development (`CIVIC_VALIDATE_RESPONSES`).
 */
export function checkResponses(app: FastifyInstance) {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const schema = request.routeOptions.config.response;
    if (!schema || reply.statusCode >= 300) return payload;
    const result = z.safeParse(schema, payload);
    if (!result.success) {
      throw new Error(
        `${request.routeOptions.url} answered outside the protocol: ${JSON.stringify(fieldErrors(result.error))}`,
      );
    }
    return payload;
  });
}
