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
  /** Proposals whose creator never confirmed, and sponsors who never confirmed. */
  pendingProposalsDeleted: number;
  /** Creators and sponsors of proposals decided long ago, their personal data erased. */
  proposalPeopleErased: number;
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

/**
 * Deletes or erases personal data past its retention period (docs/server.md, "Data retention"): feedback after
 * `feedbackRetentionDays`; signers' names and addresses `signatureRetentionDays` after their petition closed
 * (the count and the receipt ids stay, so totals and audit trails still add up); unconfirmed signatures and
 * sent mail after 30 days. Residents' petition proposals alike: never-confirmed proposals and sponsors after 30
 * days; creators' and sponsors' names, addresses and postcodes `signatureRetentionDays` after the moderator's
 * decision (the text, the decision and the sponsor count stay).
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
    const pendingSponsors = await trx
      .deleteFrom('proposal_sponsors')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<', ago(now, PENDING_DAYS))
      .executeTakeFirst();
    const pendingProposals = await trx
      .deleteFrom('petition_proposals')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<', ago(now, PENDING_DAYS))
      .executeTakeFirst();
    const decidedBefore = ago(now, config.signatureRetentionDays);
    // Decided proposals take no more sponsors, so the keys need match nothing; they stay unique per proposal.
    const erasedSponsors = await trx
      .updateTable('proposal_sponsors')
      .set({ name: '', email: '', email_key: sql<string>`'erased:' || id`, postcode: '' })
      .where('email', '!=', '')
      .where('proposal_id', 'in', (eb) =>
        eb.selectFrom('petition_proposals').select('id').where('decided_at', '<', decidedBefore),
      )
      .executeTakeFirst();
    const erasedCreators = await trx
      .updateTable('petition_proposals')
      .set({ name: '', email: '', email_key: '', postcode: '' })
      .where('email', '!=', '')
      .where('decided_at', '<', decidedBefore)
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
      pendingProposalsDeleted: Number(pendingSponsors.numDeletedRows) + Number(pendingProposals.numDeletedRows),
      proposalPeopleErased: Number(erasedSponsors.numUpdatedRows) + Number(erasedCreators.numUpdatedRows),
    };
  });
}
