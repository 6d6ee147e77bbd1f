import { CivicVersion } from '../version/version.js';

if (!customElements.get('civic-version')) customElements.define('civic-version', CivicVersion);
