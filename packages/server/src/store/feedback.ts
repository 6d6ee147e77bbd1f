import { randomUUID } from 'node:crypto';
import { stripPageUrl } from '@civic-widgets/client/domain';
import type { FeedbackRequest } from '@civic-widgets/client/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/problems.js';
import { compact } from './json.js';

/**
 * Stores a rating, or completes an earlier one: a follow-up (`followUpTo`, the first answer's receipt, same
 * topic) adds its comment, reasons and field answers to that row and answers with the same receipt, so one citizen's feedback
 * counts once. Fields the follow-up leaves out keep what the first answer said.
 */
export async function storeFeedback(trx: Transaction<Database>, body: FeedbackRequest, now: Date) {
  if (body.followUpTo) {
    const earlier = await trx
      .selectFrom('feedback')
      .select('id')
      .where('id', '=', body.followUpTo)
      .where('topic', '=', body.topic)
      .executeTakeFirst();
    if (!earlier) throw notFound('Feedback to follow up');
    await trx
      .updateTable('feedback')
      .set(
        compact({
          rating_scale: body.rating.scale,
          rating_value: body.rating.value,
          comment: body.comment?.trim() || undefined,
          reasons: body.reasons?.length ? JSON.stringify(body.reasons) : undefined,
          fields: body.fields?.length ? JSON.stringify(body.fields) : undefined,
          page_url: body.pageUrl ? stripPageUrl(body.pageUrl) : undefined,
          locale: body.locale,
        }),
      )
      .where('id', '=', earlier.id)
      .execute();
    return { receiptId: earlier.id };
  }
  const receiptId = randomUUID();
  await trx
    .insertInto('feedback')
    .values({
      id: receiptId,
      topic: body.topic,
      rating_scale: body.rating.scale,
      rating_value: body.rating.value,
      comment: body.comment?.trim() || null,
      reasons: body.reasons?.length ? JSON.stringify(body.reasons) : null,
      fields: body.fields?.length ? JSON.stringify(body.fields) : null,
      page_url: (body.pageUrl && stripPageUrl(body.pageUrl)) ?? null,
      locale: body.locale ?? null,
      created_at: now.toISOString(),
    })
    .execute();
  return { receiptId };
}
