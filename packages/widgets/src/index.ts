/** The element classes, without defining any tag: import `./define/<tag>.js` or `./all.js` for that. */
export { CivicVersion, VERSION } from './version/version.js';
