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
