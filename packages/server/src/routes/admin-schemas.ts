import { Rejection, RejectionReason } from '@civic-widgets/client/proposals';
import { GovernmentResponse, Petition, PetitionStatus, Poll, Service } from '@civic-widgets/client/schemas';
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

export const ServiceInput = z.omit(Service, { distanceKm: true });

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
