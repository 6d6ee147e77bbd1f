import { randomUUID } from 'node:crypto';
import {
  Petition,
  PetitionList,
  PetitionListQuery,
  SignatureReceipt,
  SignatureRequest,
} from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { fingerprint, idempotencyKey, once } from '../http/idempotency.js';
import { pathId } from '../http/params.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { confirmationMail, mailLocale } from '../mail/confirmation.js';
import { queueMail } from '../mail/outbox.js';
import { getPetition, listPetitions, publicPetition, sign } from '../store/petitions.js';

export async function petitionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/petitions', { config: { response: PetitionList } }, async (request) => {
    const query = parseOr422(
      PetitionListQuery,
      coerceQuery(request.query, ['page', 'pageSize']),
      'The query is not valid',
    );
    return listPetitions(ctx.db, query, ctx.now());
  });

  app.get('/petitions/:id', { config: { response: Petition } }, async (request) =>
    publicPetition(await getPetition(ctx.db, pathId(request, 'Petition')), ctx.now()),
  );

  app.post('/petitions/:id/signatures', { config: { response: SignatureReceipt } }, async (request, reply) => {
    const id = pathId(request, 'Petition');
    const key = idempotencyKey(request);
    const body = parseOr422(SignatureRequest, request.body, 'The signature is not valid');
    if (body.website) {
      // Honeypot: answered like a success so that the bot learns nothing, and stored nowhere.
      const petition = await getPetition(ctx.db, id);
      const status = petition.requiresConfirmation ? 'pending_confirmation' : 'counted';
      return reply.code(201).send({ receiptId: randomUUID(), status, signatureCount: petition.signatureCount });
    }
    let mailQueued = false;
    const result = await once(
      ctx.db,
      key,
      fingerprint(request),
      async (trx) => {
        const outcome = await sign(trx, id, body, ctx.now());
        if (outcome.confirmToken) {
          // In the signature's transaction: the mail exists exactly when the signature does.
          const petition = await getPetition(trx, id);
          const locale = mailLocale(request.headers['accept-language']);
          // The link carries the mail's language, so the page it opens speaks it too.
          const link = `${ctx.config.publicUrl}/api/v1/confirmations/${outcome.confirmToken}?lang=${locale}`;
          await queueMail(trx, confirmationMail(body.email, petition.title, link, locale), ctx.now());
          mailQueued = true;
        }
        return { status: 201, body: outcome.receipt };
      },
      ctx.now,
    );
    if (mailQueued) await ctx.deliverMail();
    return reply.code(result.status).header('Idempotent-Replayed', String(result.replayed)).send(result.body);
  });
}
