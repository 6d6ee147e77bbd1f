/** `@civic-widgets/client/polls`: the polls client alone, with the poll schemas. */
export { hasPassed, pollStatus } from './domain/status.js';
export { createClient, PollsClient } from './resources/polls.js';
export * from './schemas/poll.js';
export * from './shared.js';
