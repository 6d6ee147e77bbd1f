import type { FastifyInstance } from 'fastify';
import { sessionLimits } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { adminGuard } from '../http/admin-auth.js';
import { toCsv } from '../http/csv.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { pathId } from '../http/params.js';
import { HttpProblem, notFound } from '../http/problems.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { audit } from '../store/audit.js';
import { createPetition, getPetition, setResponse, updatePetition } from '../store/petitions.js';
import { createPoll, getPoll, updatePoll } from '../store/polls.js';
import { searchIndex } from '../store/service-search.js';
import { getService, upsertCategory, upsertService } from '../store/services.js';
import { attentionRoutes } from './admin-attention.js';
import { feedbackInboxRoutes } from './admin-feedback.js';
import { feedbackTrendRoutes } from './admin-feedback-trends.js';
import { mailRoutes } from './admin-mail.js';
import { petitionDaysRoutes } from './admin-petition-days.js';
import { pollConsoleRoutes } from './admin-polls.js';
import { proposalAdminRoutes } from './admin-proposals.js';
import {
  AuditQuery,
  CategoryInput,
  PetitionInput,
  PetitionPatch,
  PollInput,
  PollPatch,
  ResponseInput,
  ServiceInput,
} from './admin-schemas.js';
import { serviceConsoleRoutes } from './admin-services.js';
import { sendCsv } from './csv-reply.js';

/**
 * The admin API (docs/server.md): registered only when CIVIC_ADMIN_TOKEN is set, every route behind the bearer
 * token, every action (exports included: they read personal data) written to the audit log in the same
 * transaction as the change.
 */
export async function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addHook(
    'onRequest',
    adminGuard({ db: ctx.db, token: ctx.config.adminToken, sessions: sessionLimits(ctx.config), now: ctx.now }),
  );
  // A petition's text alone may be 20 000 characters: more than the residents' 16 KiB limit. A route may ask for
  // more (an HSDS import).
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= 256 * 1024;
    if (!route.config?.role) throw new Error(`Admin route ${route.method} ${route.url} declares no role`);
  });
  const now = ctx.now;
  proposalAdminRoutes(app, ctx);

  app.post('/petitions', { config: { role: 'editor' } }, async (request, reply) => {
    const key = idempotencyKey(request);
    const input = parseOr422(PetitionInput, request.body, 'The petition is not valid');
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const petition = await createPetition(trx, input, now());
        await audit(trx, request.actor, 'petition.create', `petition:${input.id}`, {}, now());
        return { status: 201, body: petition };
      },
      now,
    );
    return reply.code(result.status).send(result.body);
  });

  // Every petition with what the console needs to see what waits for the council: counts, thresholds, response.
  app.get('/petitions', { config: { role: 'viewer' } }, async () => {
    const rows = await ctx.db
      .selectFrom('petitions')
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return { items: await Promise.all(rows.map((row) => getPetition(ctx.db, row.id))) };
  });

  app.get('/petitions/:id', { config: { role: 'viewer' } }, async (request) =>
    getPetition(ctx.db, pathId(request, 'Petition')),
  );

  app.patch('/petitions/:id', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Petition');
    const input = parseOr422(PetitionPatch, request.body, 'The petition is not valid');
    return ctx.db.transaction().execute(async (trx) => {
      const petition = await updatePetition(trx, id, input, now());
      await audit(trx, request.actor, 'petition.update', `petition:${id}`, { fields: Object.keys(input) }, now());
      return petition;
    });
  });

  app.put('/petitions/:id/response', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Petition');
    const input = parseOr422(ResponseInput, request.body, 'The response is not valid');
    return ctx.db.transaction().execute(async (trx) => {
      const petition = await setResponse(
        trx,
        id,
        { ...input, respondedAt: input.respondedAt ?? now().toISOString() },
        now(),
      );
      await audit(trx, request.actor, 'petition.respond', `petition:${id}`, {}, now());
      return petition;
    });
  });

  app.get('/petitions/:id/signatures.csv', { config: { role: 'editor' } }, async (request, reply) => {
    const id = pathId(request, 'Petition');
    await getPetition(ctx.db, id);
    const rows = await ctx.db
      .selectFrom('signatures')
      .select(['id', 'created_at', 'status', 'name', 'email', 'postcode', 'country', 'show_name', 'confirmed_at'])
      .where('petition_id', '=', id)
      .orderBy('created_at')
      .execute();
    await audit(ctx.db, request.actor, 'petition.export', `petition:${id}`, { rows: rows.length }, now());
    const csv = toCsv(
      ['receipt_id', 'signed_at', 'status', 'name', 'email', 'postcode', 'country', 'show_name', 'confirmed_at'],
      rows.map((r) => [
        r.id,
        r.created_at,
        r.status,
        r.name,
        r.email,
        r.postcode,
        r.country,
        r.show_name === 1,
        r.confirmed_at,
      ]),
    );
    return sendCsv(reply, `signatures-${id}.csv`, csv);
  });

  app.post('/polls', { config: { role: 'editor' } }, async (request, reply) => {
    const key = idempotencyKey(request);
    const input = parseOr422(PollInput, request.body, 'The poll is not valid');
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const poll = await createPoll(trx, input, now());
        await audit(trx, request.actor, 'poll.create', `poll:${input.id}`, {}, now());
        return { status: 201, body: poll };
      },
      now,
    );
    return reply.code(result.status).send(result.body);
  });

  app.patch('/polls/:id', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Poll');
    const input = parseOr422(PollPatch, request.body, 'The poll is not valid');
    return ctx.db.transaction().execute(async (trx) => {
      const poll = await updatePoll(trx, id, input, now());
      await audit(trx, request.actor, 'poll.update', `poll:${id}`, { fields: Object.keys(input) }, now());
      return poll;
    });
  });

  // Closing is a POST like the other actions; it needs no Idempotency-Key because closing twice changes nothing.
  app.post('/polls/:id/close', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Poll');
    return ctx.db.transaction().execute(async (trx) => {
      const poll = await updatePoll(trx, id, { status: 'closed' }, now());
      await audit(trx, request.actor, 'poll.close', `poll:${id}`, {}, now());
      return poll;
    });
  });

  app.get('/polls/:id/votes.csv', { config: { role: 'editor' } }, async (request, reply) => {
    const id = pathId(request, 'Poll');
    await getPoll(ctx.db, id, now());
    const rows = await ctx.db
      .selectFrom('vote_choices')
      .innerJoin('votes', 'votes.id', 'vote_choices.vote_id')
      .select(['votes.id', 'votes.created_at', 'vote_choices.option_id', 'vote_choices.rank'])
      .where('votes.poll_id', '=', id)
      .orderBy('votes.created_at')
      .orderBy('votes.id')
      .orderBy('vote_choices.rank')
      .execute();
    await audit(ctx.db, request.actor, 'poll.export', `poll:${id}`, { rows: rows.length }, now());
    // One line per chosen option; voter tokens are not exported (they identify a browser).
    const csv = toCsv(
      ['receipt_id', 'voted_at', 'option_id', 'rank'],
      rows.map((r) => [r.id, r.created_at, r.option_id, r.rank + 1]),
    );
    return sendCsv(reply, `votes-${id}.csv`, csv);
  });

  await feedbackInboxRoutes(app, ctx);
  await pollConsoleRoutes(app, ctx);
  await mailRoutes(app, ctx);
  await attentionRoutes(app, ctx);
  await petitionDaysRoutes(app, ctx);
  await feedbackTrendRoutes(app, ctx);
  await serviceConsoleRoutes(app, ctx);

  app.put('/services/:id', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Service');
    const input = parseOr422(ServiceInput, request.body, 'The service is not valid');
    if (input.id !== id) {
      throw new HttpProblem(422, 'validation', 'The service is not valid', {
        errors: [{ path: 'id', message: 'Must match the id in the path', code: 'mismatch' }],
      });
    }
    return ctx.db.transaction().execute(async (trx) => {
      const existed = await getService(trx, id);
      await upsertService(trx, input, now());
      await audit(trx, request.actor, existed ? 'service.update' : 'service.create', `service:${id}`, {}, now());
      return getService(trx, id);
    });
  });

  app.delete('/services/:id', { config: { role: 'editor' } }, async (request, reply) => {
    const id = pathId(request, 'Service');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await getService(trx, id))) throw notFound('Service');
      await searchIndex(trx).remove(trx, id);
      await trx.deleteFrom('service_categories').where('service_id', '=', id).execute();
      await trx.deleteFrom('services').where('id', '=', id).execute();
      await audit(trx, request.actor, 'service.delete', `service:${id}`, {}, now());
    });
    return reply.code(204).send();
  });

  app.put('/categories/:id', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Category');
    const { label } = parseOr422(CategoryInput, request.body, 'The category is not valid');
    await ctx.db.transaction().execute(async (trx) => {
      await upsertCategory(trx, { id, label });
      await audit(trx, request.actor, 'category.put', `category:${id}`, {}, now());
    });
    return { id, label };
  });

  // Newest first, `limit` at a time (100 unless asked); a full page may have older entries `before` its last id.
  app.get('/audit', { config: { role: 'admin' } }, async (request) => {
    const query = parseOr422(AuditQuery, coerceQuery(request.query, ['before', 'limit']), 'The filter is not valid');
    let entries = ctx.db.selectFrom('audit_log').selectAll();
    if (query.actor) entries = entries.where('actor', '=', query.actor.trim().toLowerCase());
    // The schema allows no LIKE wildcard (% or _) in an action.
    const action = query.action;
    if (action) {
      entries = entries.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
    }
    if (query.before) entries = entries.where('id', '<', query.before);
    const rows = await entries
      .orderBy('id', 'desc')
      .limit(query.limit ?? 100)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details),
    }));
  });
}
