export { type RestAdapterOptions, restAdapter } from './adapters/rest.js';
export { CivicClient, createClient } from './client.js';
export * from './outbox/index.js';
export { FeedbackClient } from './resources/feedback.js';
export { PetitionsClient } from './resources/petitions.js';
export { PollsClient } from './resources/polls.js';
export { ServicesClient } from './resources/services.js';
export * from './schemas/index.js';
export * from './shared.js';
