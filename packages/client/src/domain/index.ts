/** Pure rules of the protocol shared by the adapters, the server and the widgets: distances, opening hours, tallies, who counts as the same signer. */
export { emailKey } from './email.js';
export { distanceKm, isValidLatLng, type LatLng } from './geo.js';
export { isOpenAt, isOpenOn, isValidTimeZone, nextChange, type OpeningState, wallClock } from './hours.js';
export { tallyVotes } from './results.js';
