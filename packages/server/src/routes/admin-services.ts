// The console's services page (issue 16): finding services a page at a time, the categories with their counts,
// adding a category, and importing an HSDS 3.0 file through the same import code as the command line. Editing
// and renaming are `PUT /services/:id` and `PUT /categories/:id` in admin.ts, shared with scripts.
import { Id } from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { importHsds } from '../hsds/import.js';
import { HttpProblem } from '../http/problems.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { audit } from '../store/audit.js';
import { listCategories, searchServices, upsertCategory } from '../store/services.js';
import { CategoryInput } from './admin-schemas.js';

/** An HSDS file a council exports is a few hundred kilobytes per thousand services: 5 MiB is ample, not unbounded. */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

const ServiceSearch = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  category: z.optional(Id),
  page: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(100))),
});

const NewCategory = z.extend(CategoryInput, { id: Id });

const ImportQuery = z.object({ dryRun: z.optional(z.boolean()) });

export async function serviceConsoleRoutes(app: FastifyInstance, ctx: AppContext) {
  const now = ctx.now;

  // By name (or best match first for a text search), `pageSize` at a time with the total; the search index and
  // a window count answer it, so no table is read whole.
  app.get('/services', { config: { role: 'viewer' } }, async (request) => {
    const raw = coerceQuery(request.query, ['page', 'pageSize'], []);
    const query = parseOr422(ServiceSearch, raw, 'The search is not valid');
    return searchServices(ctx.db, { ...query, q: query.q?.trim() || undefined }, now());
  });

  app.get('/categories', { config: { role: 'viewer' } }, async () => ({ items: await listCategories(ctx.db) }));

  // Adding refuses an id in use, so that a new category never renames another by mistake (renaming is a PUT).
  app.post('/categories', { config: { role: 'editor' } }, async (request, reply) => {
    const input = parseOr422(NewCategory, request.body, 'The category is not valid');
    await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('categories').select('id').where('id', '=', input.id).executeTakeFirst();
      if (taken) throw new HttpProblem(409, 'exists', 'A category with this id exists');
      await upsertCategory(trx, input);
      await audit(trx, request.actor, 'category.create', `category:${input.id}`, {}, now());
    });
    return reply.code(201).send({ id: input.id, label: input.label, count: 0 });
  });

  // The body is the HSDS document itself. `?dryRun=true` checks it and writes nothing; otherwise every accepted
  // service and one audit entry (counts only: the file may name people) are written in one transaction.
  app.post('/services/import', { config: { role: 'editor' }, bodyLimit: IMPORT_LIMIT_BYTES }, async (request) => {
    const { dryRun } = parseOr422(ImportQuery, coerceQuery(request.query, [], ['dryRun']), 'The import is not valid');
    const report = await importHsds(ctx.db, request.body, {
      dryRun,
      now: now(),
      alsoWrite: (trx, written) =>
        audit(
          trx,
          request.actor,
          'service.import',
          'services',
          { imported: written.imported, skipped: written.skipped.length },
          now(),
        ),
    });
    return { dryRun: Boolean(dryRun), ...report };
  });
}
