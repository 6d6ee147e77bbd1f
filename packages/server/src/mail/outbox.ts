// A transactional outbox for mail. A confirmation mail is written in the same transaction as the signature it
// confirms, so it exists exactly when the signature does: a crash or a failing mail relay between the commit and
// the sending can delay it but never lose it, and a signature rolled back sends nothing.
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
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
      claimed_until: null,
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
  /**
   * How long a claim holds (default 5 minutes): longer than a relay may take to answer (the SMTP transport
   * gives up well before), so that two live deliveries never both send a mail, yet a mail claimed by a process
   * that then died is sent by another once the claim expires.
   */
  claimMs?: number;
}

const HOUR = 3_600_000;
const FIVE_MINUTES = 300_000;

/** Mail waiting to be sent whose backoff is over and that no live delivery holds, at the time `at`. */
const unclaimedAndDue = (at: string) => (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.and([
    eb('sent_at', 'is', null),
    eb('failed_at', 'is', null),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]),
    eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]),
  ]);

/**
 * Hands every queued mail that is due to the transport, oldest first, and returns how many went out. Each mail
 * is claimed for a while (`claimed_until`) before it is handed over, so deliveries running at once, in this
 * process or another instance, never send it twice; it is marked sent once the relay took it. A claim that
 * expires (its process died mid-send) makes the mail due again: a crash delays a mail but never loses it. The
 * one mail that can go out twice is one the relay took just before its process died, before the mark.
 * A temporary refusal releases the mail and sets when to try again (exponential backoff); a permanent one sets
 * it aside as failed, with the relay's reason. Neither stops the mail queued after it.
 */
export async function deliverQueuedMail(
  db: Kysely<Database>,
  transport: MailTransport,
  { now, warn, rate, retryBaseMs = 30_000, claimMs = FIVE_MINUTES }: DeliveryOptions,
): Promise<number> {
  const queued = await db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text', 'html', 'attempts'])
    .where(unclaimedAndDue(now().toISOString()))
    .orderBy('created_at')
    .execute();
  const gap = rate ? 1000 / rate : 0;
  let lastSend = 0;
  let sent = 0;
  for (const mail of queued) {
    const claimedAt = now();
    const claim = await db
      .updateTable('outbox')
      .set({ claimed_until: new Date(claimedAt.getTime() + claimMs).toISOString() })
      .where('id', '=', mail.id)
      .where(unclaimedAndDue(claimedAt.toISOString()))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    // Paced from the end of the last send, so that the relay sees mails at most `rate` a second.
    const wait = lastSend + gap - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      await transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
    } catch (error) {
      await setAside(db, mail, error, { now, warn, retryBaseMs });
      continue;
    } finally {
      lastSend = Date.now();
    }
    sent++;
    await db
      .updateTable('outbox')
      .set({ sent_at: now().toISOString(), claimed_until: null })
      .where('id', '=', mail.id)
      .execute();
  }
  return sent;
}

/**
 * Releases a mail the relay refused: for good (a permanent refusal marks it failed, with the relay's reason) or
 * for now (due again after an exponential backoff).
 */
async function setAside(
  db: Kysely<Database>,
  mail: { id: string; attempts: number },
  error: unknown,
  { now, warn, retryBaseMs }: Pick<DeliveryOptions, 'now' | 'warn'> & { retryBaseMs: number },
): Promise<void> {
  const failure = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const attempts = mail.attempts + 1;
  if (error instanceof PermanentMailError) {
    await db
      .updateTable('outbox')
      .set({ claimed_until: null, failed_at: now().toISOString(), failure, attempts })
      .where('id', '=', mail.id)
      .execute();
    warn('mail refused by the relay for good; it is marked failed', error);
    return;
  }
  const backoff = Math.min(retryBaseMs * 2 ** mail.attempts, HOUR);
  await db
    .updateTable('outbox')
    .set({ claimed_until: null, attempts, next_attempt_at: new Date(now().getTime() + backoff).toISOString(), failure })
    .where('id', '=', mail.id)
    .execute();
  warn('mail not delivered; it stays queued', error);
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
