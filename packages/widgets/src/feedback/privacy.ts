// Privacy helpers of <civic-feedback>, kept pure so that they are tested on their own (privacy.test.ts).

/** What replaces a removed email address, phone number or long digit run. Neutral, so every language reads it. */
export const REDACTED = '[…]';

// An email: something@domain.tld, in any script (internationalised addresses included).
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Digits with the separators people type in phone, card and ID numbers: runs of 7 or more digits once the
// separators are ignored are personal (shorter ones are ratings, years, prices, house numbers). `\p{Nd}` also
// catches Arabic-Indic and full-width digits.
const DIGIT_RUN = /\+?\(?\p{Nd}(?:[\p{Nd} ().\-/]*\p{Nd})?/gu;
const MIN_DIGITS = 7;

/**
 * Free text with email addresses, phone numbers and long digit runs (card, account and ID numbers) replaced by
 * `REDACTED`. Numbers of up to six digits stay ("3 stars", "2024", "£1,200", "bus 42"), as do dates, whose
 * parts are short.
 */
export function redact(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\P{Nd}/gu, '').length;
    if (digits < MIN_DIGITS) return run;
    // A date or a range written with separators (2024-05-01, 10/12/2024) is several short numbers, not an ID.
    if (/^(?:\p{Nd}{4}|\p{Nd}{1,2})([-/.])\p{Nd}{1,2}\1(?:\p{Nd}{4}|\p{Nd}{1,2})$/u.test(run)) return run;
    return REDACTED;
  });
}

/** Whether this page view is in the sample: `rate` 1 shows always, 0.1 to about one view in ten. */
export function sampled(rate: number, random: () => number): boolean {
  if (!(rate < 1)) return true;
  return rate > 0 && random() < rate;
}

const storageKey = (topic: string) => `civic-feedback:${topic}`;

/**
 * Whether feedback on `topic` was given on this browser less than `days` ago. Reads `localStorage` only when a
 * cool-down is set; a browser that blocks storage just asks again.
 */
export function coolingDown(topic: string, days: number, now = Date.now()): boolean {
  if (!(days > 0)) return false;
  try {
    const at = Number(localStorage.getItem(storageKey(topic)));
    return at > 0 && now - at < days * 86_400_000;
  } catch {
    return false;
  }
}

/** Remembers that feedback on `topic` was given now (only the time: nothing about the answer). */
export function rememberFeedback(topic: string, now = Date.now()): void {
  try {
    localStorage.setItem(storageKey(topic), String(now));
  } catch {
    // Storage blocked or full: the cool-down is a courtesy, not a guarantee.
  }
}
