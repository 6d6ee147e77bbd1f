import { emailKey } from '../domain/email.js';
import type { ClientError } from '../errors.js';
import { randomUuid } from '../random.js';
import type { Petition } from '../schemas/petition.js';
import type { PetitionProposalRequest, Proposal } from '../schemas/proposal.js';
import type { ProposalMethods } from './rest-proposals.js';

/** What the memory backend keeps of proposals besides their public view (`Proposal`). */
export interface MemoryProposals {
  /** Public views, by id: change `status` here to show a proposal published or rejected. */
  proposals: Proposal[];
  /** What each creator sent, by proposal id. */
  requests: { proposalId: string; body: PetitionProposalRequest }[];
  sponsors: { proposalId: string; email: string; name: string }[];
}

interface Backend {
  petitions: () => Petition[];
  respond: <T>(compute: () => T, idempotencyKey?: string) => Promise<T>;
  problem: (status: number, slug: string, title: string) => ClientError;
  sponsorsNeeded: number;
}

/**
 * Proposals in memory. A page has no mailbox, so every address counts as confirmed at once: a proposal starts
 * `gathering`, each sponsor counts when made, and the last one needed sends the proposal to `moderation`.
 */
export function memoryProposals({ petitions, respond, problem, sponsorsNeeded }: Backend) {
  const kept: MemoryProposals = { proposals: [], requests: [], sponsors: [] };

  const proposal = (id: string) => {
    const found = kept.proposals.find((p) => p.id === id);
    if (!found) throw problem(404, 'not-found', 'Proposal not found');
    return found;
  };

  const methods: ProposalMethods = {
    proposePetition: (body, ctx) =>
      respond(() => {
        const id = randomUuid();
        if (!body.website) {
          const { title, background, details } = body;
          kept.proposals.push({ id, title, background, details, status: 'gathering', sponsorCount: 0, sponsorsNeeded });
          kept.requests.push({ proposalId: id, body });
        }
        return { id, status: 'unconfirmed' as const, sponsorsNeeded };
      }, ctx.idempotencyKey),
    similarPetitions: (q) =>
      respond(() => {
        const words = q
          .toLowerCase()
          .split(/\W+/)
          .filter((w) => w.length > 2);
        const data = petitions()
          .filter((p) => p.status === 'open')
          .map((p) => ({ p, hits: words.filter((w) => `${p.title} ${p.summary}`.toLowerCase().includes(w)).length }))
          .filter(({ hits }) => hits > 0)
          .sort((a, b) => b.hits - a.hits)
          .slice(0, 5)
          .map(({ p }) => ({ id: p.id, title: p.title, signatureCount: p.signatureCount }));
        return { data };
      }),
    getProposal: (id) => respond(() => proposal(id)),
    sponsorProposal: (id, body, ctx) =>
      respond(() => {
        const p = proposal(id);
        if (p.status !== 'gathering') throw problem(409, 'proposal-not-gathering', 'This proposal has its sponsors');
        const sponsor = emailKey(body.email);
        const creator = kept.requests.find((r) => r.proposalId === id)?.body.email;
        const counted =
          (creator && emailKey(creator) === sponsor) ||
          kept.sponsors.some((s) => s.proposalId === id && emailKey(s.email) === sponsor);
        // Answered alike whether or not the address counted: the answer does not tell who has sponsored.
        if (!body.website && !counted) {
          kept.sponsors.push({ proposalId: id, email: body.email, name: body.name });
          p.sponsorCount += 1;
          if (p.sponsorCount >= p.sponsorsNeeded) p.status = 'moderation';
        }
        return { status: 'unconfirmed' as const };
      }, ctx.idempotencyKey),
  };
  return { kept, methods };
}
