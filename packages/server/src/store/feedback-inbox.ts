import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type * as z from 'zod/mini';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/problems.js';
import type { FeedbackInboxQuery, FeedbackTriage } from '../routes/admin-schemas.js';
import { fromJson } from './json.js';

type Db = Kysely<Database> | Transaction<Database>;
export type InboxQuery = z.infer<typeof FeedbackInboxQuery>;

/** Where a page starts: just after the last row of the page before, in the inbox's newest-first order. */
const encodeCursor = (row: { created_at: string; id: string }) =>
  Buffer.from(`${row.created_at}\n${row.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('\n');
  return at && id ? { at, id } : undefined;
}

/** The filters of the inbox (and of its CSV), on whichever query selects from `feedback`. */
function filtered<O>(query: SelectQueryBuilder<Database, 'feedback', O>, filter: InboxQuery) {
  let q = query;
  if (filter.topic) q = q.where('topic', '=', filter.topic);
  if (filter.scale) q = q.where('rating_scale', '=', filter.scale);
  // Stored as ISO strings in UTC, which sort as the instants they name.
  if (filter.from) q = q.where('created_at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) q = q.where('created_at', '<=', `${filter.to}T23:59:59.999Z`);
  if (filter.withComment) q = q.where('comment', 'is not', null);
  if (filter.status === 'new') q = q.where('triage_status', 'is', null);
  else if (filter.status) q = q.where('triage_status', '=', filter.status);
  const cursor = filter.after ? decodeCursor(filter.after) : undefined;
  if (cursor) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', cursor.at), eb.and([eb('created_at', '=', cursor.at), eb('id', '<', cursor.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc');
}

/** One page of the inbox, newest first, read with the indexes on (created_at, id) and (topic, created_at, id). */
export async function inboxPage(db: Db, filter: InboxQuery) {
  const limit = filter.limit ?? 25;
  // One row more than the page says whether another page follows, without counting the whole table.
  const rows = await filtered(db.selectFrom('feedback').selectAll(), filter)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      topic: row.topic,
      pageUrl: row.page_url,
      rating: { scale: row.rating_scale, value: row.rating_value },
      comment: row.comment,
      reasons: row.reasons ? fromJson<string[]>(row.reasons) : [],
      status: row.triage_status ?? 'new',
      note: row.triage_note,
      triagedAt: row.triaged_at,
      triagedBy: row.triaged_by,
    })),
    next: rows.length > limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** Every row the filter shows, a thousand at a time: what the CSV export writes. */
export async function* inboxRows(db: Db, filter: InboxQuery) {
  let after = filter.after;
  for (;;) {
    const rows = await filtered(db.selectFrom('feedback').selectAll(), { ...filter, after })
      .limit(1000)
      .execute();
    yield* rows;
    if (rows.length < 1000) return;
    after = encodeCursor(rows.at(-1)!);
  }
}

/** Marks a comment read, or actioned with the officer's note. */
export async function triage(
  trx: Transaction<Database>,
  id: string,
  input: z.infer<typeof FeedbackTriage>,
  actor: string | null,
  now: Date,
) {
  const result = await trx
    .updateTable('feedback')
    .set({
      triage_status: input.status,
      triage_note: input.note || null,
      triaged_at: now.toISOString(),
      triaged_by: actor,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound('Feedback');
}
