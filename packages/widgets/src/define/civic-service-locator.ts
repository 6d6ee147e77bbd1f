import { defineElement } from '../internal/define.js';
import { CivicServiceLocator } from '../service-locator/service-locator.js';

defineElement('civic-service-locator', CivicServiceLocator);
