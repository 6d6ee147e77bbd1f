import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { emailKey, petitionStatus } from '@civic-widgets/client/domain';
import type {
  GovernmentResponse,
  Petition,
  PetitionListQuery,
  PetitionSummary,
  SignatureReceipt,
  SignatureRequest,
  Threshold,
} from '@civic-widgets/client/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PetitionTable } from '../db/schema.js';
import { HttpProblem, notFound } from '../http/problems.js';
import { utc } from './dates.js';
import { compact, fromJson } from './json.js';
import { indexPetition } from './petition-search.js';
import { addToTally, currentCount, signatureCount, toCount } from './signature-tally.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A petition as stored: the protocol's fields plus what only administrators see. */
export interface PetitionRecord extends Petition {
  requiresConfirmation: boolean;
}

export function toPetition(
  row: Selectable<PetitionTable> & { signature_count: number | string | null },
): PetitionRecord {
  return compact({
    id: row.id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status,
    signatureCount: toCount(row.signature_count),
    closesAt: row.closes_at,
    thresholds: fromJson<Threshold[]>(row.thresholds),
    response: row.response ? fromJson<GovernmentResponse>(row.response) : undefined,
    signerFields: fromJson<Petition['signerFields']>(row.signer_fields),
    allowPublicName: row.allow_public_name === 1,
    privacyNoticeUrl: row.privacy_notice_url,
    requiresConfirmation: row.requires_confirmation === 1,
  }) as PetitionRecord;
}

/** The public view: the status as of `now`, administrators' settings removed. */
export function publicPetition({ requiresConfirmation: _, ...petition }: PetitionRecord, now: Date): Petition {
  return { ...petition, status: petitionStatus(petition, now.getTime()) };
}

export async function findPetition(db: Db, id: string): Promise<PetitionRecord | undefined> {
  const row = await db
    .selectFrom('petitions')
    .selectAll('petitions')
    .select(signatureCount)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toPetition(row);
}

export async function getPetition(db: Db, id: string): Promise<PetitionRecord> {
  const found = await findPetition(db, id);
  if (!found) throw notFound('Petition');
  return found;
}

/** Status depends on the clock, so the filter runs after reading (a council has tens of petitions, not millions). */
export async function listPetitions(db: Db, query: PetitionListQuery, now: Date) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const rows = await db
    .selectFrom('petitions')
    .select(['id', 'title', 'summary', 'status', 'closes_at'])
    .select(signatureCount)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const all: PetitionSummary[] = rows
    .map((row) =>
      compact({
        id: row.id,
        title: row.title,
        summary: row.summary,
        status: petitionStatus({ status: row.status, closesAt: row.closes_at }, now.getTime()),
        signatureCount: toCount(row.signature_count),
        closesAt: row.closes_at,
      }),
    )
    .filter((petition) => !query.status || petition.status === query.status);
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

export interface SignOutcome {
  receipt: SignatureReceipt;
  /** Present when a confirmation email must be sent (after the transaction commits). */
  confirmToken?: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Records a signature. A second signature with the same normalised email is answered exactly like a first one
 * (a new receipt id, the same status a first signer would get) so that the response never reveals whether
 * someone has signed; it is neither stored nor counted.
 */
export async function sign(
  trx: Transaction<Database>,
  petitionId: string,
  body: SignatureRequest,
  now: Date,
): Promise<SignOutcome> {
  const petition = await getPetition(trx, petitionId);
  if (petitionStatus(petition, now.getTime()) !== 'open') {
    throw new HttpProblem(409, 'petition-closed', 'This petition is closed', {
      detail: 'It no longer accepts signatures.',
    });
  }
  const pending = petition.requiresConfirmation;
  const token = pending ? randomBytes(32).toString('base64url') : undefined;
  const receiptId = randomUUID();
  const inserted = await trx
    .insertInto('signatures')
    .values({
      id: receiptId,
      petition_id: petitionId,
      email: body.email,
      email_key: emailKey(body.email),
      name: body.name.trim(),
      postcode: petition.signerFields.includes('postcode') ? (body.postcode?.trim() ?? null) : null,
      country: petition.signerFields.includes('country') ? (body.country ?? null) : null,
      show_name: petition.allowPublicName && body.showName ? 1 : 0,
      status: pending ? 'pending_confirmation' : 'counted',
      confirm_token_hash: token ? hashToken(token) : null,
      created_at: now.toISOString(),
      confirmed_at: null,
    })
    .onConflict((oc) => oc.columns(['petition_id', 'email_key']).doNothing())
    .executeTakeFirst();
  const isNew = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  if (isNew && !pending) await addToTally(trx, petitionId);
  // Read after the insert: a duplicate waited for the first signature's commit (PostgreSQL reads committed rows
  // per statement), so its answer includes that signature as the first signer's answer does.
  const count = await currentCount(trx, petitionId);
  return {
    receipt: { receiptId, status: pending ? 'pending_confirmation' : 'counted', signatureCount: count },
    confirmToken: isNew ? token : undefined,
  };
}

/** What a confirmation page needs to know about a token, without confirming anything. */
export async function findByToken(db: Db, token: string) {
  return db
    .selectFrom('signatures')
    .innerJoin('petitions', 'petitions.id', 'signatures.petition_id')
    .select(['signatures.id', 'signatures.status', 'petitions.id as petitionId', 'petitions.title'])
    .where('confirm_token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** Counts a pending signature. Confirming twice is harmless; an unknown token is a 404. */
export async function confirm(trx: Transaction<Database>, token: string, now: Date) {
  const found = await findByToken(trx, token);
  if (!found) throw notFound('Confirmation link');
  if (found.status === 'pending_confirmation') {
    await trx
      .updateTable('signatures')
      .set({ status: 'counted', confirmed_at: now.toISOString() })
      .where('id', '=', found.id)
      .execute();
    await addToTally(trx, found.petitionId);
  }
  return found;
}

/** The fields an administrator sets; `signatureCount` is the server's own. */
export type PetitionInput = Omit<PetitionRecord, 'signatureCount' | 'response'>;

function petitionColumns(input: Partial<PetitionInput>) {
  return compact({
    title: input.title,
    summary: input.summary,
    body: input.body,
    status: input.status,
    closes_at: utc(input.closesAt, 'closesAt'),
    thresholds: input.thresholds && JSON.stringify(input.thresholds),
    signer_fields: input.signerFields && JSON.stringify(input.signerFields),
    allow_public_name: input.allowPublicName === undefined ? undefined : Number(input.allowPublicName),
    privacy_notice_url: input.privacyNoticeUrl,
    requires_confirmation: input.requiresConfirmation === undefined ? undefined : Number(input.requiresConfirmation),
  });
}

export async function createPetition(trx: Transaction<Database>, input: PetitionInput, now: Date, initialCount = 0) {
  if (await findPetition(trx, input.id)) throw new HttpProblem(409, 'exists', 'A petition with this id exists');
  await trx
    .insertInto('petitions')
    .values({
      id: input.id,
      title: input.title,
      summary: input.summary,
      body: input.body ?? null,
      status: input.status,
      closes_at: utc(input.closesAt, 'closesAt') ?? null,
      thresholds: JSON.stringify(input.thresholds),
      response: null,
      signer_fields: JSON.stringify(input.signerFields),
      allow_public_name: Number(input.allowPublicName ?? false),
      privacy_notice_url: input.privacyNoticeUrl,
      requires_confirmation: Number(input.requiresConfirmation),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  if (initialCount > 0) await addToTally(trx, input.id, initialCount);
  await indexPetition(trx, input);
  return getPetition(trx, input.id);
}

export async function updatePetition(trx: Transaction<Database>, id: string, input: Partial<PetitionInput>, now: Date) {
  await getPetition(trx, id);
  await trx
    .updateTable('petitions')
    .set({ ...petitionColumns(input), updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  const petition = await getPetition(trx, id);
  if (input.title !== undefined || input.summary !== undefined) await indexPetition(trx, petition);
  return petition;
}

/** Publishing the government response also marks the petition `responded`. */
export async function setResponse(trx: Transaction<Database>, id: string, response: GovernmentResponse, now: Date) {
  await getPetition(trx, id);
  await trx
    .updateTable('petitions')
    .set({
      response: JSON.stringify({ ...response, respondedAt: utc(response.respondedAt, 'respondedAt') }),
      status: 'responded',
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return getPetition(trx, id);
}
