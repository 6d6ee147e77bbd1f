/** A mail the server sends: the confirmation link of a signature. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text`. */
  html?: string;
}

/**
 * Hands a mail to whatever delivers it (an SMTP relay, a mail API). Mail is first queued in the `outbox` table
 * (`mail/outbox.ts`), so a transport that throws loses nothing: the mail is tried again later, unless the error
 * is a `PermanentMailError` (the relay will never take it).
 */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/** The relay refused this mail for good (an SMTP 5xx, an address it will not take): retrying cannot help. */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}

/** Hides most of an address, for logs: `j***@example.org`. */
export const maskAddress = (address: string) => address.replace(/^(.).*@/, '$1***@');

/**
 * The default transport: a log line with the address masked, so that a demo can follow the confirmation link
 * without a mail server. The mail itself stays in the `outbox` table.
 */
export function logTransport(log: (message: string) => void): MailTransport {
  return {
    async send(mail) {
      log(`mail to ${maskAddress(mail.to)}: ${mail.subject}\n${mail.text}`);
    },
  };
}
