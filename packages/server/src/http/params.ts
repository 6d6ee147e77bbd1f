import { Id } from '@civic-widgets/client/schemas';
import type { FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { notFound } from './problems.js';

/** The `:id` of a path. An id that the protocol's `Id` schema refuses cannot exist, so it is simply not found. */
export function pathId(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: unknown }).id;
  if (!z.safeParse(Id, id).success) throw notFound(what);
  return id as string;
}
