import type { PetitionStatus } from '../schemas/petition.js';
import type { PollStatus } from '../schemas/poll.js';

/** An ISO 8601 instant, or none (`null` as databases keep it). */
type Instant = string | null | undefined;

/** Whether the instant `at` has come by `now` (milliseconds since the epoch). No instant never comes. */
export function hasPassed(at: Instant, now: number = Date.now()): boolean {
  return !!at && now >= Date.parse(at);
}

/**
 * A petition's status as of `now`: an open petition whose closing time has passed is closed, whatever its stored
 * status says (a page loaded before the close, a backend that closes petitions in a nightly job).
 */
export function petitionStatus(
  petition: { status: PetitionStatus; closesAt?: Instant },
  now: number = Date.now(),
): PetitionStatus {
  return petition.status === 'open' && hasPassed(petition.closesAt, now) ? 'closed' : petition.status;
}

/**
 * A poll's status as of `now`: an administrator's close wins; then the window decides, `closed` from `closesAt`,
 * `upcoming` before `opensAt` and `open` after it; a poll without an opening time keeps the status it was given.
 */
export function pollStatus(
  poll: { status: PollStatus; opensAt?: Instant; closesAt?: Instant },
  now: number = Date.now(),
): PollStatus {
  if (poll.status === 'closed' || hasPassed(poll.closesAt, now)) return 'closed';
  if (poll.opensAt) return hasPassed(poll.opensAt, now) ? 'open' : 'upcoming';
  return poll.status;
}
