import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-petition-start>`; one file per locale in `./i18n/`. */
export interface PetitionStartStrings {
  startHeading: string;
  intro: string;
  titleLabel: string;
  titleHint: string;
  backgroundLabel: string;
  backgroundHint: string;
  detailsLabel: string;
  detailsHint: string;
  /** `{count}`: characters left under a text box. */
  remaining: Plural;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  postcodeLabel: string;
  consentLabel: string;
  consentRequired: string;
  privacyLink: string;
  submit: string;
  similarHeading: string;
  similarHint: string;
  /** `{count}`: how many similar petitions are listed, said by the polite live region. */
  similarFound: Plural;
  /** `{count}`: the formatted number of signatures of a similar petition. */
  signatures: Plural;
  sentHeading: string;
  checkEmail: string;
  queuedHeading: string;
  /** Said when a queued proposal has no sponsor link yet. */
  queuedLink: string;
  sponsorLinkHeading: string;
  sponsorLinkLabel: string;
  /** `{count}`: supporters needed before a moderator checks the petition. */
  sponsorsNeeded: Plural;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  loading: string;
  notFound: string;
  statusLabel: string;
  statusUnconfirmed: string;
  statusGathering: string;
  statusModeration: string;
  statusPublished: string;
  statusRejected: string;
  /** `{count}` of `{needed}` supporters so far. */
  sponsorProgress: string;
  rejectedHeading: string;
  reasonLabel: string;
  reasonDuplicate: string;
  reasonNotCouncil: string;
  reasonOffensive: string;
  reasonPersonal: string;
  reasonAdvertising: string;
  reasonNoAction: string;
  noteLabel: string;
  textHidden: string;
  sponsorHeading: string;
  sponsorIntro: string;
  sponsorConsentRequired: string;
  sponsorSubmit: string;
  sponsorSentHeading: string;
  sponsorCheckEmail: string;
  sponsorQueuedHeading: string;
  notGathering: string;
}

export const petitionStartCatalog: Catalog<PetitionStartStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
