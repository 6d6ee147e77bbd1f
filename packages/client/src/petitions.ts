/** `@civic-widgets/client/petitions`: the petitions client alone, with the petition schemas. */
export { hasPassed, petitionStatus } from './domain/status.js';
export { createClient, PetitionsClient } from './resources/petitions.js';
export * from './schemas/petition.js';
export * from './shared.js';
