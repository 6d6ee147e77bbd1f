import type { FeedbackReceipt, FeedbackRequest } from './schemas/feedback.js';
import type {
  Petition,
  PetitionList,
  PetitionListQuery,
  SignatureReceipt,
  SignatureRequest,
} from './schemas/petition.js';
import type { Poll, PollList, PollListQuery, PollResults, VoteReceipt, VoteRequest } from './schemas/poll.js';
import type {
  PetitionProposalRequest,
  Proposal,
  ProposalReceipt,
  SimilarPetitions,
  SponsorReceipt,
  SponsorRequest,
} from './schemas/proposal.js';
import type { ReportStatus } from './schemas/report.js';
import type { ServiceCategory, ServiceList, ServiceQuery } from './schemas/service.js';

/**
 * An extra question a backend asks with feedback (an Open311 service attribute), for a widget to render. Its
 * answer goes in `FeedbackRequest.fields[code]`.
 */
export interface FeedbackField {
  /** The key of the answer in `FeedbackRequest.fields`. */
  code: string;
  /**
   * `text` (one line), `textarea`, `number`, `datetime` (ISO 8601), `choice` (one of `options`), `choices` (any of
   * `options`, answered as a list), or `info`: text to show, with no answer.
   */
  type: 'text' | 'textarea' | 'number' | 'datetime' | 'choice' | 'choices' | 'info';
  /** The question, or the text of an `info`: plain text from the backend, never HTML. */
  label: string;
  /** Help shown under the label. */
  hint?: string;
  required: boolean;
  /** The choices of `choice` and `choices`: `value` is sent, `label` shown. */
  options?: { value: string; label: string }[];
}

/** Passed to every adapter call by the client. */
export interface RequestContext {
  /** Aborted when the attempt times out or the caller gives up. */
  signal: AbortSignal;
  /** Present on submissions: the same value on every retry and every later delivery of one submission. */
  idempotencyKey?: string;
}

/**
 * A backend, as the client sees it. The client validates every argument before calling an adapter and every
 * result after, retries, times out and queues; an adapter only translates one call into its backend's terms.
 *
 * An adapter reports failures by throwing a {@link ClientError} (`http` with the status and `retryAfterMs`,
 * `validation` with `fieldErrors`, `invalid-response`); anything else it throws counts as a `network` error.
 * See docs/client.md, "Writing an adapter".
 */
export interface Adapter {
  /** Short name, part of the outbox namespace (`rest`, `memory`, `open311`, ...). */
  readonly name: string;
  listPetitions(query: PetitionListQuery, ctx: RequestContext): Promise<PetitionList>;
  getPetition(id: string, ctx: RequestContext): Promise<Petition>;
  signPetition(id: string, body: SignatureRequest, ctx: RequestContext): Promise<SignatureReceipt>;
  submitFeedback(body: FeedbackRequest, ctx: RequestContext): Promise<FeedbackReceipt>;
  listPolls(query: PollListQuery, ctx: RequestContext): Promise<PollList>;
  getPoll(id: string, ctx: RequestContext): Promise<Poll>;
  votePoll(id: string, body: VoteRequest, ctx: RequestContext): Promise<VoteReceipt>;
  getPollResults(id: string, ctx: RequestContext): Promise<PollResults>;
  searchServices(query: ServiceQuery, ctx: RequestContext): Promise<ServiceList>;
  listServiceCategories(ctx: RequestContext): Promise<ServiceCategory[]>;
  /** Optional: the extra questions asked with feedback on `topic`, in display order. Absent means none. */
  feedbackFields?(topic: string, ctx: RequestContext): Promise<FeedbackField[]>;
  /** Optional: where a report stands, by the reference of its receipt. Absent: the backend does not say. */
  reportStatus?(reference: string, ctx: RequestContext): Promise<ReportStatus>;
  /** Optional: a resident starts a petition (docs/protocol.md, "Petition proposals"). Absent: they cannot. */
  proposePetition?(body: PetitionProposalRequest, ctx: RequestContext): Promise<ProposalReceipt>;
  /** Optional: open petitions whose text matches `q`, offered before a resident starts a new one. */
  similarPetitions?(q: string, ctx: RequestContext): Promise<SimilarPetitions>;
  /** Optional: a proposal's public view, for its sponsor page. */
  getProposal?(id: string, ctx: RequestContext): Promise<Proposal>;
  /** Optional: a resident sponsors the proposal `id`. */
  sponsorProposal?(id: string, body: SponsorRequest, ctx: RequestContext): Promise<SponsorReceipt>;
}
