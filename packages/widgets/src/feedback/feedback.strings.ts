import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-feedback>`; one file per locale in `./i18n/`. */
export interface FeedbackStrings {
  questionThumbs: string;
  questionStars: string;
  questionSmileys: string;
  questionNps: string;
  ratingRequired: string;
  send: string;
  /** After the rating arrived, above the follow-up. */
  recorded: string;
  followUpNegative: string;
  followUpPositive: string;
  reasonNotFound: string;
  reasonUnclear: string;
  reasonOutdated: string;
  reasonBroken: string;
  commentLabel: string;
  /** Told before anyone types: what not to write and what is removed anyway. */
  privacyHint: string;
  /** `{count}` characters left. */
  remaining: Plural;
  /** Above the follow-up when the backend's required questions must be answered before anything is sent. */
  fieldsIntro: string;
  /** The label of a required extra question (`{label}` is the backend's text). */
  fieldRequiredMark: string;
  /** A required extra question left unanswered. */
  fieldRequired: string;
  /** A number question answered with something else. */
  fieldNumber: string;
  /** The empty first choice of a list question. */
  fieldChoose: string;
  thanksHeading: string;
  thanksText: string;
  /** The floating button of `mode="button"`, and the dialog's name. */
  open: string;
  close: string;
  /** A refusal by the backend that names no question shown here (an Open311 server wanting a location). */
  refused: string;
}

export const feedbackCatalog: Catalog<FeedbackStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
