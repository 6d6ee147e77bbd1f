import { randomUUID } from 'node:crypto';
import { petitionStatus } from '@civic-widgets/client/domain';
import {
  PetitionProposalRequest,
  Proposal,
  ProposalReceipt,
  SimilarPetitions,
  SimilarQuery,
  SponsorReceipt,
  SponsorRequest,
} from '@civic-widgets/client/proposals';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { pathId } from '../http/params.js';
import { parseOr422 } from '../http/validation.js';
import { mailLocale } from '../mail/confirmation.js';
import { queueMail } from '../mail/outbox.js';
import { creatorConfirmationMail, sponsorConfirmationMail } from '../mail/proposal-mail.js';
import { matchingPetitions } from '../store/petition-search.js';
import { addSponsor, createProposal, getProposal, publicProposal } from '../store/proposals.js';
import { signatureCount, toCount } from '../store/signature-tally.js';

const SIMILAR_LIMIT = 5;

/**
 * Residents start petitions (docs/protocol.md, "Petition proposals"): a proposal, its creator's confirmation by
 * mail, sponsors who each confirm by mail, and the open petitions offered before a new one is started.
 */
export async function proposalRoutes(app: FastifyInstance, ctx: AppContext) {
  const needed = ctx.config.petitionSponsors;
  /** The link of a confirmation mail, in the mail's language so that the page it opens speaks it too. */
  const confirmationLink = (token: string, locale: string) =>
    `${ctx.config.publicUrl}/api/v1/confirmations/${token}?lang=${locale}`;
  /** The creator's language: the one the widget sent, else the browser's. */
  const localeOf = (request: FastifyRequest, body: { locale?: string }) =>
    mailLocale(body.locale ?? request.headers['accept-language']);

  app.get('/petitions/similar', { config: { response: SimilarPetitions } }, async (request) => {
    const q = parseOr422(SimilarQuery, (request.query as { q?: unknown }).q, 'The query is not valid');
    const ids = await matchingPetitions(ctx.db, q, 20);
    if (ids.length === 0) return { data: [] };
    const rows = await ctx.db
      .selectFrom('petitions')
      .select(['id', 'title', 'status', 'closes_at'])
      .select(signatureCount)
      .where('id', 'in', ids)
      .execute();
    const open = rows.filter(
      (row) => petitionStatus({ status: row.status, closesAt: row.closes_at }, ctx.now().getTime()) === 'open',
    );
    // Best match first, as the search ranked them.
    open.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    return {
      data: open.slice(0, SIMILAR_LIMIT).map((row) => ({
        id: row.id,
        title: row.title,
        signatureCount: toCount(row.signature_count),
        url: ctx.config.petitionPageUrl?.replace('{id}', encodeURIComponent(row.id)),
      })),
    };
  });

  app.post('/petition-proposals', { config: { response: ProposalReceipt } }, async (request, reply) => {
    const key = idempotencyKey(request);
    const body = parseOr422(PetitionProposalRequest, request.body, 'The petition is not valid');
    if (body.website) {
      // Honeypot: answered like a success so that the bot learns nothing, and stored nowhere.
      return reply.code(201).send({ id: randomUUID(), status: 'unconfirmed', sponsorsNeeded: needed });
    }
    const locale = localeOf(request, body);
    let mailQueued = false;
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const { id, token } = await createProposal(trx, body, locale, ctx.now());
        // In the proposal's transaction: the mail exists exactly when the proposal does.
        const mail = creatorConfirmationMail(body.email, body.title.trim(), confirmationLink(token, locale), locale);
        await queueMail(trx, mail, ctx.now());
        mailQueued = true;
        return { status: 201, body: { id, status: 'unconfirmed', sponsorsNeeded: needed } };
      },
      ctx.now,
    );
    if (mailQueued) await ctx.deliverMail();
    return reply.code(result.status).header('Idempotent-Replayed', String(result.replayed)).send(result.body);
  });

  app.get('/petition-proposals/:id', { config: { response: Proposal } }, async (request) =>
    publicProposal(ctx.db, await getProposal(ctx.db, pathId(request, 'Proposal')), needed),
  );

  app.post('/petition-proposals/:id/sponsors', { config: { response: SponsorReceipt } }, async (request, reply) => {
    const id = pathId(request, 'Proposal');
    const key = idempotencyKey(request);
    const body = parseOr422(SponsorRequest, request.body, 'The support is not valid');
    if (body.website) {
      await getProposal(ctx.db, id);
      return reply.code(201).send({ status: 'unconfirmed' });
    }
    const locale = mailLocale(request.headers['accept-language']);
    let mailQueued = false;
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const { proposal, token } = await addSponsor(trx, id, body, ctx.now());
        if (token) {
          const mail = sponsorConfirmationMail(body.email, proposal.title, confirmationLink(token, locale), locale);
          await queueMail(trx, mail, ctx.now());
          mailQueued = true;
        }
        return { status: 201, body: { status: 'unconfirmed' } };
      },
      ctx.now,
    );
    if (mailQueued) await ctx.deliverMail();
    return reply.code(result.status).header('Idempotent-Replayed', String(result.replayed)).send(result.body);
  });
}
