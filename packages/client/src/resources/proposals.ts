import * as z from 'zod/mini';
import type { RequestContext } from '../adapter.js';
import { restAdapter } from '../adapters/rest.js';
import { type ProposalMethods, restProposals } from '../adapters/rest-proposals.js';
import { unsupported } from '../adapters/unsupported.js';
import { ClientCore, type ClientOptions } from '../core.js';
import { toFieldErrors } from '../domain/field-errors.js';
import { ClientError } from '../errors.js';
import type { Submission } from '../outbox/types.js';
import { ResourceClient } from '../resource-client.js';
import { Id } from '../schemas/common.js';
import {
  PetitionProposalRequest,
  Proposal,
  ProposalReceipt,
  SimilarPetitions,
  SimilarQuery,
  SponsorReceipt,
  SponsorRequest,
} from '../schemas/proposal.js';

/**
 * The default `rest` adapter leaves proposals out, to keep every widget's download small. A proposals client adds
 * them to its core's `rest` adapter, so that the core's outbox, which any widget's page may flush, can deliver a
 * queued proposal. The endpoint is read from the core's namespace (`rest:<endpoint>`); these calls use the global
 * `fetch` (a core made by this module's `createClient` has them already, with its `fetch`).
 */
function addRestProposals(core: ClientCore) {
  const adapter = core.adapter;
  if (adapter.name !== 'rest' || adapter.proposePetition) return;
  Object.assign(adapter, restProposals({ endpoint: core.namespace.slice('rest:'.length) }));
}

/**
 * The client for residents' petition proposals: start one, find similar petitions first, read one, sponsor one.
 * Not part of `CivicClient`: only `<civic-petition-start>` needs it. An adapter without proposals fails with an
 * `http` 405.
 */
export class ProposalsClient extends ResourceClient {
  static readonly receipts = { proposePetition: ProposalReceipt, sponsorProposal: SponsorReceipt };

  constructor(core: ClientCore) {
    super(core, ProposalsClient.receipts);
    addRestProposals(core);
  }

  /** The adapter's `operation`, or the 405 of a backend without proposals. */
  #method<K extends keyof ProposalMethods>(operation: K): ProposalMethods[K] {
    const method = this.core.adapter[operation];
    if (!method) throw unsupported(this.core.adapter.name, 'petition proposals');
    return method.bind(this.core.adapter) as ProposalMethods[K];
  }

  /** Starts a petition: delivered, or kept in the outbox (with one idempotency key) until it can be. */
  async propose(body: PetitionProposalRequest): Promise<Submission<ProposalReceipt>> {
    this.#method('proposePetition');
    return this.core.submit('proposePetition', PetitionProposalRequest, [body]);
  }

  /**
   * Open petitions like the title `q` (at most 5): one attempt, not retried, as the resident types. `signal` lets a
   * widget drop the search of an older title; an aborted search fails with a `network` error.
   */
  async similar(q: string, { signal }: { signal?: AbortSignal } = {}): Promise<SimilarPetitions> {
    const query = this.core.check(SimilarQuery, q);
    const similarPetitions = this.#method('similarPetitions');
    const withSignal = (ctx: RequestContext) => ({
      ...ctx,
      signal: signal ? AbortSignal.any([ctx.signal, signal]) : ctx.signal,
    });
    const answer = await this.core.attempt((ctx) => similarPetitions(query, withSignal(ctx)));
    const parsed = z.safeParse(SimilarPetitions, answer);
    if (!parsed.success) {
      throw new ClientError('invalid-response', 'Invalid response', {
        fieldErrors: toFieldErrors(parsed.error.issues),
      });
    }
    return parsed.data;
  }

  /** A proposal's public view, for the page its sponsor link opens. */
  async proposal(id: string): Promise<Proposal> {
    this.#method('getProposal');
    return this.core.read('getProposal', Proposal, Id, id);
  }

  /** Sponsors the proposal `id`: delivered, or kept in the outbox until it can be. */
  async sponsor(id: string, body: SponsorRequest): Promise<Submission<SponsorReceipt>> {
    this.#method('sponsorProposal');
    return this.core.submit('sponsorProposal', SponsorRequest, [this.core.check(Id, id), body]);
  }
}

/** Creates a proposals client with a core of its own (REST by default, with `fetch`). See docs/client.md. */
export function createClient(options: ClientOptions): ProposalsClient {
  const adapter = options.adapter ?? (options.endpoint ? restWithProposals(options) : undefined);
  return new ProposalsClient(new ClientCore({ ...options, adapter }));
}

function restWithProposals({ endpoint, fetch }: ClientOptions) {
  const options = { endpoint: endpoint!, fetch };
  return { ...restAdapter(options), ...restProposals(options) };
}
