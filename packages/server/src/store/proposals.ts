import { randomBytes, randomUUID } from 'node:crypto';
import { emailKey } from '@civic-widgets/client/domain';
import {
  type PetitionProposalRequest,
  type Proposal,
  type RejectionReason,
  type SponsorRequest,
  TEXT_HIDING_REASONS,
} from '@civic-widgets/client/proposals';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, PetitionProposalTable } from '../db/schema.js';
import { HttpProblem, notFound } from '../http/problems.js';
import { compact, fromJson } from './json.js';
import { hashToken } from './petitions.js';
import { flagsFor, type ProposalFlag } from './proposal-flags.js';

type Db = Kysely<Database> | Transaction<Database>;
export type ProposalRow = Selectable<PetitionProposalTable>;

const newToken = () => randomBytes(32).toString('base64url');

/** Stores a proposal, `unconfirmed`, with the flags a moderator will see; the token is for the creator's mail. */
export async function createProposal(
  trx: Transaction<Database>,
  body: PetitionProposalRequest,
  locale: string,
  now: Date,
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = newToken();
  const text = {
    title: body.title.trim(),
    background: body.background.trim(),
    details: body.details?.trim() || undefined,
  };
  const flags = await flagsFor(trx, text, now);
  await trx
    .insertInto('petition_proposals')
    .values({
      id,
      ...text,
      details: text.details ?? null,
      name: body.name.trim(),
      email: body.email,
      email_key: emailKey(body.email),
      postcode: body.postcode.trim(),
      locale,
      status: 'unconfirmed',
      confirm_token_hash: hashToken(token),
      flags: JSON.stringify(flags),
      petition_id: null,
      rejection_reason: null,
      rejection_note: null,
      created_at: now.toISOString(),
      confirmed_at: null,
      decided_at: null,
    })
    .execute();
  return { id, token };
}

export async function getProposal(db: Db, id: string): Promise<ProposalRow> {
  const row = await db.selectFrom('petition_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Proposal');
  return row;
}

/** Sponsors who confirmed their address. */
export async function sponsorCount(db: Db, proposalId: string): Promise<number> {
  const row = await db
    .selectFrom('proposal_sponsors')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('proposal_id', '=', proposalId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The public view. Its text is shown once the creator has confirmed (so that an unconfirmed address cannot put
 * words on the council's site), and not at all when it was rejected for a reason that forbids showing it.
 */
export async function publicProposal(db: Db, row: ProposalRow, sponsorsNeeded: number): Promise<Proposal> {
  const reason = row.rejection_reason as RejectionReason | null;
  const hidden = row.status === 'unconfirmed' || (reason !== null && TEXT_HIDING_REASONS.includes(reason));
  return compact({
    id: row.id,
    ...(hidden ? {} : { title: row.title, background: row.background, details: row.details }),
    status: row.status,
    sponsorCount: await sponsorCount(db, row.id),
    sponsorsNeeded,
    petitionId: row.petition_id,
    rejection: reason ? compact({ reason, note: row.rejection_note }) : undefined,
  }) as Proposal;
}

/**
 * Records a sponsor, unconfirmed. The creator's own address, and a second sponsorship by one address, are answered
 * like a first one (so that the answer never tells whether an address has sponsored) but neither stored nor mailed:
 * `token` is then absent.
 */
export async function addSponsor(
  trx: Transaction<Database>,
  proposalId: string,
  body: SponsorRequest,
  now: Date,
): Promise<{ proposal: ProposalRow; token?: string }> {
  const proposal = await getProposal(trx, proposalId);
  if (proposal.status !== 'gathering') {
    throw new HttpProblem(409, 'proposal-not-gathering', 'This proposal is not gathering supporters', {
      detail: proposal.status === 'unconfirmed' ? 'Its creator has not confirmed it yet.' : 'It has its supporters.',
    });
  }
  const key = emailKey(body.email);
  if (key === proposal.email_key) return { proposal };
  const token = newToken();
  const inserted = await trx
    .insertInto('proposal_sponsors')
    .values({
      id: randomUUID(),
      proposal_id: proposalId,
      email: body.email,
      email_key: key,
      name: body.name.trim(),
      postcode: body.postcode.trim(),
      status: 'unconfirmed',
      confirm_token_hash: hashToken(token),
      created_at: now.toISOString(),
      confirmed_at: null,
    })
    .onConflict((oc) => oc.columns(['proposal_id', 'email_key']).doNothing())
    .executeTakeFirst();
  return { proposal, token: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? token : undefined };
}

/** Whose address a confirmation token is: a proposal's creator or a sponsor, and whether it is confirmed. */
export interface ProposalToken {
  kind: 'creator' | 'sponsor';
  proposalId: string;
  title: string;
  locale: string;
  confirmed: boolean;
}

export async function findProposalToken(db: Db, token: string): Promise<ProposalToken | undefined> {
  const hash = hashToken(token);
  const creator = await db
    .selectFrom('petition_proposals')
    .select(['id', 'title', 'locale', 'status'])
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
  if (creator) {
    const { id, title, locale, status } = creator;
    return { kind: 'creator', proposalId: id, title, locale, confirmed: status !== 'unconfirmed' };
  }
  const sponsor = await db
    .selectFrom('proposal_sponsors')
    .innerJoin('petition_proposals', 'petition_proposals.id', 'proposal_sponsors.proposal_id')
    .select([
      'petition_proposals.id',
      'petition_proposals.title',
      'petition_proposals.locale',
      'proposal_sponsors.status',
    ])
    .where('proposal_sponsors.confirm_token_hash', '=', hash)
    .executeTakeFirst();
  if (!sponsor) return undefined;
  const { id, title, locale, status } = sponsor;
  return { kind: 'sponsor', proposalId: id, title, locale, confirmed: status === 'confirmed' };
}

/**
 * Sends a gathering proposal with enough confirmed sponsors to moderation. The proposal's row is written first, so
 * that two sponsors confirming at once wait for each other and the second counts the first: otherwise each could
 * count the other's uncommitted confirmation out and neither would reach the number.
 */
async function advance(trx: Transaction<Database>, proposalId: string, sponsorsNeeded: number) {
  await trx.updateTable('petition_proposals').set({ status: sql`status` }).where('id', '=', proposalId).execute();
  const { status } = await getProposal(trx, proposalId);
  if (status === 'gathering' && (await sponsorCount(trx, proposalId)) >= sponsorsNeeded) {
    await trx.updateTable('petition_proposals').set({ status: 'moderation' }).where('id', '=', proposalId).execute();
  }
}

/** Confirms a creator's or a sponsor's address. Confirming twice changes nothing; an unknown token is undefined. */
export async function confirmProposalToken(
  trx: Transaction<Database>,
  token: string,
  sponsorsNeeded: number,
  now: Date,
): Promise<ProposalToken | undefined> {
  const found = await findProposalToken(trx, token);
  if (!found || found.confirmed) return found;
  const hash = hashToken(token);
  const at = now.toISOString();
  if (found.kind === 'creator') {
    await trx
      .updateTable('petition_proposals')
      .set({ status: 'gathering', confirmed_at: at })
      .where('confirm_token_hash', '=', hash)
      .where('status', '=', 'unconfirmed')
      .execute();
  } else {
    await trx
      .updateTable('proposal_sponsors')
      .set({ status: 'confirmed', confirmed_at: at })
      .where('confirm_token_hash', '=', hash)
      .execute();
  }
  await advance(trx, found.proposalId, sponsorsNeeded);
  return found;
}

/** What the moderation queue shows of a proposal: its text, flags and counts, and the creator's name only. */
export async function moderationView(db: Db, row: ProposalRow) {
  return compact({
    id: row.id,
    title: row.title,
    background: row.background,
    details: row.details,
    status: row.status,
    creatorName: row.name,
    sponsorCount: await sponsorCount(db, row.id),
    flags: fromJson<ProposalFlag[]>(row.flags),
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    decidedAt: row.decided_at,
    petitionId: row.petition_id,
    rejection: row.rejection_reason ? compact({ reason: row.rejection_reason, note: row.rejection_note }) : undefined,
  });
}

/** A proposal a moderator may decide on now, or a 409. */
export async function awaitingDecision(trx: Transaction<Database>, id: string): Promise<ProposalRow> {
  const row = await getProposal(trx, id);
  if (row.status !== 'moderation') {
    throw new HttpProblem(409, 'proposal-not-in-moderation', 'This proposal is not awaiting moderation', {
      detail: `It is ${row.status}.`,
    });
  }
  return row;
}
