import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../http/problems.js';
import { confirm, findByToken } from '../store/petitions.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(reply: FastifyReply, title: string, content: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head><body>${content}</body></html>`,
    );
}

/**
 * Email confirmation of a signature. Opening the link (GET) only shows a page with a button; pressing it
 * (a POST from that page) confirms. Mail scanners that pre-fetch links therefore confirm nothing.
 * These two routes sit outside the JSON-only rule and the Idempotency-Key rule: they serve a plain HTML form,
 * and confirming twice changes nothing.
 */
export async function confirmationRoutes(app: FastifyInstance, ctx: AppContext) {
  // The page's form posts urlencoded with an empty body; nothing in it is read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, _body, done) => done(null, {}),
  );

  const token = (params: unknown) => {
    const value = (params as { token?: string }).token ?? '';
    if (!TOKEN.test(value)) throw notFound('Confirmation link');
    return value;
  };

  app.get('/confirmations/:token', async (request, reply) => {
    const found = await findByToken(ctx.db, token(request.params));
    if (!found) throw notFound('Confirmation link');
    const title = escapeHtml(found.title);
    if (found.status === 'counted') {
      return page(
        reply,
        'Signature confirmed',
        `<h1>Thank you</h1><p>Your signature on “${title}” is already counted.</p>`,
      );
    }
    return page(
      reply,
      'Confirm your signature',
      `<h1>Confirm your signature</h1><p>You are signing “${title}”.</p><form method="post"><button type="submit">Confirm my signature</button></form>`,
    );
  });

  app.post('/confirmations/:token', async (request, reply) => {
    const value = token(request.params);
    const found = await ctx.db.transaction().execute((trx) => confirm(trx, value, ctx.now()));
    return page(
      reply,
      'Signature confirmed',
      `<h1>Thank you</h1><p>Your signature on “${escapeHtml(found.title)}” is counted.</p>`,
    );
  });
}
