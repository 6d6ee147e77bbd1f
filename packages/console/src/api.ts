// The admin API as the console calls it: same origin, the session cookie, the CSRF token on every change, and
// problems (RFC 9457) turned into errors whose message a person can read.
import type { RejectionReason } from '@civic-widgets/client/proposals';
import type { Petition, Poll, PollResults, Service, ServiceCategory } from '@civic-widgets/client/schemas';

export interface Officer {
  email: string;
  role: 'viewer' | 'editor' | 'admin';
  csrfToken: string;
}

export interface Threshold {
  count: number;
  label: string;
}

export interface AdminPetition {
  id: string;
  title: string;
  summary: string;
  status: 'open' | 'closed' | 'responded';
  signatureCount: number;
  thresholds: Threshold[];
  response?: { summary: string; body?: string; respondedAt: string };
  body?: string;
  closesAt?: string;
  signerFields?: ('postcode' | 'country')[];
  allowPublicName?: boolean;
  privacyNoticeUrl?: string;
  requiresConfirmation?: boolean;
}

export type TriageStatus = 'new' | 'read' | 'actioned';

/** One resident's rating in the inbox, with what an officer did about it. */
export interface InboxItem {
  id: string;
  createdAt: string;
  topic: string;
  pageUrl: string | null;
  rating: { scale: 'thumbs' | 'stars' | 'smileys' | 'nps'; value: number };
  comment: string | null;
  reasons: string[];
  status: TriageStatus;
  note: string | null;
  triagedAt: string | null;
  triagedBy: string | null;
}

/** A page of a list read newest first: `next` asks for the page after it. */
export interface Page<T> {
  items: T[];
  next: string | number | null;
}

/** The inbox's filter, as the form gives it (empty fields left out). */
export type InboxFilter = Partial<Record<'topic' | 'scale' | 'from' | 'to' | 'status' | 'withComment', string>>;

/** A consultation as the console lists it: the poll, its status by the clock, and how many voted. */
export type AdminPoll = Poll & { totalVotes?: number };

/** One entry of the audit log: who (an officer's email, `token` for scripts) did what, on what, when. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** What a moderator should look at in a proposal; `petitionId` is the open petition a near-duplicate resembles. */
export interface ProposalFlag {
  kind: 'near-duplicate' | 'link' | 'email-address';
  petitionId?: string;
}

/** A resident's petition proposal as the moderation queue shows it (the creator's address stays on the server). */
export interface AdminProposal {
  id: string;
  title: string;
  background: string;
  details?: string;
  status: 'unconfirmed' | 'gathering' | 'moderation' | 'published' | 'rejected';
  creatorName: string;
  sponsorCount: number;
  flags: ProposalFlag[];
  createdAt: string;
}

/** What publishing a proposal asks for; the server fills in the rest of the petition. */
export interface Publication {
  privacyNoticeUrl: string;
  closesAt?: string;
}

/** A rejection: one of the standard reasons, and a note the creator and the public read. */
export interface RejectionInput {
  reason: RejectionReason;
  note?: string;
}

/** What needs attention first, for the landing page. `failedMail` only for admins. */
export interface Attention {
  newComments: number;
  /** Proposals waiting for moderation. */
  proposals: number;
  polls: Pick<Poll, 'id' | 'question' | 'status' | 'opensAt' | 'closesAt'>[];
  failedMail?: number;
}

/** A mail in the outbox as administrators see it: the address masked, the relay's reason when it failed. */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  failedAt: string | null;
  failure: string | null;
}

/** A figure of a week and how many answers it rests on; `value` null when none. */
export interface TrendFigure {
  answers: number;
  value: number | null;
}

/** Feedback of one ISO week (named by its Monday): yes 0–1, stars 1–5, CSAT 0–1, NPS −100 to 100. */
export interface TrendWeek {
  week: string;
  answers: number;
  yes: TrendFigure;
  stars: TrendFigure;
  csat: TrendFigure;
  nps: TrendFigure;
}

/** Which feedback a trend counts: a topic, a page address, or both; the last `weeks` weeks. */
export type TrendFilter = { topic?: string; page?: string; weeks?: number };
/** A page of services found, by name or best match first, with how many match in all. */
export interface ServicePage {
  items: Service[];
  total: number;
  page: number;
  pageSize: number;
}

/** What an HSDS import took, and each record it refused with why (`field`: the protocol's field refused). */
export interface ImportReport {
  dryRun: boolean;
  imported: number;
  skipped: { id: string; name?: string; reason: string; field?: string }[];
}

/** The largest HSDS file the server takes (its `IMPORT_LIMIT_BYTES`), told before a long upload is refused. */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** A refused request: `status` 401 means the session ended. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether `error` says the session ended (401); if so, `from` fires `session-ended`, which takes the console back to
 * its sign-in page. Every page and form hands its errors here first.
 */
export function endsSession(error: unknown, from: EventTarget): boolean {
  if (!(error instanceof ApiError && error.status === 401)) return false;
  from.dispatchEvent(new CustomEvent('session-ended', { bubbles: true, composed: true }));
  return true;
}

const BASE = '/api/v1/admin';
let csrfToken: string | undefined;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const problem = data as { title?: string; detail?: string };
    throw new ApiError(
      response.status,
      [problem.title, problem.detail].filter(Boolean).join('. ') || 'The request failed',
    );
  }
  return data as T;
}

/** A query string of the values that are set. */
export const query = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(values).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  ).toString();

/** The address of the inbox's CSV for a filter: a plain link, since a download needs no CSRF token. */
export const feedbackCsvUrl = (filter: InboxFilter) => `${BASE}/feedback.csv?${query(filter)}`;

/** The address of a petition's signatures as CSV: a plain link, since a download needs no CSRF token. */
export const signaturesCsvUrl = (id: string) => `${BASE}/petitions/${encodeURIComponent(id)}/signatures.csv`;

/** The address of a poll's votes as CSV (one line per chosen option; no voter tokens). */
export const votesCsvUrl = (id: string) => `${BASE}/polls/${encodeURIComponent(id)}/votes.csv`;

/** Where single sign-on starts: a page the browser leaves for the council's provider. */
export const singleSignOnUrl = `${BASE}/oidc/start`;

/** Remembers the CSRF token of the session that answers. */
const signedIn = (officer: Officer) => {
  csrfToken = officer.csrfToken;
  return officer;
};

export const api = {
  whoAmI: () => call<Officer>('GET', '/session').then(signedIn),
  /** Whether the server offers single sign-on through the council's provider (besides passwords). */
  signInOptions: () => call<{ singleSignOn: boolean }>('GET', '/sign-in-options'),
  signIn: (email: string, password: string) => call<Officer>('POST', '/session', { email, password }).then(signedIn),
  /** Ends the session; `logoutUrl` when the officer should also sign out at the council's provider. */
  signOut: () => call<{ logoutUrl?: string } | undefined>('DELETE', '/session'),
  petitions: () => call<{ items: AdminPetition[] }>('GET', '/petitions').then((list) => list.items),
  feedback: (filter: InboxFilter, after?: string) =>
    call<Page<InboxItem>>('GET', `/feedback?${query({ ...filter, after })}`),
  triage: (id: string, status: 'read' | 'actioned', note?: string) =>
    call<void>('PUT', `/feedback/${encodeURIComponent(id)}/triage`, note ? { status, note } : { status }),
  polls: (page = 1) => call<{ items: AdminPoll[]; next: number | null }>('GET', `/polls?page=${page}`),
  createPoll: (poll: Omit<Poll, 'status'>) => call<AdminPoll>('POST', '/polls', poll),
  closePoll: (id: string) => call<AdminPoll>('POST', `/polls/${encodeURIComponent(id)}/close`),
  pollResults: (id: string) => call<PollResults>('GET', `/polls/${encodeURIComponent(id)}/results`),
  audit: (filter: { actor?: string; action?: string }, before?: number, limit = 50) =>
    call<AuditEntry[]>('GET', `/audit?${query({ ...filter, before, limit })}`),
  attention: () => call<Attention>('GET', '/attention'),
  outbox: (status: 'failed' | 'queued') =>
    call<{ items: OutboxMail[] }>('GET', `/outbox?status=${status}`).then((list) => list.items),
  retryMail: (id: string) => call<void>('POST', `/outbox/${encodeURIComponent(id)}/retry`),
  feedbackTrends: (filter: TrendFilter) =>
    call<{ weeks: TrendWeek[] }>('GET', `/feedback/trends?${query(filter)}`).then((answer) => answer.weeks),
  proposals: () =>
    call<{ items: AdminProposal[] }>('GET', '/petition-proposals?status=moderation').then((list) => list.items),
  publishProposal: (id: string, publication: Publication) =>
    call<AdminProposal>('POST', `/petition-proposals/${encodeURIComponent(id)}/publish`, publication),
  rejectProposal: (id: string, rejection: RejectionInput) =>
    call<AdminProposal>('POST', `/petition-proposals/${encodeURIComponent(id)}/reject`, rejection),
  createPetition: (
    petition: Omit<Petition, 'status' | 'signatureCount' | 'response'> & { requiresConfirmation: boolean },
  ) => call<AdminPetition>('POST', '/petitions', petition),
  editPetition: (id: string, changes: object) =>
    call<AdminPetition>('PATCH', `/petitions/${encodeURIComponent(id)}`, changes),
  closePetition: (id: string) =>
    call<AdminPetition>('PATCH', `/petitions/${encodeURIComponent(id)}`, { status: 'closed' }),
  signaturesPerDay: (id: string) =>
    call<{ days: { day: string; count: number }[] }>('GET', `/petitions/${encodeURIComponent(id)}/signatures-per-day`),
  respond: (id: string, response: { summary: string; body?: string }) =>
    call<AdminPetition>('PUT', `/petitions/${encodeURIComponent(id)}/response`, response),
  services: (search: { q?: string; category?: string }, page = 1) =>
    call<ServicePage>('GET', `/services?${query({ ...search, page })}`),
  saveService: (service: Omit<Service, 'distanceKm'>) =>
    call<Service>('PUT', `/services/${encodeURIComponent(service.id)}`, service),
  categories: () => call<{ items: ServiceCategory[] }>('GET', '/categories').then((list) => list.items),
  addCategory: (category: { id: string; label: string }) => call<ServiceCategory>('POST', '/categories', category),
  renameCategory: (id: string, label: string) =>
    call<ServiceCategory>('PUT', `/categories/${encodeURIComponent(id)}`, { label }),
  importHsds: (document: unknown, dryRun: boolean) =>
    call<ImportReport>('POST', `/services/import${dryRun ? '?dryRun=true' : ''}`, document),
};

/** The highest threshold a petition has passed, if any. */
export const passedThreshold = (petition: AdminPetition) =>
  petition.thresholds.filter((threshold) => petition.signatureCount >= threshold.count).at(-1);

/** Petitions that passed a threshold and have no response yet: what the council owes residents first. */
export const awaitingResponse = (petitions: AdminPetition[]) =>
  petitions.filter((petition) => !petition.response && passedThreshold(petition));
