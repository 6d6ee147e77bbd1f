/**
 * Pure rules of the protocol shared by the adapters, the server and the widgets: statuses by the clock, distances,
 * opening hours, tallies, who counts as the same signer, what of a page address feedback keeps, field errors.
 */
export { emailKey } from './email.js';
export { type SchemaIssue, toFieldErrors } from './field-errors.js';
export { distanceKm, isValidLatLng, type LatLng } from './geo.js';
export { isOpenAt, isOpenOn, isValidTimeZone, nextChange, type OpeningState, wallClock } from './hours.js';
export { stripPageUrl } from './page-url.js';
export { tallyVotes } from './results.js';
export { hasPassed, petitionStatus, pollStatus } from './status.js';
