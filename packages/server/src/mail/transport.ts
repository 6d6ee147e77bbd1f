import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where emails go. The default keeps them in the `outbox` table; an SMTP transport can replace it. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/** Hides most of an address, for logs: `j***@example.org`. */
export const maskAddress = (address: string) => address.replace(/^(.).*@/, '$1***@');

/**
 * Writes each mail to the outbox table and a log line (with the address masked), so that a demo or a
 * test can follow the confirmation link without a mail server.
 */
export function outboxTransport(db: Kysely<Database>, log: (message: string) => void, now: () => Date): MailTransport {
  return {
    async send(mail) {
      await db
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          to_address: mail.to,
          subject: mail.subject,
          text: mail.text,
          created_at: now().toISOString(),
          sent_at: null,
        })
        .execute();
      log(`mail to ${maskAddress(mail.to)}: ${mail.subject}\n${mail.text}`);
    },
  };
}
