import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';
import type { MailTransport } from './mail/transport.js';

/** What every route module gets: the store, the configuration, the clock and the mail transport. */
export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  now: () => Date;
  mail: MailTransport;
}
