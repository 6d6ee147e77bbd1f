// Feedback trends for the console's charts (issue 16): for one topic or page, by ISO week, how many answered,
// the share of "yes", the average stars, CSAT and NPS, each with the number of answers it rests on.
import { Id } from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { feedbackTrends } from '../store/feedback-trends.js';

const TrendQuery = z.object({
  topic: z.optional(Id),
  /** A page's address as feedback stores it (origin and path). */
  page: z.optional(z.url().check(z.maxLength(2000))),
  /** How many weeks, the current one last: 26 unless asked, two years at most. */
  weeks: z._default(z.int().check(z.gte(1), z.lte(104)), 26),
});

export async function feedbackTrendRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/feedback/trends', { config: { role: 'viewer' } }, async (request) => {
    const filter = parseOr422(TrendQuery, coerceQuery(request.query, ['weeks'], []), 'The filter is not valid');
    return { weeks: await feedbackTrends(ctx.db, filter, ctx.now()) };
  });
}
