// The console's feedback inbox (issue 16): every resident's rating and comment, newest first, a page at a time;
// an officer marks one read, or actioned with a note (audited); the CSV holds what the filter shows.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { toCsv } from '../http/csv.js';
import { pathId } from '../http/params.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { audit } from '../store/audit.js';
import { inboxPage, inboxRows, triage } from '../store/feedback-inbox.js';
import { FeedbackInboxQuery, FeedbackTriage } from './admin-schemas.js';
import { sendCsv } from './csv-reply.js';

const inboxQuery = (query: unknown) =>
  parseOr422(FeedbackInboxQuery, coerceQuery(query, ['limit'], ['withComment']), 'The filter is not valid');

export async function feedbackInboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const now = ctx.now;

  app.get('/feedback', { config: { role: 'viewer' } }, async (request) => inboxPage(ctx.db, inboxQuery(request.query)));

  app.put('/feedback/:id/triage', { config: { role: 'editor' } }, async (request) => {
    const id = pathId(request, 'Feedback');
    const input = parseOr422(FeedbackTriage, request.body, 'The mark is not valid');
    await ctx.db.transaction().execute(async (trx) => {
      await triage(trx, id, input, request.actor?.email ?? null, now());
      // The note is the council's text, but it may quote the resident: the log keeps only what was done.
      await audit(trx, request.actor, `feedback.${input.status}`, `feedback:${id}`, {}, now());
    });
    return { id, status: input.status, note: input.note ?? null };
  });

  // Exports read personal data (a comment may hold a name or an address): editors only, audited with the filter.
  app.get('/feedback.csv', { config: { role: 'editor' } }, async (request, reply) => {
    const filter = inboxQuery(request.query);
    const lines: unknown[][] = [];
    for await (const r of inboxRows(ctx.db, filter)) {
      lines.push([
        r.id,
        r.created_at,
        r.topic,
        r.rating_scale,
        r.rating_value,
        r.comment,
        r.reasons ? (JSON.parse(r.reasons) as string[]).join('; ') : null,
        // As stored: JSON keeps answers that hold commas, semicolons or several values apart.
        r.fields,
        r.page_url,
        r.locale,
        r.triage_status ?? 'new',
        r.triage_note,
      ]);
    }
    const { after: _, limit: __, ...shown } = filter;
    await audit(ctx.db, request.actor, 'feedback.export', 'feedback', { rows: lines.length, filter: shown }, now());
    const header = ['receipt_id', 'created_at', 'topic', 'scale', 'rating', 'comment', 'reasons', 'fields'];
    return sendCsv(reply, 'feedback.csv', toCsv([...header, 'page_url', 'locale', 'status', 'note'], lines));
  });
}
