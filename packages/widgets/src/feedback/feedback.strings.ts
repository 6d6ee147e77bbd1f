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
  thanksHeading: string;
  thanksText: string;
  /** The floating button of `mode="button"`, and the dialog's name. */
  open: string;
  close: string;
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
