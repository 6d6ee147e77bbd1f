// Signatures per day for the console's chart (issue 16): counted in the database, one row per day, never the
// signatures themselves.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { pathId } from '../http/params.js';
import { getPetition } from '../store/petitions.js';

export async function petitionDaysRoutes(app: FastifyInstance, ctx: AppContext) {
  // Counted signatures by the UTC day they were made (a confirmed one by the day it was signed, not confirmed).
  app.get('/petitions/:id/signatures-per-day', { config: { role: 'viewer' } }, async (request) => {
    const id = pathId(request, 'Petition');
    await getPetition(ctx.db, id);
    const day = sql<string>`substr(created_at, 1, 10)`;
    const rows = await ctx.db
      .selectFrom('signatures')
      .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('count')])
      .where('petition_id', '=', id)
      .where('status', '=', 'counted')
      .groupBy(day)
      .orderBy(day)
      .execute();
    return { days: rows.map((row) => ({ day: row.day, count: Number(row.count) })) };
  });
}
