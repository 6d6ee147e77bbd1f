import { type Kysely, sql } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';

const DAY = 86_400_000;
/** Confirmation mails and never-confirmed signatures are kept this long: long enough to confirm after a holiday. */
const PENDING_DAYS = 30;

export interface RetentionReport {
  feedbackDeleted: number;
  signaturesErased: number;
  pendingDeleted: number;
  mailsDeleted: number;
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

/**
 * Deletes or erases personal data past its retention period (docs/server.md, "Data retention"): feedback after
 * `feedbackRetentionDays`; signers' names and addresses `signatureRetentionDays` after their petition closed
 * (the count and the receipt ids stay, so totals and audit trails still add up); unconfirmed signatures and
 * sent mail after 30 days.
 */
export async function applyRetention(
  db: Kysely<Database>,
  config: Pick<Config, 'feedbackRetentionDays' | 'signatureRetentionDays'>,
  now: Date,
): Promise<RetentionReport> {
  return db.transaction().execute(async (trx) => {
    const feedback = await trx
      .deleteFrom('feedback')
      .where('created_at', '<', ago(now, config.feedbackRetentionDays))
      .executeTakeFirst();
    const closedBefore = ago(now, config.signatureRetentionDays);
    const erased = await trx
      .updateTable('signatures')
      .set({
        name: '',
        email: '',
        // Still unique per petition; nobody can sign a closed petition, so nothing needs matching any more.
        email_key: sql<string>`'erased:' || id`,
        postcode: null,
        country: null,
        confirm_token_hash: null,
      })
      .where('email', '!=', '')
      .where('petition_id', 'in', (eb) =>
        eb
          .selectFrom('petitions')
          .select('id')
          .where('closes_at', 'is not', null)
          .where('closes_at', '<', closedBefore),
      )
      .executeTakeFirst();
    const pending = await trx
      .deleteFrom('signatures')
      .where('status', '=', 'pending_confirmation')
      .where('created_at', '<', ago(now, PENDING_DAYS))
      .executeTakeFirst();
    const mails = await trx.deleteFrom('outbox').where('created_at', '<', ago(now, PENDING_DAYS)).executeTakeFirst();
    // Rate-limit windows last a minute; a day-old one only holds a stale (and daily changing) client key.
    await trx
      .deleteFrom('rate_limits')
      .where('window_start', '<', now.getTime() - DAY)
      .execute();
    return {
      feedbackDeleted: Number(feedback.numDeletedRows),
      signaturesErased: Number(erased.numUpdatedRows),
      pendingDeleted: Number(pending.numDeletedRows),
      mailsDeleted: Number(mails.numDeletedRows),
    };
  });
}
