import { randomUUID } from 'node:crypto';
import { FeedbackReceipt, FeedbackRequest } from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { parseOr422 } from '../http/validation.js';
import { storeFeedback } from '../store/feedback.js';

export async function feedbackRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/feedback', { config: { response: FeedbackReceipt } }, async (request, reply) => {
    const key = idempotencyKey(request);
    const body = parseOr422(FeedbackRequest, request.body, 'The feedback is not valid');
    if (body.website) return reply.code(201).send({ receiptId: randomUUID() });
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => ({ status: 201, body: await storeFeedback(trx, body, ctx.now()) }),
      ctx.now,
    );
    return reply.code(result.status).header('Idempotent-Replayed', String(result.replayed)).send(result.body);
  });
}
