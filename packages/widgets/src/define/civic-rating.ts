import { CivicRating } from '../feedback/rating.js';
import { defineElement } from '../internal/define.js';

defineElement('civic-rating', CivicRating);
