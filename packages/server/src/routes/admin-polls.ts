// The console's consultations (issue 16): every poll with its status and number of votes, a page at a time, and
// each poll's results as the widget counts them, whatever the results policy (officers see them all along).
// Creating and closing are in admin.ts, shared with scripts.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { pathId } from '../http/params.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { getPoll, tally, toPoll } from '../store/polls.js';

const PollPageQuery = z.object({
  page: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(100))),
});

export async function pollConsoleRoutes(app: FastifyInstance, ctx: AppContext) {
  const now = ctx.now;

  app.get('/polls', { config: { role: 'viewer' } }, async (request) => {
    const query = parseOr422(PollPageQuery, coerceQuery(request.query, ['page', 'pageSize']), 'The page is not valid');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await ctx.db
      .selectFrom('polls')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize)
      .execute();
    const shown = rows.slice(0, pageSize);
    // Counted for this page's polls only, through the votes' (poll_id, voter_token) index.
    const counts = shown.length
      ? await ctx.db
          .selectFrom('votes')
          .select((eb) => ['poll_id', eb.fn.countAll<number>().as('votes')])
          .where(
            'poll_id',
            'in',
            shown.map((row) => row.id),
          )
          .groupBy('poll_id')
          .execute()
      : [];
    const votes = new Map(counts.map((row) => [row.poll_id, Number(row.votes)]));
    return {
      items: shown.map((row) => ({ ...toPoll(row, now()), totalVotes: votes.get(row.id) ?? 0 })),
      page,
      next: rows.length > pageSize ? page + 1 : null,
    };
  });

  app.get('/polls/:id/results', { config: { role: 'viewer' } }, async (request) =>
    tally(ctx.db, await getPoll(ctx.db, pathId(request, 'Poll'), now())),
  );
}
