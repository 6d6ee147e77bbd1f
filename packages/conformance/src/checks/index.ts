import type { Check } from '../check.js';
import { feedbackChecks } from './feedback.js';
import { httpChecks } from './http.js';
import { petitionChecks } from './petitions.js';
import { pollChecks } from './polls.js';
import { serviceChecks } from './services.js';
import { submissionChecks } from './submissions.js';

/** Every check of the kit, in the order they run and are reported. */
export const checks: readonly Check[] = [
  ...petitionChecks,
  ...pollChecks,
  ...feedbackChecks,
  ...serviceChecks,
  ...submissionChecks,
  ...httpChecks,
];
