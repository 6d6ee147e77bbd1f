import { defineElement } from '../internal/define.js';
import { CivicRating } from '../rating/rating.js';

defineElement('civic-rating', CivicRating);
