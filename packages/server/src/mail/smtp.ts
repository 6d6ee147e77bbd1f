import nodemailer from 'nodemailer';
import { type MailTransport, PermanentMailError } from './transport.js';

/** What nodemailer's errors carry: the SMTP reply code, and its own code for the stage that failed. */
interface SmtpError {
  responseCode?: number;
  code?: string;
  response?: string;
  message?: string;
}

/**
 * Whether a relay's refusal is final. A 5xx reply (no such mailbox, message refused) or an address nodemailer
 * cannot send to will fail the same way every time; a 4xx (greylisting, a full queue) or a relay that cannot
 * be reached may pass later.
 */
export function isPermanent(error: SmtpError): boolean {
  if (error.responseCode !== undefined) return error.responseCode >= 500 && error.responseCode < 600;
  return error.code === 'EENVELOPE' || error.code === 'EMESSAGE';
}

/**
 * Sends mail through an SMTP relay (`smtp://` with STARTTLS when the relay offers it, or `smtps://`), built on
 * nodemailer: its connection handling, TLS, authentication and MIME encoding are years of other people's bugs
 * fixed. A connection per mail: at the paced rate (`CIVIC_MAIL_RATE`) that costs the relay little, and a relay
 * that restarts finds no connection of ours to wait for. Its timeouts end a send well within the outbox's
 * five-minute claim, so a relay that stops answering never lets a second delivery send the same mail.
 */
export function smtpTransport(url: string, from: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(
    {
      url,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from },
  );
  return {
    async send(mail) {
      try {
        await transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (error) {
        const smtp = error as SmtpError;
        if (!isPermanent(smtp)) throw error;
        throw new PermanentMailError(smtp.response ?? smtp.message ?? 'refused by the relay', { cause: error });
      }
    },
    close: () => transporter.close(),
  };
}
