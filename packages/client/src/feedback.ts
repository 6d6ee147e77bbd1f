/** `@civic-widgets/client/feedback`: the feedback client alone, with the feedback schemas. */
export { stripPageUrl } from './domain/page-url.js';
export { createClient, FeedbackClient } from './resources/feedback.js';
export * from './schemas/feedback.js';
export * from './shared.js';
