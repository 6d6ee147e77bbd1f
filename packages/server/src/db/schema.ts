import type { Generated } from 'kysely';

// Column types that both SQLite and PostgreSQL store the same way: text for timestamps (ISO 8601, UTC) and
// JSON, integers for flags and counts.

export interface PetitionTable {
  id: string;
  title: string;
  summary: string;
  body: string | null;
  status: 'open' | 'closed' | 'responded';
  closes_at: string | null;
  /** JSON `Threshold[]`. */
  thresholds: string;
  /** JSON `GovernmentResponse`. */
  response: string | null;
  /** JSON `SignerField[]`. */
  signer_fields: string;
  allow_public_name: number;
  privacy_notice_url: string;
  requires_confirmation: number;
  created_at: string;
  updated_at: string;
}

/**
 * A petition's count of counted signatures, spread over a few rows (shards) whose sum is the count. Each
 * signature adds one to a random shard inside its transaction, so signers of one petition rarely wait for each
 * other's commit (on PostgreSQL one counter row made every signature wait for the previous one's disk flush).
 */
export interface SignatureTallyTable {
  petition_id: string;
  shard: number;
  tally: number;
}

export interface SignatureTable {
  /** The receipt id given to the signer. */
  id: string;
  petition_id: string;
  /** As typed. Empty once erased by retention. */
  email: string;
  /** Normalised for matching (see email-key.ts); unique per petition. */
  email_key: string;
  name: string;
  postcode: string | null;
  country: string | null;
  show_name: number;
  status: 'counted' | 'pending_confirmation';
  /** SHA-256 of the confirmation token; the token itself is only in the email. */
  confirm_token_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
}

export interface PollTable {
  id: string;
  question: string;
  description: string | null;
  kind: 'single' | 'multiple' | 'ranked';
  /** `closed` when an administrator closed it early; otherwise the window decides. */
  status: 'open' | 'closed';
  opens_at: string | null;
  closes_at: string | null;
  /** JSON `PollOption[]`. */
  options: string;
  max_choices: number | null;
  results_visibility: 'after_vote' | 'after_close' | 'always' | 'never';
  suppress_below: number | null;
  created_at: string;
  updated_at: string;
}

export interface VoteTable {
  id: string;
  poll_id: string;
  voter_token: string | null;
  created_at: string;
}

/** One row per chosen option: `rank` 0 is the first (or only) choice. */
export interface VoteChoiceTable {
  vote_id: string;
  poll_id: string;
  option_id: string;
  rank: number;
}

export interface FeedbackTable {
  id: string;
  topic: string;
  rating_scale: string;
  rating_value: number;
  comment: string | null;
  /** JSON `string[]`. */
  reasons: string | null;
  /** JSON `FieldAnswer[]`: answers to the extra questions of an Open311-style backend. */
  fields: string | null;
  page_url: string | null;
  locale: string | null;
  created_at: string;
  /** What an officer did with it in the console's inbox: null while nobody has, then `read` or `actioned`. */
  triage_status: 'read' | 'actioned' | null;
  /** The officer's note on what was done: the council's text, never shown to residents. */
  triage_note: string | null;
  triaged_at: string | null;
  /** The officer's email, as in the audit log. */
  triaged_by: string | null;
}

export interface FeedbackTopicTable {
  id: string;
  label: string;
}

export interface ServiceTable {
  id: string;
  name: string;
  description: string | null;
  organization: string;
  location_name: string | null;
  address: string;
  postcode: string | null;
  lat: number;
  lng: number;
  phone: string | null;
  email: string | null;
  url: string | null;
  /** JSON `string[]`. */
  languages: string | null;
  accessibility: string | null;
  eligibility: string | null;
  /** JSON `OpeningHours`. */
  hours: string | null;
  updated_at: string;
}

export interface ServiceCategoryTable {
  service_id: string;
  category_id: string;
}

export interface CategoryTable {
  id: string;
  label: string;
}

export interface PostcodeTable {
  /** Upper case with one space, e.g. `LS1 3AB`. */
  postcode: string;
  lat: number;
  lng: number;
}

export interface IdempotencyTable {
  key: string;
  /** SHA-256 of method, path and body: a key reused for a different request is refused. */
  fingerprint: string;
  status: number;
  /** JSON of the first response. */
  body: string;
  created_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  action: string;
  target: string;
  /** JSON details: which fields changed, how many rows were exported. Never personal data. */
  details: string;
  /** Who did it: an officer's email, `token` for the bearer token of scripts; null before accounts existed. */
  actor: string | null;
}

/** An officer's account: `role` is `admin`, `editor` or `viewer`. */
export interface UserTable {
  id: string;
  email: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash` (base64url); null for accounts that sign in through single sign-on only. */
  password_hash: string | null;
  created_at: string;
  /** A disabled account cannot sign in, and its sessions end. */
  disabled_at: string | null;
  /** The OpenID Connect provider and subject this account signs in as (single sign-on); null for local only. */
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

/** A single sign-on under way: what the provider's answer must match. The browser's cookie holds the key. */
export interface OidcSignInTable {
  /** SHA-256 of the random key in the browser's short-lived cookie. */
  key_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
}

/** A signed-in browser: the cookie holds the token, the database only its SHA-256. */
export interface SessionTable {
  token_hash: string;
  user_id: string;
  /** Sent back by the console in `X-CSRF-Token` with every change. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The provider's ID token of a single sign-on (the hint for signing out there too); null otherwise. */
  id_token: string | null;
}

/** Failed sign-ins per account and per address in the current window: what throttles guessing. */
export interface SignInFailureTable {
  key: string;
  window_start: string;
  failures: number;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text`. */
  html: string | null;
  created_at: string;
  /** Set when the relay took the mail. */
  sent_at: string | null;
  /** Until when a delivery holds the mail: while it holds, no other delivery sends it. */
  claimed_until: string | null;
  /** Deliveries the relay refused for now (4xx, unreachable). */
  attempts: Generated<number>;
  /** Not before this time: the backoff after a temporary refusal. */
  next_attempt_at: string | null;
  /** Set when the relay refused the mail for good (5xx, bad address): never tried again. */
  failed_at: string | null;
  /** The relay's answer for the last refusal. */
  failure: string | null;
}

/** One client's current rate-limit window; `window_start` in milliseconds since the epoch. */
export interface RateLimitTable {
  key: string;
  window_start: number | string;
  hits: number;
}

/** Random values every instance must agree on, made by the first instance that needs them. */
export interface ServerSecretTable {
  name: string;
  value: string;
}

/**
 * A petition a resident started (issue 17): `unconfirmed` until the creator follows the mailed link, then
 * `gathering` sponsors, `moderation` once enough have confirmed, then `published` or `rejected`.
 */
export interface PetitionProposalTable {
  id: string;
  title: string;
  background: string;
  details: string | null;
  name: string;
  email: string;
  email_key: string;
  postcode: string;
  /** The mail language, one of the five. */
  locale: string;
  status: 'unconfirmed' | 'gathering' | 'moderation' | 'published' | 'rejected';
  confirm_token_hash: string;
  /** JSON `ProposalFlag[]`: what the moderator should look at (near-duplicate, links, email addresses). */
  flags: string;
  /** The petition it became. */
  petition_id: string | null;
  rejection_reason: string | null;
  rejection_note: string | null;
  created_at: string;
  confirmed_at: string | null;
  decided_at: string | null;
}

/** A resident supporting a proposal: counted once `confirmed`, one per normalised email per proposal. */
export interface ProposalSponsorTable {
  id: string;
  proposal_id: string;
  email: string;
  email_key: string;
  name: string;
  postcode: string;
  status: 'unconfirmed' | 'confirmed';
  confirm_token_hash: string;
  created_at: string;
  confirmed_at: string | null;
}

export interface Database {
  petition_proposals: PetitionProposalTable;
  proposal_sponsors: ProposalSponsorTable;
  petitions: PetitionTable;
  signatures: SignatureTable;
  signature_tallies: SignatureTallyTable;
  polls: PollTable;
  votes: VoteTable;
  vote_choices: VoteChoiceTable;
  feedback: FeedbackTable;
  feedback_topics: FeedbackTopicTable;
  services: ServiceTable;
  service_categories: ServiceCategoryTable;
  categories: CategoryTable;
  postcodes: PostcodeTable;
  idempotency_keys: IdempotencyTable;
  audit_log: AuditTable;
  outbox: OutboxTable;
  rate_limits: RateLimitTable;
  server_secrets: ServerSecretTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  oidc_sign_ins: OidcSignInTable;
}
