import type { LocationStrings } from '../location.js';

export const strings: LocationStrings = {
  legend: 'Where is the problem?',
  hint: 'Use your location, or type an address or a place. It is sent only with this report.',
  use: 'Use my location',
  finding: 'Finding your location…',
  added: 'Location added',
  denied: 'Your location was not shared. Type an address or a place instead.',
  unavailable: 'Your location could not be found. Type an address or a place instead.',
  address: 'Address or place',
  required: 'Say where the problem is: use your location, or type an address or a place.',
};
