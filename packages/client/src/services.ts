/** `@civic-widgets/client/services`: the services client alone, with the service schemas. */
export { distanceKm } from './domain/geo.js';
export { isOpenAt, isOpenOn, nextChange, type OpeningState } from './domain/hours.js';
export { createClient, ServicesClient } from './resources/services.js';
export * from './schemas/service.js';
export * from './shared.js';
