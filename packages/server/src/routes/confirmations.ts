import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../http/problems.js';
import { confirmationPageStrings, escapeHtml, mailLocale, withTitle } from '../mail/confirmation.js';
import { confirm, findByToken } from '../store/petitions.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The page's language: the one the mail was written in (its link carries `?lang=`), else the browser's.
 * The form posts back to the same address, so the answer page keeps it.
 */
function pageLanguage(request: FastifyRequest) {
  const { lang } = request.query as { lang?: string };
  return confirmationPageStrings(mailLocale(lang ?? request.headers['accept-language']));
}

function page(reply: FastifyReply, { lang, dir }: { lang: string; dir: string }, title: string, content: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head><body>${content}</body></html>`,
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
    const language = pageLanguage(request);
    const { strings } = language;
    if (found.status === 'counted') {
      return page(
        reply,
        language,
        strings.confirmedTitle,
        `<h1>${escapeHtml(strings.thanks)}</h1><p>${escapeHtml(withTitle(strings.alreadyCounted, found.title))}</p>`,
      );
    }
    return page(
      reply,
      language,
      strings.confirmTitle,
      `<h1>${escapeHtml(strings.confirmTitle)}</h1><p>${escapeHtml(withTitle(strings.signing, found.title))}</p><form method="post"><button type="submit">${escapeHtml(strings.button)}</button></form>`,
    );
  });

  app.post('/confirmations/:token', async (request, reply) => {
    const value = token(request.params);
    const found = await ctx.db.transaction().execute((trx) => confirm(trx, value, ctx.now()));
    const language = pageLanguage(request);
    const { strings } = language;
    return page(
      reply,
      language,
      strings.confirmedTitle,
      `<h1>${escapeHtml(strings.thanks)}</h1><p>${escapeHtml(withTitle(strings.counted, found.title))}</p>`,
    );
  });
}
