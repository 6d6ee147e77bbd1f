import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { indexPetitionText } from '../store/petition-search.js';
import type { Dialect } from './dialect.js';

// Migrations are code, named in order, and never edited once released: add a new one instead.
// Each runs in a transaction; Kysely records what ran in its own `kysely_migration` table.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at the time
type AnyDb = Kysely<any>;

const initial = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('petitions')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('closes_at', 'varchar(40)')
      .addColumn('thresholds', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('signer_fields', 'text', (c) => c.notNull())
      .addColumn('allow_public_name', 'integer', (c) => c.notNull())
      .addColumn('privacy_notice_url', 'text', (c) => c.notNull())
      .addColumn('requires_confirmation', 'integer', (c) => c.notNull())
      .addColumn('signature_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('signatures')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('petition_id', 'varchar(100)', (c) => c.notNull().references('petitions.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('postcode', 'text')
      .addColumn('country', 'varchar(2)')
      .addColumn('show_name', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(30)', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'varchar(64)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('confirmed_at', 'varchar(40)')
      .execute();
    // One signature per normalised email per petition, also under concurrent requests.
    await db.schema
      .createIndex('signatures_petition_email')
      .unique()
      .on('signatures')
      .columns(['petition_id', 'email_key'])
      .execute();
    await db.schema
      .createIndex('signatures_confirm_token')
      .unique()
      .on('signatures')
      .column('confirm_token_hash')
      .execute();

    await db.schema
      .createTable('polls')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('opens_at', 'varchar(40)')
      .addColumn('closes_at', 'varchar(40)')
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('max_choices', 'integer')
      .addColumn('results_visibility', 'varchar(20)', (c) => c.notNull())
      .addColumn('suppress_below', 'integer')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('votes')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('poll_id', 'varchar(100)', (c) => c.notNull().references('polls.id'))
      .addColumn('voter_token', 'varchar(128)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    // NULL tokens are distinct in both SQLite and PostgreSQL: only votes that carry a token are limited.
    await db.schema.createIndex('votes_poll_token').unique().on('votes').columns(['poll_id', 'voter_token']).execute();
    await db.schema
      .createTable('vote_choices')
      .addColumn('vote_id', 'varchar(100)', (c) => c.notNull().references('votes.id'))
      .addColumn('poll_id', 'varchar(100)', (c) => c.notNull())
      .addColumn('option_id', 'varchar(100)', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vote_choices_pk', ['vote_id', 'option_id'])
      .execute();
    await db.schema.createIndex('vote_choices_poll').on('vote_choices').columns(['poll_id', 'option_id']).execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('topic', 'varchar(100)', (c) => c.notNull())
      .addColumn('rating_scale', 'varchar(20)', (c) => c.notNull())
      .addColumn('rating_value', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('reasons', 'text')
      .addColumn('page_url', 'text')
      .addColumn('locale', 'varchar(35)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_created').on('feedback').column('created_at').execute();
    await db.schema
      .createTable('feedback_topics')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('services')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('organization', 'text', (c) => c.notNull())
      .addColumn('location_name', 'text')
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('postcode', 'varchar(16)')
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lng', 'double precision', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('url', 'text')
      .addColumn('languages', 'text')
      .addColumn('accessibility', 'text')
      .addColumn('eligibility', 'text')
      .addColumn('hours', 'text')
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('services_lat_lng').on('services').columns(['lat', 'lng']).execute();
    await db.schema.createIndex('services_name').on('services').columns(['name', 'id']).execute();
    await db.schema
      .createTable('categories')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('service_categories')
      .addColumn('service_id', 'varchar(100)', (c) => c.notNull().references('services.id'))
      .addColumn('category_id', 'varchar(100)', (c) => c.notNull())
      .addPrimaryKeyConstraint('service_categories_pk', ['service_id', 'category_id'])
      .execute();
    await db.schema
      .createIndex('service_categories_category')
      .on('service_categories')
      .columns(['category_id', 'service_id'])
      .execute();
    await db.schema
      .createTable('postcodes')
      .addColumn('postcode', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lng', 'double precision', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_log')
      // The one column type the engines spell differently: SQLite's AUTOINCREMENT is PostgreSQL's serial.
      .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .addColumn('action', 'varchar(100)', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('sent_at', 'varchar(40)')
      .execute();
  },
});

/**
 * The full-text index of services is dialect-specific (store/search/): an FTS5 table on SQLite, a table of
 * tsvector documents with a GIN index on PostgreSQL.
 */
const serviceSearch = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    if (dialect === 'postgres') {
      await db.schema
        .createTable('services_fts')
        .addColumn('service_id', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('document', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`CREATE INDEX services_fts_document ON services_fts USING gin (document)`.execute(db);
      return;
    }
    await sql`CREATE VIRTUAL TABLE services_fts USING fts5(
      service_id UNINDEXED, name, description, organization, categories,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  },
});

/** Distance searches read only id and coordinates inside a box: an index that holds all three answers them alone. */
const geoIndex: Migration = {
  async up(db: AnyDb) {
    await db.schema.dropIndex('services_lat_lng').execute();
    await db.schema.createIndex('services_geo').on('services').columns(['lat', 'lng', 'id']).execute();
  },
};

/** Answers to a backend's extra questions (`FeedbackRequest.fields`), kept as JSON like `reasons`. */
const feedbackFields: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('feedback').addColumn('fields', 'text').execute();
  },
};

/** Mail is queued in the transaction of what it is about and delivered after the commit; this finds what waits. */
const unsentMail: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('outbox_unsent')
      .on('outbox')
      .column('created_at')
      .where(sql.ref('sent_at'), 'is', null)
      .execute();
  },
};

/**
 * What several instances must share: rate-limit windows (a client's 31st write in a minute is refused by
 * whichever instance it reaches) and secrets such as the one that turns addresses into rate-limit keys.
 */
const sharedState: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('value', 'varchar(200)', (c) => c.notNull())
      .execute();
  },
};

/**
 * Mail that arrives: an HTML alternative, and what the outbox needs to retry a relay's temporary refusals with
 * backoff and to set aside (with the reason, for administrators) what a relay refuses for good.
 */
const mailDelivery: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('outbox').addColumn('html', 'text').execute();
    await db.schema
      .alterTable('outbox')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'varchar(40)').execute();
    await db.schema.alterTable('outbox').addColumn('failed_at', 'varchar(40)').execute();
    await db.schema.alterTable('outbox').addColumn('failure', 'text').execute();
  },
};

/**
 * A claim that expires: a delivery holds a mail until `claimed_until` and marks it sent only once the relay took
 * it, so a mail held by a process that died mid-send is sent by another once the claim runs out. (Before, the
 * claim was `sent_at` itself, and such a mail was never sent.)
 */
const mailClaimLease: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('outbox').addColumn('claimed_until', 'varchar(40)').execute();
  },
};

/**
 * A petition's count moves from one column to a few rows per petition (see `SignatureTallyTable`): the same
 * count, without every signer of a petition queueing on one row lock held through each commit's disk flush.
 */
const signatureTallies: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('signature_tallies')
      .addColumn('petition_id', 'varchar(100)', (c) => c.notNull().references('petitions.id'))
      .addColumn('shard', 'integer', (c) => c.notNull())
      .addColumn('tally', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('signature_tallies_pk', ['petition_id', 'shard'])
      .execute();
    await db
      .insertInto('signature_tallies')
      .columns(['petition_id', 'shard', 'tally'])
      .expression(
        db
          .selectFrom('petitions')
          .select(['id', sql.lit(0).as('shard'), 'signature_count'])
          .where('signature_count', '>', 0),
      )
      .execute();
    await db.schema.alterTable('petitions').dropColumn('signature_count').execute();
  },
};

/**
 * Council officers sign in with their own accounts (issue 16): who may do what (`role`), their sessions, the
 * failed sign-ins that throttle guessing, and who did each audited action (`actor`; null for entries written
 * before accounts existed).
 */
const officerAccounts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('role', 'varchar(20)', (c) => c.notNull())
      .addColumn('password_hash', 'varchar(300)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('disabled_at', 'varchar(40)')
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('last_seen_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
      .addColumn('window_start', 'varchar(40)', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('audit_log').addColumn('actor', 'varchar(254)').execute();
  },
};

/**
 * Residents start petitions (issue 17): proposals, their sponsors, and a full-text index of petitions to offer
 * similar ones (store/petition-search.ts; FTS5 on SQLite, a tsvector table on PostgreSQL), filled here with the
 * petitions that exist.
 */
const petitionProposals = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('petition_proposals')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('background', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('postcode', 'varchar(20)', (c) => c.notNull())
      .addColumn('locale', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('flags', 'text', (c) => c.notNull())
      .addColumn('petition_id', 'varchar(100)', (c) => c.references('petitions.id'))
      .addColumn('rejection_reason', 'varchar(40)')
      .addColumn('rejection_note', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('confirmed_at', 'varchar(40)')
      .addColumn('decided_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('petition_proposals_status').on('petition_proposals').column('status').execute();
    await db.schema
      .createTable('proposal_sponsors')
      .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('proposal_id', 'varchar(100)', (c) => c.notNull().references('petition_proposals.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('postcode', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('confirmed_at', 'varchar(40)')
      .execute();
    // One sponsor per normalised email per proposal, also under concurrent requests.
    await db.schema
      .createIndex('proposal_sponsors_proposal_email')
      .unique()
      .on('proposal_sponsors')
      .columns(['proposal_id', 'email_key'])
      .execute();
    if (dialect === 'postgres') {
      await db.schema
        .createTable('petitions_fts')
        .addColumn('petition_id', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('document', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`CREATE INDEX petitions_fts_document ON petitions_fts USING gin (document)`.execute(db);
    } else {
      await sql`CREATE VIRTUAL TABLE petitions_fts USING fts5(
        petition_id UNINDEXED, title, summary,
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    }
    const petitions = await db.selectFrom('petitions').select(['id', 'title', 'summary']).execute();
    for (const petition of petitions) await indexPetitionText(db, dialect, petition);
  },
});

/**
 * The officers' feedback inbox (issue 16): whether an officer has read a comment or acted on it, with their
 * note, kept on the comment's own row so that retention deletes both together. The index serves the inbox's
 * newest-first pages, filtered by topic or not, read a page at a time (keyset, never the whole table).
 */
const feedbackTriage: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('feedback').addColumn('triage_status', 'varchar(20)').execute();
    await db.schema.alterTable('feedback').addColumn('triage_note', 'text').execute();
    await db.schema.alterTable('feedback').addColumn('triaged_at', 'varchar(40)').execute();
    await db.schema.alterTable('feedback').addColumn('triaged_by', 'varchar(254)').execute();
    await db.schema
      .createIndex('feedback_topic_created')
      .on('feedback')
      .columns(['topic', 'created_at', 'id'])
      .execute();
    await db.schema.createIndex('feedback_created_id').on('feedback').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'id']).execute();
  },
};

/**
 * The console's feedback trends (issue 16): a page's answers by week, read through an index that starts with the
 * page and holds the rating, so that half a year of a busy page is summed without reading its rows.
 */
const feedbackTrends: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('feedback_page_created')
      .on('feedback')
      .columns(['page_url', 'created_at', 'rating_scale', 'rating_value'])
      .execute();
  },
};

/**
 * Single sign-on (issue 16): an officer's account linked to their identity at the council's OpenID Connect
 * provider (issuer and subject: an email can change, the subject does not), and the sign-ins under way, each
 * waiting for the provider's answer with its state, nonce and PKCE verifier (the browser holds only a random
 * key to its row). A session started that way keeps the provider's ID token, to end the provider's session too
 * when the officer signs out.
 */
const singleSignOn: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('oidc_issuer', 'varchar(300)').execute();
    await db.schema.alterTable('users').addColumn('oidc_subject', 'varchar(300)').execute();
    await db.schema
      .createIndex('users_oidc_identity')
      .on('users')
      .columns(['oidc_issuer', 'oidc_subject'])
      .unique()
      .execute();
    await db.schema
      .createTable('oidc_sign_ins')
      .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('state', 'varchar(100)', (c) => c.notNull())
      .addColumn('nonce', 'varchar(100)', (c) => c.notNull())
      .addColumn('code_verifier', 'varchar(200)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oidc_sign_ins_created').on('oidc_sign_ins').column('created_at').execute();
    await db.schema.alterTable('sessions').addColumn('id_token', 'text').execute();
  },
};

function migrator(db: AnyDb, dialect: Dialect): Migrator {
  const migrations: Record<string, Migration> = {
    '0001-initial': initial(dialect),
    '0002-service-search': serviceSearch(dialect),
    '0003-covering-geo-index': geoIndex,
    '0004-feedback-fields': feedbackFields,
    '0005-unsent-mail': unsentMail,
    '0006-shared-state': sharedState,
    '0007-mail-delivery': mailDelivery,
    '0008-mail-claim-lease': mailClaimLease,
    '0009-signature-tallies': signatureTallies,
    '0010-officer-accounts': officerAccounts,
    '0011-petition-proposals': petitionProposals(dialect),
    '0012-feedback-triage': feedbackTriage,
    '0014-single-sign-on': singleSignOn,
    '0015-feedback-trends': feedbackTrends,
  };
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Brings the schema up to date, forward only. On PostgreSQL, Kysely's migrator holds an advisory lock and runs
 * the pending migrations in one transaction, so instances starting together migrate once and a failed
 * migration leaves the schema as it was; on SQLite the write lock does the same.
 */
export async function migrate(db: AnyDb, dialect: Dialect): Promise<void> {
  const { error, results } = await migrator(db, dialect).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
}

/** Brings the schema up to `name` and no further: how the tests build a database an older release left. */
export async function migrateUpTo(db: AnyDb, dialect: Dialect, name: string): Promise<void> {
  const { error } = await migrator(db, dialect).migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed`, { cause: error });
}

/** Whether every migration this code knows has run: an instance of a newer release waits for its migrations. */
export async function isMigrated(db: AnyDb, dialect: Dialect): Promise<boolean> {
  const migrations = await migrator(db, dialect).getMigrations();
  return migrations.every((migration) => migration.executedAt !== undefined);
}
