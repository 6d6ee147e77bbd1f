import * as z from 'zod/mini';
import { accepted, int, oneOf, optionalText, text } from './build.js';
import { Email, Honeypot, HttpUrl, Id } from './common.js';

// Petitions started by residents (issue 17): a proposal is confirmed by its creator's email, gathers sponsors, and
// a moderator publishes it as a petition or rejects it. Not part of `./index.js`: only `<civic-petition-start>`
// loads these, through `@civic-widgets/client/proposals`, so the root client's download does not grow.

/**
 * Where a proposal stands: `unconfirmed` until its creator follows the mailed link, `gathering` sponsors,
 * `moderation` once it has enough, then `published` (as the petition `petitionId`) or `rejected`.
 */
export const ProposalStatus = oneOf(['unconfirmed', 'gathering', 'moderation', 'published', 'rejected']);

/** The standard reasons for rejecting a proposal. `offensive` and `personal-information` hide its text. */
export const RejectionReason = oneOf([
  'duplicate',
  'not-council-responsibility',
  'offensive',
  'personal-information',
  'advertising',
  'no-clear-action',
]);

/** The reasons whose proposal is shown without its title, background and details. */
export const TEXT_HIDING_REASONS: readonly RejectionReason[] = ['offensive', 'personal-information'];

/** The creator's details, shared by a proposal and a sponsor. */
const Person = {
  name: text(100),
  email: Email.check(z.maxLength(254)),
  postcode: z.string().check(z.minLength(2), z.maxLength(10)),
  /** Must be `true`: the person agreed to the privacy notice. */
  consent: accepted('Consent is required'),
  website: Honeypot,
};

/** `POST /petition-proposals`: a resident starts a petition. */
export const PetitionProposalRequest = z.object({
  /** What the petition asks for. */
  title: z.string().check(z.minLength(10), z.maxLength(80)),
  background: text(300),
  details: optionalText(800),
  ...Person,
  /** The creator's language (BCP 47), for the mails about the proposal. */
  locale: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
});

/** The answer to a proposal: its id (for the sponsor link) and how many sponsors it needs. */
export const ProposalReceipt = z.object({
  id: Id,
  status: ProposalStatus,
  sponsorsNeeded: int().check(z.gte(0)),
});

/** Why a proposal was rejected; `note` is the moderator's, shown as text. */
export const Rejection = z.object({ reason: RejectionReason, note: optionalText(1000) });

/**
 * `GET /petition-proposals/{id}`: the public view. A proposal rejected for a reason in `TEXT_HIDING_REASONS` has no
 * `title`, `background` or `details`.
 */
export const Proposal = z.object({
  id: Id,
  title: z.optional(text(80)),
  background: z.optional(text(300)),
  details: optionalText(800),
  status: ProposalStatus,
  sponsorCount: int().check(z.gte(0)),
  sponsorsNeeded: int().check(z.gte(0)),
  /** The petition it became, once published. */
  petitionId: z.optional(Id),
  rejection: z.optional(Rejection),
});

/** `POST /petition-proposals/{id}/sponsors`: a resident supports a proposal before it goes to moderation. */
export const SponsorRequest = z.object(Person);

/** A sponsor counts once they confirm their email, so every answer is `unconfirmed`. */
export const SponsorReceipt = z.object({ status: oneOf(['unconfirmed']) });

/** `GET /petitions/similar?q=`: at most 5 open petitions whose text matches `q`, best first. */
export const SimilarPetitions = z.object({
  data: z
    .array(z.object({ id: Id, title: text(300), signatureCount: int().check(z.gte(0)), url: z.optional(HttpUrl) }))
    .check(z.maxLength(5)),
});

/** The query of `similarPetitions`: what the resident has typed as a title. */
export const SimilarQuery = z.string().check(z.minLength(1), z.maxLength(200));

export type ProposalStatus = z.infer<typeof ProposalStatus>;
export type RejectionReason = z.infer<typeof RejectionReason>;
export type PetitionProposalRequest = z.infer<typeof PetitionProposalRequest>;
export type ProposalReceipt = z.infer<typeof ProposalReceipt>;
export type Rejection = z.infer<typeof Rejection>;
export type Proposal = z.infer<typeof Proposal>;
export type SponsorRequest = z.infer<typeof SponsorRequest>;
export type SponsorReceipt = z.infer<typeof SponsorReceipt>;
export type SimilarPetitions = z.infer<typeof SimilarPetitions>;
