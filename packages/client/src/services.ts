/** `@civic-widgets/client/services`: the services client alone, with the service schemas. */
export { createClient, ServicesClient } from './resources/services.js';
export * from './schemas/service.js';
export * from './shared.js';
