import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { DEMO_OFFICER, resetDemoOfficer } from './auth/demo-account.js';
import { type Config, defaultConfig } from './config.js';
import type { AppContext } from './context.js';
import { openStore, type Store } from './db/database.js';
import { exclusively } from './db/locks.js';
import { sharedSecret } from './db/secrets.js';
import { clientKeyer } from './http/client-key.js';
import { requireJson } from './http/json-only.js';
import { requireAllowedOrigin } from './http/origin.js';
import { HttpProblem, sendProblem } from './http/problems.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { checkResponses } from './http/response-check.js';
import { storageUnavailable } from './http/storage-errors.js';
import { mailDelivery } from './mail/outbox.js';
import { smtpTransport } from './mail/smtp.js';
import { logTransport, type MailTransport } from './mail/transport.js';
import { adminRoutes } from './routes/admin.js';
import { oidcRoutes } from './routes/admin-oidc.js';
import { sessionRoutes, signInRoutes } from './routes/admin-session.js';
import { confirmationRoutes } from './routes/confirmations.js';
import { healthRoutes } from './routes/health.js';
import { feedbackRoutes } from './routes/public-feedback.js';
import { petitionRoutes } from './routes/public-petitions.js';
import { pollRoutes } from './routes/public-polls.js';
import { proposalRoutes } from './routes/public-proposals.js';
import { serviceRoutes } from './routes/public-services.js';
import { seedDemo } from './seed/demo.js';
import { applyRetention } from './store/retention.js';

export interface ServerOptions extends Partial<Config> {
  /** An open store to use instead of opening `dbFile` (the server then does not close it). */
  store?: Store;
  /** Clock, for tests of poll windows and opening hours. */
  now?: () => Date;
  /** How mail leaves; default: SMTP when `smtpUrl` and `mailFrom` are set, else the log. */
  mail?: MailTransport;
  /** The wait after a relay's first temporary refusal, doubled each time (default 30 s; short in tests). */
  mailRetryBaseMs?: number;
  /** How often queued mail is looked for, besides after each commit that queues some (default 5 s). */
  mailPollMs?: number;
  /** `false` silences the log; default: pino at `logLevel`, without addresses. */
  logger?: boolean;
  /** With the demo seed: (re)make the demo officer's account with a new password, as `app.demoOfficer`. */
  demoOfficer?: boolean;
  /** Where log lines go (default: stdout); tests read it to check what is logged. */
  logStream?: NodeJS.WritableStream;
}

const API = '/api/v1';

/** Fastify's own errors (bad JSON, body too large, unknown media type) as problems; anything else is a 500. */
function toHttpProblem(error: FastifyError): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  const status = error.statusCode ?? 500;
  if (status >= 500) return undefined;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpProblem(413, 'too-large', 'The body is too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpProblem(415, 'unsupported-media-type', 'Send the body as application/json');
  }
  if (status === 400)
    return new HttpProblem(400, 'bad-request', 'The request could not be read', {
      detail: 'Malformed JSON or headers.',
    });
  if (status === 404) return new HttpProblem(404, 'not-found', 'Not found');
  return new HttpProblem(status, 'http', error.message.slice(0, 200));
}

/**
 * Builds the server: protocol v1 at /api/v1, the admin API at /api/v1/admin (officers' accounts, or the bearer
 * token of scripts), and the
 * CDN files and demo when their directories are given. Opens (and migrates, and seeds if asked) the database.
 */
export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const {
    store: givenStore,
    now = () => new Date(),
    mail,
    mailRetryBaseMs,
    mailPollMs = 5_000,
    logger,
    logStream,
    demoOfficer: _demoOfficer,
    ...overrides
  } = options;
  const config = defaultConfig(overrides);
  const store = givenStore ?? (await openStore(config.databaseUrl ?? config.dbFile));

  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            ...(logStream ? { stream: logStream } : {}),
            // The default request serializer logs the client's address and port: ours keeps method and path only
            // (query strings can hold postcodes and search terms).
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
            },
          },
    bodyLimit: 16 * 1024,
    // A hop count trusts that many proxies in front of us (Fastify's types only know lists and functions).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // Closing waits for in-flight requests; idle keep-alive sockets should not hold it up.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Errors raised before routing (a malformed or overlong path) would otherwise answer in Fastify's own
    // shape and echo the path back: answer them as problems too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendProblem(
        reply,
        tooLong
          ? new HttpProblem(414, 'uri-too-long', 'The address is too long')
          : new HttpProblem(400, 'bad-request', 'The address could not be read'),
      );
    },
  });
  // A request in flight when closing starts keeps its keep-alive socket open after its answer, until the socket
  // times out (72 s), and closing waits for it: answer such requests with "Connection: close" instead.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // Only JSON bodies exist in this API (plus the confirmation form, registered in its own scope).
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toHttpProblem(error);
    if (problem) return sendProblem(reply, problem);
    const unavailable = storageUnavailable(error);
    if (unavailable) {
      request.log.error({ err: error }, 'storage unavailable');
      return sendProblem(reply, unavailable);
    }
    // The log keeps the cause; the response never carries a stack trace or SQL.
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, new HttpProblem(500, 'internal', 'Something went wrong on our side'));
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, new HttpProblem(404, 'not-found', 'Not found')));

  await app.register(helmet, {
    // The CDN files and the API are used from other sites by design.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // The demo pages load their scripts from /cdn/ and may embed inline examples; the API sends no HTML.
    contentSecurityPolicy: false,
  });

  const smtp = !mail && config.smtpUrl && config.mailFrom ? smtpTransport(config.smtpUrl, config.mailFrom) : undefined;
  const transport = mail ?? smtp ?? logTransport((message) => app.log.info(message));
  const delivery = mailDelivery(store.db, transport, {
    now,
    warn: (message, err) => app.log.warn({ err }, message),
    rate: config.mailRate,
    retryBaseMs: mailRetryBaseMs,
    pollMs: mailPollMs,
  });
  const ctx: AppContext = { db: store.db, config, now, deliverMail: delivery.run };

  // Officers' session cookie (routes/admin-session.ts); nothing else reads or sets cookies.
  await app.register(cookie);

  await app.register(
    async (api) => {
      await api.register(cors, {
        origin: config.allowedOrigins.includes('*')
          ? '*'
          : config.allowedOrigins.length
            ? config.allowedOrigins
            : false,
        credentials: false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Accept'],
        exposedHeaders: ['Retry-After', 'Idempotent-Replayed'],
        maxAge: 600,
      });
      if (config.writeLimitPerMinute > 0 || config.readLimitPerMinute > 0) {
        // Instances sharing a PostgreSQL database share the windows and the secret of the keys.
        const shared = store.dialect === 'postgres';
        const keyer = clientKeyer(shared ? await sharedSecret(store.db, 'rate-limit-keys') : undefined, now);
        const unlimited = Number.MAX_SAFE_INTEGER;
        await api.register(rateLimit, {
          timeWindow: 60_000,
          ...(shared ? { store: databaseRateLimitStore(store.db) } : {}),
          max: (request) =>
            request.method === 'GET' ? config.readLimitPerMinute || unlimited : config.writeLimitPerMinute || unlimited,
          // Administrators authenticate with a long token; bulk edits should not trip the residents' limit. Starting
          // single sign-on needs no credential and stores a pending sign-in: it counts like any anonymous read.
          allowList: (request) =>
            request.url.startsWith(`${API}/admin/`) && !request.url.startsWith(`${API}/admin/oidc/`),
          keyGenerator: (request) => `${request.method === 'GET' ? 'r' : 'w'}:${keyer(request.ip)}`,
          errorResponseBuilder: (_request, context) =>
            new HttpProblem(429, 'rate-limited', 'Too many requests', {
              detail: `Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
            }),
        });
      }
      if (config.validateResponses) checkResponses(api);
      const checkOrigin = requireAllowedOrigin(config.allowedOrigins);
      api.addHook('onRequest', async (request, reply) => {
        // Answers are personal (receipts) or change by the minute (counts): no shared caches.
        reply.header('Cache-Control', 'no-store');
        // The confirmation page posts its own form with Origin "null" (it sends no referrer); the token in the
        // link is what authorises that post.
        if (request.url.startsWith(`${API}/confirmations/`)) return;
        await checkOrigin(request);
        await requireJson(request);
      });
      await api.register((scope) => petitionRoutes(scope, ctx));
      await api.register((scope) => proposalRoutes(scope, ctx));
      await api.register((scope) => pollRoutes(scope, ctx));
      await api.register((scope) => feedbackRoutes(scope, ctx));
      await api.register((scope) => serviceRoutes(scope, ctx));
      await api.register((scope) => confirmationRoutes(scope, ctx));
      // Officers sign in with accounts (npm run civic -- user add); scripts use the bearer token when it is set.
      await api.register((scope) => signInRoutes(scope, ctx), { prefix: '/admin' });
      await api.register((scope) => oidcRoutes(scope, ctx), { prefix: '/admin' });
      await api.register((scope) => sessionRoutes(scope, ctx), { prefix: '/admin' });
      await api.register((scope) => adminRoutes(scope, ctx), { prefix: '/admin' });
    },
    { prefix: API },
  );

  await app.register((scope) => healthRoutes(scope, store));

  if (config.consoleDir) {
    // The console runs on its own origin's scripts only: no inline script or style, no other origin, no framing.
    const policy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      // Lit writes the DOM through its own Trusted Types policy; nothing else may.
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    await app.register(fastifyStatic, {
      root: config.consoleDir,
      prefix: '/admin/',
      decorateReply: false,
      setHeaders: (reply) => {
        reply.header('Content-Security-Policy', policy);
        reply.header('Cache-Control', 'no-store');
      },
    });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  }

  if (config.cdnDir) {
    await app.register(fastifyStatic, {
      root: config.cdnDir,
      prefix: '/cdn/',
      // Webmasters load these as module scripts from their own sites: a CORS request.
      setHeaders: (reply) => reply.header('Access-Control-Allow-Origin', '*'),
    });
  }
  if (config.demoDir) {
    await app.register(fastifyStatic, { root: config.demoDir, prefix: '/', decorateReply: !config.cdnDir });
    for (const [name, root] of Object.entries(config.demoVendor ?? {})) {
      await app.register(fastifyStatic, { root, prefix: `/vendor/${name}/`, decorateReply: false });
    }
  }

  // Instances starting together on an empty database: one seeds, the others then find the data there.
  if (config.seed === 'demo') {
    await exclusively(store.db, 'civic-seed', () => seedDemo(store.db, now()));
  }
  if (config.seed === 'demo' && options.demoOfficer) {
    const password = await exclusively(store.db, 'civic-demo-officer', () => resetDemoOfficer(store.db, now()));
    app.decorate('demoOfficer', { email: DEMO_OFFICER, password });
  }
  // Mail queued before a crash or while the mail relay was down.
  await ctx.deliverMail();

  // Retention runs at start and then daily; the timer never keeps the process alive on its own.
  // One instance at a time: the others skip the run that one is doing.
  const retain = () =>
    exclusively(store.db, 'civic-retention', () => applyRetention(store.db, config, now()), { wait: false }).then(
      (report) => report && app.log.info({ retention: report }, 'retention applied'),
      (error: unknown) => app.log.error({ err: error }, 'retention failed'),
    );
  await retain();
  const daily = setInterval(retain, 86_400_000).unref();
  // Fastify has drained the requests in flight when onClose runs: then mail stops, then the pool closes.
  app.addHook('onClose', async () => {
    clearInterval(daily);
    await delivery.stop();
    smtp?.close();
    if (!givenStore) await store.close();
  });
  return app;
}
