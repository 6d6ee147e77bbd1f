// A transactional outbox for mail. A confirmation mail is written in the same transaction as the signature it
// confirms, so it exists exactly when the signature does: a crash or a failing mail relay between the commit and
// the sending can delay it but never lose it, and a signature rolled back sends nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Mail, type MailTransport, PermanentMailError } from './transport.js';

/** Queues `mail` inside the caller's transaction. */
export async function queueMail(trx: Transaction<Database>, mail: Mail, now: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      to_address: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      created_at: now.toISOString(),
      sent_at: null,
      next_attempt_at: null,
      failed_at: null,
      failure: null,
    })
    .execute();
}

export interface DeliveryOptions {
  now: () => Date;
  warn: (message: string, error: unknown) => void;
  /** Mails per second at most, so that a big petition does not flood the relay (default: no limit). */
  rate?: number;
  /** The wait after a first temporary refusal, doubled after each one, at most an hour (default 30 s). */
  retryBaseMs?: number;
}

const HOUR = 3_600_000;

/**
 * Hands every queued mail that is due to the transport, oldest first, and returns how many went out. Each mail
 * is claimed (its `sent_at` set) before it is handed over, so deliveries running at once, in this process or
 * another instance, never send it twice. A temporary refusal releases the mail and sets when to try again
 * (exponential backoff); a permanent one sets it aside as failed, with the relay's reason. Neither stops the
 * mail queued after it.
 */
export async function deliverQueuedMail(
  db: Kysely<Database>,
  transport: MailTransport,
  { now, warn, rate, retryBaseMs = 30_000 }: DeliveryOptions,
): Promise<number> {
  const due = now().toISOString();
  const queued = await db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text', 'html', 'attempts'])
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', due)]))
    .orderBy('created_at')
    .execute();
  const gap = rate ? 1000 / rate : 0;
  let lastSend = 0;
  let sent = 0;
  for (const mail of queued) {
    const claim = await db
      .updateTable('outbox')
      .set({ sent_at: now().toISOString() })
      .where('id', '=', mail.id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const wait = lastSend + gap - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastSend = Date.now();
    try {
      await transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
      sent++;
    } catch (error) {
      const failure = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (error instanceof PermanentMailError) {
        await db
          .updateTable('outbox')
          .set({ sent_at: null, failed_at: now().toISOString(), failure, attempts: mail.attempts + 1 })
          .where('id', '=', mail.id)
          .execute();
        warn('mail refused by the relay for good; it is marked failed', error);
      } else {
        const backoff = Math.min(retryBaseMs * 2 ** mail.attempts, HOUR);
        await db
          .updateTable('outbox')
          .set({
            sent_at: null,
            attempts: mail.attempts + 1,
            next_attempt_at: new Date(now().getTime() + backoff).toISOString(),
            failure,
          })
          .where('id', '=', mail.id)
          .execute();
        warn('mail not delivered; it stays queued', error);
      }
    }
  }
  return sent;
}

/**
 * This process's delivery loop: a run after each commit that queued mail and every `pollMs` (for retries and
 * mail other instances queued), one run at a time (a request during a run asks for one more), stopped before
 * the database closes.
 */
export function mailDelivery(
  db: Kysely<Database>,
  transport: MailTransport,
  options: DeliveryOptions & { pollMs: number },
) {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await deliverQueuedMail(db, transport, options);
      } catch (error) {
        options.warn('mail delivery failed; the mail stays queued', error);
      }
    } while (again && !stopped);
    running = undefined;
  };
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
  const timer = setInterval(run, options.pollMs).unref();
  return {
    run,
    /** Stops the timer and waits for the run in progress: no mail is handed over after this. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
