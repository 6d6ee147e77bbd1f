import { resolve } from 'node:path';

/** Everything the server can be told, from the environment (`readConfig`) or from `createServer(options)`. */
export interface Config {
  port: number;
  host: string;
  /** SQLite database file; `:memory:` for tests. Unused when `databaseUrl` is set. */
  dbFile: string;
  /** A `postgres://` URL: the store is then PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Origins allowed to call the public API from a browser; `['*']` allows any (only when set explicitly). */
  allowedOrigins: string[];
  /** Bearer token of the admin API for scripts (acts as an admin); officers sign in with accounts instead. */
  adminToken?: string;
  /** An officer's session ends after this many minutes without a request... */
  sessionIdleMinutes: number;
  /** ...or this many hours after signing in, whichever comes first. */
  sessionMaxHours: number;
  /** Submissions (POST) per client per minute; 0 turns the limit off. */
  writeLimitPerMinute: number;
  /** Reads (GET) per client per minute; 0 turns the limit off. */
  readLimitPerMinute: number;
  /** Feedback older than this many days is deleted. */
  feedbackRetentionDays: number;
  /** Signers' personal data is erased this many days after their petition closed. */
  signatureRetentionDays: number;
  /** `smtp://` or `smtps://user:pass@host:port`: mail goes out through this relay (with `mailFrom`). */
  smtpUrl?: string;
  /** The From address of the server's mail. */
  mailFrom?: string;
  /** Mails per second at most, per instance. */
  mailRate: number;
  /** The address residents reach the server at, for links in emails. */
  publicUrl: string;
  /** Fastify's `trustProxy`: false, true, a hop count or a list of proxy addresses. */
  trustProxy: boolean | number | string;
  /** `demo` fills an empty database with the demo data. */
  seed: 'demo' | 'none';
  /** Directories served at `/cdn/` and `/`; empty: not served. */
  cdnDir?: string;
  demoDir?: string;
  /** The built officers' console (dist/admin), served at `/admin/`; empty: not served. */
  consoleDir?: string;
  /** Third-party files the demo pages use (design systems from node_modules): name → directory, at `/vendor/<name>/`. */
  demoVendor?: Record<string, string>;
  logLevel: string;
  /** Confirmed sponsors a resident's petition proposal needs before it goes to moderation (issue 17). */
  petitionSponsors: number;
  /**
   * Where residents sign a petition, as a URL with `{id}` (e.g. `https://council.example/petitions?id={id}`): the
   * similar petitions offered while a resident starts one link there. Without it they are offered as titles only.
   */
  petitionPageUrl?: string;
  /** Check every successful public response against its protocol schema (tests, development). */
  validateResponses: boolean;
  /** Single sign-on through the council's OpenID Connect provider; without it, officers use local accounts only. */
  oidc?: OidcConfig;
}

/** The council's OpenID Connect provider, and how its answer maps to an officer (auth/oidc.ts). */
export interface OidcConfig {
  /** The issuer URL; its `/.well-known/openid-configuration` tells the rest. */
  issuer: string;
  clientId: string;
  /** Without a secret the console is a public client (PKCE alone proves the code is ours). */
  clientSecret?: string;
  /** The claim holding the officer's role: `admin`, `editor` or `viewer` (or a list holding one of them). */
  roleClaim: string;
  /** Space-separated scopes asked for; `openid` always among them. */
  scopes: string;
  /** Where the provider sends the officer back: registered at the provider as the client's redirect URI. */
  redirectUrl: string;
}

/** A configuration mistake; the message names the variable, and start-up stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase() ?? '';
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false, not "${raw}"`);
}

function origins(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.includes('*')) {
    if (list.length > 1) throw new ConfigError('CIVIC_ALLOWED_ORIGINS: "*" cannot be combined with other origins');
    return ['*'];
  }
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is scheme, host and port only: a path or a trailing slash would never match a browser's Origin.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`CIVIC_ALLOWED_ORIGINS: "${origin}" is not an origin like https://www.example.gov`);
    }
  }
  return list;
}

/** `postgres://user:***@host:5432/db`: a URL fit for logs and error messages. */
export function maskPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Which database `DATABASE_URL` (or `CIVIC_DB_FILE`) points at: a SQLite file, or a PostgreSQL URL. */
function database(env: Env): Pick<Config, 'dbFile' | 'databaseUrl'> {
  const dbFile = env.CIVIC_DB_FILE?.trim() || './data/civic.sqlite';
  const url = env.DATABASE_URL?.trim();
  if (!url) return { dbFile };
  if (/^postgres(ql)?:/i.test(url)) return { dbFile, databaseUrl: postgresUrl(url) };
  const match = url.match(/^(?:sqlite|file):(?:\/\/)?(.+)$/i);
  if (!match?.[1]) {
    throw new ConfigError(
      `DATABASE_URL must look like sqlite:./data/civic.sqlite or postgres://user:password@host:5432/database, not "${maskPassword(url)}"`,
    );
  }
  return { dbFile: match[1] };
}

function postgresUrl(url: string): string {
  const shown = maskPassword(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL "${shown}" is not a valid URL (is the port a number from 1 to 65535?)`);
  }
  if (!parsed.hostname) throw new ConfigError(`DATABASE_URL "${shown}" names no host`);
  if (parsed.port === '0') throw new ConfigError(`DATABASE_URL "${shown}": the port must be from 1 to 65535`);
  if (!/^\/[^/]+$/.test(parsed.pathname)) {
    throw new ConfigError(`DATABASE_URL "${shown}" names no database (postgres://user:password@host:5432/database)`);
  }
  return url;
}

function vendorDirs(raw: string | undefined): Record<string, string> | undefined {
  const pairs = (raw ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean);
  if (pairs.length === 0) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = pair.match(/^([a-z0-9-]+)=(.+)$/);
      if (!match) throw new ConfigError(`CIVIC_DEMO_VENDOR must be name=directory pairs, not "${pair}"`);
      return [match[1]!, resolve(match[2]!)];
    }),
  );
}

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[\d.:a-fA-F/, ]+$/.test(value)) return value;
  throw new ConfigError(`CIVIC_TRUST_PROXY must be true, false, a hop count or proxy addresses, not "${value}"`);
}

function mail(env: Env): Pick<Config, 'smtpUrl' | 'mailFrom'> {
  const smtpUrl = env.CIVIC_SMTP_URL?.trim() || undefined;
  const mailFrom = env.CIVIC_MAIL_FROM?.trim() || undefined;
  if (!smtpUrl && !mailFrom) return {};
  if (!smtpUrl)
    throw new ConfigError('CIVIC_SMTP_URL must be set with CIVIC_MAIL_FROM (smtp://user:password@relay:587)');
  if (!/^smtps?:\/\/[^\s/]+/i.test(smtpUrl)) {
    throw new ConfigError(
      `CIVIC_SMTP_URL must look like smtp://user:password@relay:587 or smtps://..., not "${maskPassword(smtpUrl)}"`,
    );
  }
  if (!mailFrom || !/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom)) {
    throw new ConfigError(
      `CIVIC_MAIL_FROM must be an address like petitions@council.example or "Council <petitions@council.example>"`,
    );
  }
  return { smtpUrl, mailFrom };
}

/** An http(s) URL; plain http only on this machine (a test or local provider), never across a network. */
function providerUrl(name: string, raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const loopback = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new ConfigError(`${name} must be an https:// URL (http:// only for localhost), not "${raw}"`);
  }
  return raw;
}

/** Single sign-on is on when CIVIC_OIDC_ISSUER is set; it then needs the client id registered at the provider. */
function oidc(env: Env, publicUrl: string): Pick<Config, 'oidc'> {
  const issuer = env.CIVIC_OIDC_ISSUER?.trim() || undefined;
  const clientId = env.CIVIC_OIDC_CLIENT_ID?.trim() || undefined;
  const clientSecret = env.CIVIC_OIDC_CLIENT_SECRET?.trim() || undefined;
  if (!issuer) {
    if (clientId || clientSecret) {
      throw new ConfigError('CIVIC_OIDC_ISSUER must be set with CIVIC_OIDC_CLIENT_ID (https://login.council.example)');
    }
    return {};
  }
  if (!clientId) {
    throw new ConfigError('CIVIC_OIDC_CLIENT_ID must be set with CIVIC_OIDC_ISSUER (the client id the provider gave)');
  }
  const roleClaim = env.CIVIC_OIDC_ROLE_CLAIM?.trim() || 'civic_role';
  const scopes = (env.CIVIC_OIDC_SCOPES?.trim() || 'openid email').split(/\s+/);
  if (!scopes.includes('openid')) {
    throw new ConfigError(`CIVIC_OIDC_SCOPES must include openid, not "${scopes.join(' ')}"`);
  }
  const redirectUrl = env.CIVIC_OIDC_REDIRECT_URL?.trim() || `${publicUrl}/api/v1/admin/oidc/callback`;
  return {
    oidc: {
      issuer: providerUrl('CIVIC_OIDC_ISSUER', issuer),
      clientId,
      clientSecret,
      roleClaim,
      scopes: scopes.join(' '),
      redirectUrl: providerUrl(
        env.CIVIC_OIDC_REDIRECT_URL?.trim()
          ? 'CIVIC_OIDC_REDIRECT_URL'
          : 'CIVIC_OIDC_REDIRECT_URL (from CIVIC_PUBLIC_URL)',
        redirectUrl,
      ),
    },
  };
}

/** Reads the configuration from environment variables (docs/server.md has the table). */
export function readConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65_535);
  const adminToken = env.CIVIC_ADMIN_TOKEN?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 24) {
    throw new ConfigError('CIVIC_ADMIN_TOKEN must be at least 24 characters (try: openssl rand -base64 32)');
  }
  const publicUrl = (env.CIVIC_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new ConfigError(`CIVIC_PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  }
  const petitionPageUrl = env.CIVIC_PETITION_PAGE_URL?.trim() || undefined;
  if (petitionPageUrl && !(/^https?:\/\/[^\s/]+/.test(petitionPageUrl) && petitionPageUrl.includes('{id}'))) {
    throw new ConfigError(`CIVIC_PETITION_PAGE_URL must be an http(s) URL with {id} in it, not "${petitionPageUrl}"`);
  }
  const seed = env.CIVIC_SEED?.trim() || 'none';
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`CIVIC_SEED must be "demo" or "none", not "${seed}"`);
  const dir = (name: string) => (env[name]?.trim() ? resolve(env[name].trim()) : undefined);
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    ...database(env),
    allowedOrigins: origins(env.CIVIC_ALLOWED_ORIGINS),
    adminToken,
    sessionIdleMinutes: integer(env, 'CIVIC_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'CIVIC_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    writeLimitPerMinute: integer(env, 'CIVIC_RATE_LIMIT_WRITES', 30, 0, 1_000_000),
    readLimitPerMinute: integer(env, 'CIVIC_RATE_LIMIT_READS', 600, 0, 1_000_000),
    feedbackRetentionDays: integer(env, 'CIVIC_RETENTION_FEEDBACK_DAYS', 730, 1, 36_500),
    signatureRetentionDays: integer(env, 'CIVIC_RETENTION_SIGNATURES_DAYS', 365, 1, 36_500),
    publicUrl,
    ...mail(env),
    mailRate: integer(env, 'CIVIC_MAIL_RATE', 10, 1, 10_000),
    trustProxy: trustProxy(env.CIVIC_TRUST_PROXY),
    seed,
    cdnDir: dir('CIVIC_CDN_DIR'),
    demoDir: dir('CIVIC_DEMO_DIR'),
    consoleDir: dir('CIVIC_CONSOLE_DIR'),
    demoVendor: vendorDirs(env.CIVIC_DEMO_VENDOR),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    validateResponses: boolean(env, 'CIVIC_VALIDATE_RESPONSES'),
    petitionSponsors: integer(env, 'CIVIC_PETITION_SPONSORS', 5, 0, 1000),
    petitionPageUrl,
    ...oidc(env, publicUrl),
  };
}

/** Defaults for programmatic use and tests: an in-memory database, no limits on reads, no static files. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), dbFile: ':memory:', logLevel: 'silent', ...overrides };
}
