import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';

/** What every route module gets: the store, the configuration, the clock, and the mail delivery. */
export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  now: () => Date;
  /**
   * Sends the mail queued in the `outbox` table (`mail/outbox.ts`), after the commit that queued it. Never throws:
   * what is not delivered stays queued for the next delivery.
   */
  deliverMail(): Promise<void>;
}
