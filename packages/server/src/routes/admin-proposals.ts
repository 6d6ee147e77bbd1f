import type { RejectionReason } from '@civic-widgets/client/proposals';
import { ProposalStatus } from '@civic-widgets/client/proposals';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { pathId } from '../http/params.js';
import { parseOr422 } from '../http/validation.js';
import { queueMail } from '../mail/outbox.js';
import { outcomeMail } from '../mail/proposal-mail.js';
import { audit } from '../store/audit.js';
import { createPetition, findPetition } from '../store/petitions.js';
import { awaitingDecision, getProposal, moderationView, type ProposalRow } from '../store/proposals.js';
import { PublishInput, RejectInput } from './admin-schemas.js';

/** A petition id from a proposal's title: its words in lower case joined by hyphens, made unique if taken. */
async function petitionIdFor(db: Parameters<typeof findPetition>[0], row: ProposalRow): Promise<string> {
  const slug = row.title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  if (slug && !(await findPetition(db, slug))) return slug;
  return `${slug || 'petition'}-${row.id.slice(0, 8)}`;
}

/**
 * Moderation of residents' proposals (issue 17), inside the admin API's scope (its guard and role check): the
 * queue, publishing (which creates the open petition) and rejecting with a standard reason. Each decision is
 * audited and mailed to the creator in the transaction that makes it.
 */
export function proposalAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const now = ctx.now;

  app.get('/petition-proposals', { config: { role: 'viewer' } }, async (request) => {
    const query = request.query as { status?: unknown };
    const status = parseOr422(z.optional(ProposalStatus), query.status, 'status is not a proposal status');
    const rows = await ctx.db
      .selectFrom('petition_proposals')
      .selectAll()
      .where('status', '=', status ?? 'moderation')
      .orderBy('created_at')
      .orderBy('id')
      .limit(500)
      .execute();
    return { items: await Promise.all(rows.map((row) => moderationView(ctx.db, row))) };
  });

  app.post('/petition-proposals/:id/publish', { config: { role: 'editor' } }, async (request, reply) => {
    const id = pathId(request, 'Proposal');
    const key = idempotencyKey(request);
    const input = parseOr422(PublishInput, request.body, 'The publication is not valid');
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const row = await awaitingDecision(trx, id);
        const petitionId = input.petitionId ?? (await petitionIdFor(trx, row));
        await createPetition(
          trx,
          {
            id: petitionId,
            title: row.title,
            summary: row.background,
            body: row.details ?? undefined,
            status: 'open',
            closesAt: input.closesAt,
            thresholds: input.thresholds ?? [],
            signerFields: input.signerFields ?? ['postcode'],
            allowPublicName: input.allowPublicName ?? false,
            privacyNoticeUrl: input.privacyNoticeUrl,
            requiresConfirmation: input.requiresConfirmation ?? false,
          },
          now(),
        );
        await trx
          .updateTable('petition_proposals')
          .set({ status: 'published', petition_id: petitionId, decided_at: now().toISOString() })
          .where('id', '=', id)
          .execute();
        await audit(trx, request.actor, 'proposal.publish', `proposal:${id}`, { petitionId }, now());
        await queueMail(trx, outcomeMail(row.email, row.title, { published: true }, row.locale), now());
        return { status: 200, body: await moderationView(trx, await getProposal(trx, id)) };
      },
      now,
    );
    await ctx.deliverMail();
    return reply.code(result.status).send(result.body);
  });

  app.post('/petition-proposals/:id/reject', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Proposal');
    const input = parseOr422(RejectInput, request.body, 'The rejection is not valid');
    const reason: RejectionReason = input.reason;
    const note = input.note?.trim() || undefined;
    const view = await ctx.db.transaction().execute(async (trx) => {
      const row = await awaitingDecision(trx, id);
      await trx
        .updateTable('petition_proposals')
        .set({
          status: 'rejected',
          rejection_reason: reason,
          rejection_note: note ?? null,
          decided_at: now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      // The reason is the audit's; the note may name people, so the log says only whether there was one.
      await audit(trx, request.actor, 'proposal.reject', `proposal:${id}`, { reason, note: Boolean(note) }, now());
      await queueMail(trx, outcomeMail(row.email, row.title, { published: false, reason, note }, row.locale), now());
      return moderationView(trx, await getProposal(trx, id));
    });
    await ctx.deliverMail();
    return view;
  });
}
