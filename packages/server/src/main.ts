// Starts the server from environment variables (docs/server.md). Run with
//   node --conditions=development --import tsx packages/server/src/main.ts
// (`npm start` does this): tsx runs the TypeScript directly, and the `development` condition resolves
// `@civic-widgets/client` to its sources, so no build step stands between a clone and a running server.
import { ConfigError, maskPassword, readConfig } from './config.js';
import { createServer } from './server.js';

/** A configuration mistake (including a database that cannot be reached at start) stops with EX_CONFIG. */
function configurationError(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(78); // EX_CONFIG
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  configurationError(error);
}

const app = await createServer({ ...config, demoOfficer: true }).catch(configurationError);
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
console.log(`Civic Widgets server listening on ${base}`);
console.log(`  API:   ${base}/api/v1/petitions`);
if (config.cdnDir) console.log(`  CDN:   ${base}/cdn/civic-widgets.js`);
if (config.demoDir) console.log(`  Demo:  ${base}/`);
if (config.consoleDir) console.log(`  Console: ${base}/admin/ (officers sign in; accounts: npm run civic -- user add)`);
// The redirect URI is what the council registers at its provider: printed so that it can be copied exactly.
if (config.oidc) console.log(`  Single sign-on: ${config.oidc.issuer} (redirect URI ${config.oidc.redirectUrl})`);
const demoOfficer = (app as { demoOfficer?: { email: string; password: string } }).demoOfficer;
if (demoOfficer) {
  console.log(`  Demo officer (local use only): ${demoOfficer.email} / ${demoOfficer.password}`);
}
console.log(
  `  Admin: ${base}/api/v1/admin/ (officers' accounts: npm run civic -- user add${config.adminToken ? '; scripts: the bearer token' : ''})`,
);
console.log(
  `  Database: ${config.databaseUrl ? `PostgreSQL ${maskPassword(config.databaseUrl)}` : `SQLite ${config.dbFile}`}`,
);
console.log(
  config.smtpUrl
    ? `  Mail:  SMTP ${maskPassword(config.smtpUrl)} from ${config.mailFrom}, at most ${config.mailRate}/s`
    : '  Mail:  written to the log only (set CIVIC_SMTP_URL and CIVIC_MAIL_FROM to send it)',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting, lets in-flight requests finish, then runs onClose (which closes the database).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
