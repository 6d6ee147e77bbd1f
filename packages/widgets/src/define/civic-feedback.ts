import { CivicFeedback } from '../feedback/feedback.js';
import { defineElement } from '../internal/define.js';
import './civic-rating.js';

defineElement('civic-feedback', CivicFeedback);
