/** The element classes, without defining any tag: import `./define/<tag>.js` or `./all.js` for that. */

export { CivicFeedback } from './feedback/feedback.js';
export type { Locale, StringOverrides } from './i18n/localize.js';
export type { Catalog, CommonStrings, Plural } from './i18n/strings.js';
export { CivicElement } from './internal/civic-element.js';
export {
  CivicErrorEvent,
  CivicLoadEvent,
  CivicQueuedEvent,
  type CivicSubmitDetail,
  CivicSubmitEvent,
  CivicSuccessEvent,
} from './internal/events.js';
export { CivicPetition } from './petition/petition.js';
export type { PetitionStrings } from './petition/petition.strings.js';
export { CivicPetitionCounter } from './petition/petition-counter.js';
export { CivicPetitionStart } from './petition-start/petition-start.js';
export type { PetitionStartStrings } from './petition-start/petition-start.strings.js';
export { CivicPoll, type PollView } from './poll/poll.js';
export { CivicRating } from './rating/rating.js';
export { CivicReportStatus } from './report-status/report-status.js';
export type { ReportStatusStrings } from './report-status/report-status.strings.js';
export { CivicResultsEvent, CivicServiceLocator } from './service-locator/service-locator.js';
export { CivicVersion, VERSION } from './version/version.js';
