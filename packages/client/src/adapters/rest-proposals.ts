import type { Adapter } from '../adapter.js';
import { type RestAdapterOptions, restRequest } from './rest.js';

/** The adapter methods of petition proposals. */
export type ProposalMethods = Required<
  Pick<Adapter, 'proposePetition' | 'similarPetitions' | 'getProposal' | 'sponsorProposal'>
>;

/**
 * Petition proposals over HTTP (docs/protocol.md, "Petition proposals"). Not in the default `rest` adapter: that one
 * ships with every widget, and only `<civic-petition-start>` proposes petitions.
 */
export function restProposals(options: RestAdapterOptions): ProposalMethods {
  const request = restRequest(options);
  const at = (id: string) => encodeURIComponent(id);
  return {
    proposePetition: (body, ctx) => request('POST', '/petition-proposals', ctx, undefined, body),
    similarPetitions: (q, ctx) => request('GET', '/petitions/similar', ctx, { q }),
    getProposal: (id, ctx) => request('GET', `/petition-proposals/${at(id)}`, ctx),
    sponsorProposal: (id, body, ctx) => request('POST', `/petition-proposals/${at(id)}/sponsors`, ctx, undefined, body),
  };
}
