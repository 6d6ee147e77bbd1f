import { randomUUID } from 'node:crypto';
import { Poll, PollList, PollListQuery, PollResults, VoteReceipt, VoteRequest } from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { pathId } from '../http/params.js';
import { HttpProblem } from '../http/problems.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { getPoll, listPolls, resultsVisible, tally, vote } from '../store/polls.js';

export async function pollRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/polls', { config: { response: PollList } }, async (request) => {
    const query = parseOr422(PollListQuery, coerceQuery(request.query, ['page', 'pageSize']), 'The query is not valid');
    return listPolls(ctx.db, query, ctx.now());
  });

  app.get('/polls/:id', { config: { response: Poll } }, async (request) =>
    getPoll(ctx.db, pathId(request, 'Poll'), ctx.now()),
  );

  app.get('/polls/:id/results', { config: { response: PollResults } }, async (request) => {
    const poll = await getPoll(ctx.db, pathId(request, 'Poll'), ctx.now());
    if (!resultsVisible(poll)) {
      throw new HttpProblem(403, 'results-hidden', 'Results are not public yet', {
        detail: poll.resultsVisibility === 'after_close' ? 'They are published when the poll closes.' : undefined,
      });
    }
    return tally(ctx.db, poll);
  });

  app.post('/polls/:id/votes', { config: { response: VoteReceipt } }, async (request, reply) => {
    const id = pathId(request, 'Poll');
    const key = idempotencyKey(request);
    const body = parseOr422(VoteRequest, request.body, 'The vote is not valid');
    if (body.website) {
      await getPoll(ctx.db, id, ctx.now());
      return reply.code(201).send({ receiptId: randomUUID() });
    }
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => ({ status: 201, body: await vote(trx, id, body, ctx.now()) }),
      ctx.now,
    );
    return reply.code(result.status).header('Idempotent-Replayed', String(result.replayed)).send(result.body);
  });
}
