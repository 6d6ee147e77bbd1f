import { isValidTimeZone } from '@civic-widgets/client/domain';
import { Rejection, RejectionReason } from '@civic-widgets/client/proposals';
import {
  GovernmentResponse,
  Id,
  Petition,
  PetitionStatus,
  Poll,
  RatingScale,
  Service,
} from '@civic-widgets/client/schemas';
import * as z from 'zod/mini';

// Admin bodies are derived from the protocol's schemas, never written out again: what an administrator can
// set is exactly what residents are later shown, minus the fields the server owns.

export const PetitionInput = z.extend(z.omit(Petition, { signatureCount: true, response: true, status: true }), {
  status: z._default(PetitionStatus, 'open'),
  requiresConfirmation: z._default(z.boolean(), false),
});

export const PetitionPatch = z.partial(z.omit(PetitionInput, { id: true }));

export const ResponseInput = z.extend(GovernmentResponse, {
  respondedAt: z.optional(GovernmentResponse.shape.respondedAt),
});

export const PollInput = z.extend(z.omit(Poll, { status: true }), { status: z.optional(z.enum(['open', 'closed'])) });

export const PollPatch = z.partial(z.omit(PollInput, { id: true }));

/** A service as the protocol has it, with a time zone the clock can read (a wrong one would break "open now"). */
export const ServiceInput = z.omit(Service, { distanceKm: true }).check(
  z.refine((service) => !service.hours || isValidTimeZone(service.hours.timeZone), {
    path: ['hours', 'timeZone'],
    message: 'Not a time zone (use an IANA name such as Europe/London)',
  }),
);

export const CategoryInput = z.object({ label: z.string().check(z.minLength(1), z.maxLength(200)) });

/**
 * Publishing a resident's proposal: the petition takes its title, background (as summary) and details (as body);
 * the officer sets the rest. `petitionId` defaults to a slug of the title.
 */
export const PublishInput = z.extend(
  z.partial(
    z.pick(PetitionInput, {
      closesAt: true,
      thresholds: true,
      signerFields: true,
      allowPublicName: true,
      requiresConfirmation: true,
    }),
  ),
  { petitionId: z.optional(Petition.shape.id), privacyNoticeUrl: Petition.shape.privacyNoticeUrl },
);

export const RejectInput = z.object({ reason: RejectionReason, note: Rejection.shape.note });
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Limit = z.optional(z.int().check(z.gte(1), z.lte(100)));

/** The console's feedback inbox: which comments, and where the page starts (the last page's `next`). */
export const FeedbackInboxQuery = z.object({
  topic: z.optional(Id),
  scale: z.optional(RatingScale),
  /** First day shown (UTC), inclusive. */
  from: z.optional(Day),
  /** Last day shown (UTC), inclusive. */
  to: z.optional(Day),
  withComment: z.optional(z.boolean()),
  status: z.optional(z.enum(['new', 'read', 'actioned'])),
  after: z.optional(z.string().check(z.maxLength(300))),
  limit: Limit,
});

/** Reading a comment, or acting on it: acting needs a note of what was done, for the next officer. */
export const FeedbackTriage = z
  .object({
    status: z.enum(['read', 'actioned']),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  })
  .check(
    z.refine((triage) => triage.status !== 'actioned' || Boolean(triage.note), {
      path: ['note'],
      message: 'Say what was done',
    }),
  );

/** The audit log page: filtered by who and by what, newest first, a page at a time. */
export const AuditQuery = z.object({
  actor: z.optional(z.string().check(z.maxLength(254))),
  /** An action (`poll.close`), or a kind of thing (`poll`): every action on it. */
  action: z.optional(z.string().check(z.maxLength(100), z.regex(/^[a-z0-9.-]+$/))),
  /** The id of the last entry of the page before. */
  before: z.optional(z.int().check(z.gte(1))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
});
