// The mail outbox as administrators see it (issue 16): mail the relay refused for good, and mail still waiting
// (with its retries), which is what to look into when a resident says no confirmation arrived; and sending a
// refused mail again once its cause is mended (a mailbox restored, the relay's rule changed). Addresses are
// masked everywhere; the reason is the relay's own answer.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { pathId } from '../http/params.js';
import { HttpProblem, notFound } from '../http/problems.js';
import { maskAddress } from '../mail/transport.js';
import { audit } from '../store/audit.js';

export async function mailRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/outbox', { config: { role: 'admin' } }, async (request) => {
    const status = (request.query as { status?: string }).status ?? 'failed';
    if (status !== 'failed' && status !== 'queued') {
      throw new HttpProblem(422, 'validation', 'status must be "failed" or "queued"');
    }
    const rows = await ctx.db
      .selectFrom('outbox')
      .select(['id', 'to_address', 'subject', 'created_at', 'attempts', 'next_attempt_at', 'failed_at', 'failure'])
      .where('failed_at', status === 'failed' ? 'is not' : 'is', null)
      .where('sent_at', 'is', null)
      .orderBy('created_at')
      .limit(500)
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        to: maskAddress(row.to_address),
        subject: row.subject,
        createdAt: row.created_at,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        failedAt: row.failed_at,
        failure: row.failure,
      })),
    };
  });

  // Puts a failed mail back in the queue as if new (its attempts and backoff start again) and runs a delivery.
  // Only failed mail: mail still queued is retried on its own, and sent mail is never sent twice.
  app.post('/outbox/:id/retry', { config: { role: 'admin' } }, async (request) => {
    const id = pathId(request, 'Mail');
    const now = ctx.now();
    const requeued = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['failed_at', 'sent_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('Mail');
      if (!row.failed_at || row.sent_at) return false;
      await trx
        .updateTable('outbox')
        .set({ failed_at: null, failure: null, attempts: 0, next_attempt_at: null, claimed_until: null })
        .where('id', '=', id)
        .execute();
      await audit(trx, request.actor, 'mail.retry', `mail:${id}`, {}, now);
      return true;
    });
    if (!requeued) throw new HttpProblem(409, 'not-failed', 'This mail has not failed: it is sent or still queued');
    await ctx.deliverMail();
    return { id, queued: true };
  });
}
