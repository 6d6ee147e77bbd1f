import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../http/problems.js';
import { confirmationPageStrings, escapeHtml, mailLocale, withTitle } from '../mail/confirmation.js';
import { proposalPageStrings } from '../mail/proposal-mail.js';
import { confirm, findByToken } from '../store/petitions.js';
import { confirmProposalToken, findProposalToken, type ProposalToken } from '../store/proposals.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The page's language: the one the mail was written in (its link carries `?lang=`), else the browser's.
 * The form posts back to the same address, so the answer page keeps it.
 */
function pageLocale(request: FastifyRequest) {
  const { lang } = request.query as { lang?: string };
  return mailLocale(lang ?? request.headers['accept-language']);
}

const pageLanguage = (request: FastifyRequest) => confirmationPageStrings(pageLocale(request));

/** A proposal's creator or sponsor sees their own words ("Confirm my petition", "Confirm my support"). */
const proposalLanguage = (request: FastifyRequest, found: ProposalToken) =>
  proposalPageStrings(found.kind, pageLocale(request));

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
 * Email confirmation of a signature, of a petition proposal by its creator, and of a proposal's sponsor. Opening the link (GET) only shows a page with a button; pressing it
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

  /** The page of a token: whose it is, in the words for them, and whether it is confirmed already. */
  async function lookUp(request: FastifyRequest) {
    const value = token(request.params);
    const signature = await findByToken(ctx.db, value);
    if (signature) return { ...signature, done: signature.status === 'counted', language: pageLanguage(request) };
    const proposal = await findProposalToken(ctx.db, value);
    if (proposal) return { ...proposal, done: proposal.confirmed, language: proposalLanguage(request, proposal) };
    throw notFound('Confirmation link');
  }

  app.get('/confirmations/:token', async (request, reply) => {
    const found = await lookUp(request);
    const { language } = found;
    const { strings } = language;
    if (found.done) {
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
    const { found, language } = await ctx.db.transaction().execute(async (trx) => {
      if (await findByToken(trx, value))
        return { found: await confirm(trx, value, ctx.now()), language: pageLanguage(request) };
      const proposal = await confirmProposalToken(trx, value, ctx.config.petitionSponsors, ctx.now());
      if (!proposal) throw notFound('Confirmation link');
      return { found: proposal, language: proposalLanguage(request, proposal) };
    });
    const { strings } = language;
    return page(
      reply,
      language,
      strings.confirmedTitle,
      `<h1>${escapeHtml(strings.thanks)}</h1><p>${escapeHtml(withTitle(strings.counted, found.title))}</p>`,
    );
  });
}
