import { randomUUID } from 'node:crypto';
import type { FeedbackRequest } from '@civic-widgets/client/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The page address without query string, fragment or credentials: those can carry a resident's search terms,
 * tokens or session ids, which feedback has no use for.
 */
export function stripPageUrl(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    url.search = '';
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}

export async function storeFeedback(trx: Transaction<Database>, body: FeedbackRequest, now: Date) {
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
      page_url: body.pageUrl ? stripPageUrl(body.pageUrl) : null,
      locale: body.locale ?? null,
      created_at: now.toISOString(),
    })
    .execute();
  return { receiptId };
}
