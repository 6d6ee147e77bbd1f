import { defineElement } from '../internal/define.js';
import { CivicVersion } from '../version/version.js';

defineElement('civic-version', CivicVersion);
