/** `@civic-widgets/client/proposals`: residents' petition proposals (issue 17), the client and the schemas. */
export { type ProposalMethods, restProposals } from './adapters/rest-proposals.js';
export { createClient, ProposalsClient } from './resources/proposals.js';
export * from './schemas/proposal.js';
export * from './shared.js';
