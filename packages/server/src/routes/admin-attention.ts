// What needs attention first (issue 16), on the console's landing page: new comments this week, consultations
// opening or closing in the coming week, residents' proposals waiting for moderation (issue 17), and (for admins, who read the outbox) mail that failed. Counts and a
// few rows, each read through an index: the page opens fast whatever the size of the tables.
import type { FastifyInstance } from 'fastify';
import { allows } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { toPoll } from '../store/polls.js';

const WEEK = 7 * 24 * 60 * 60 * 1000;

export async function attentionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/attention', { config: { role: 'viewer' } }, async (request) => {
    const now = ctx.now();
    const weekAgo = new Date(now.getTime() - WEEK).toISOString();
    const weekAhead = new Date(now.getTime() + WEEK).toISOString();
    const comments = await ctx.db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('created_at', '>=', weekAgo)
      .where('comment', 'is not', null)
      .where('triage_status', 'is', null)
      .executeTakeFirstOrThrow();
    const polls = await ctx.db
      .selectFrom('polls')
      .selectAll()
      .where('status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb.and([eb('opens_at', '>', now.toISOString()), eb('opens_at', '<=', weekAhead)]),
          eb.and([eb('closes_at', '>', now.toISOString()), eb('closes_at', '<=', weekAhead)]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    // Every proposal in moderation waits on an officer, whatever its age: the queue is the count.
    const proposals = await ctx.db
      .selectFrom('petition_proposals')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'moderation')
      .executeTakeFirstOrThrow();
    const failedMail =
      request.actor && allows(request.actor.role, 'admin')
        ? Number(
            (
              await ctx.db
                .selectFrom('outbox')
                .select((eb) => eb.fn.countAll<number>().as('count'))
                .where('failed_at', 'is not', null)
                .where('sent_at', 'is', null)
                .executeTakeFirstOrThrow()
            ).count,
          )
        : undefined;
    return {
      newComments: Number(comments.count),
      proposals: Number(proposals.count),
      polls: polls.map((row) => {
        const { id, question, status, opensAt, closesAt } = toPoll(row, now);
        return { id, question, status, opensAt, closesAt };
      }),
      ...(failedMail === undefined ? {} : { failedMail }),
    };
  });
}
