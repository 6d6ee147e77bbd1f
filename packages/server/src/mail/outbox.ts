// A transactional outbox for mail. A confirmation mail is written in the same transaction as the signature it
// confirms, so it exists exactly when the signature does: a crash or a failing mail relay between the commit and
// the sending can delay it but never lose it, and a signature rolled back sends nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Mail, MailTransport } from './transport.js';

/** Queues `mail` inside the caller's transaction. */
export async function queueMail(trx: Transaction<Database>, mail: Mail, now: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      to_address: mail.to,
      subject: mail.subject,
      text: mail.text,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

/**
 * Hands every queued mail to the transport, oldest first, and returns how many went out. Each mail is claimed
 * (its `sent_at` set) before it is handed over, so deliveries running at once never send it twice; a mail the
 * transport refuses is released and tried again by the next delivery (after the next queued mail, and when the
 * server starts).
 */
export async function deliverQueuedMail(
  db: Kysely<Database>,
  transport: MailTransport,
  now: () => Date,
  warn: (message: string, error: unknown) => void,
): Promise<number> {
  const queued = await db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text'])
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .execute();
  let sent = 0;
  for (const mail of queued) {
    const claim = await db
      .updateTable('outbox')
      .set({ sent_at: now().toISOString() })
      .where('id', '=', mail.id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.text });
      sent++;
    } catch (error) {
      await db.updateTable('outbox').set({ sent_at: null }).where('id', '=', mail.id).execute();
      warn('mail not delivered; it stays queued', error);
    }
  }
  return sent;
}
