/**
 * Protocol v1 schemas: the single source of truth for the client, the widgets, the server and the docs.
 * Written with `zod/mini` so that browsers never load classic zod.
 */
export * from './common.js';
export * from './feedback.js';
export * from './petition.js';
export * from './poll.js';
export * from './service.js';
