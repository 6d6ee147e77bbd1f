import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-petition>` and `<civic-petition-counter>`; one file per locale in `./i18n/`. */
export interface PetitionStrings {
  loading: string;
  notFound: string;
  statusLabel: string;
  statusOpen: string;
  statusClosed: string;
  statusResponded: string;
  /** `{date}`. */
  closesOn: string;
  closedOn: string;
  /** `{count}`: the formatted count. */
  signatures: Plural;
  /** Accessible name of the progress bar; `{label}`: the next milestone. */
  progressLabel: string;
  /** `{count}`, `{target}`, `{label}`. */
  progressText: string;
  allThresholdsReached: string;
  readFullText: string;
  responseHeading: string;
  /** `{date}`. */
  respondedOn: string;
  readFullResponse: string;
  signHeading: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  postcodeLabel: string;
  countryLabel: string;
  countryHint: string;
  countryInvalid: string;
  consentLabel: string;
  consentRequired: string;
  privacyLink: string;
  showNameLabel: string;
  submit: string;
  closedMessage: string;
  closedError: string;
  successHeading: string;
  successCounted: string;
  successPending: string;
  queuedHeading: string;
  shareHeading: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  share: string;
}

export const petitionCatalog: Catalog<PetitionStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
