/**
 * Every text the widgets show, for one language. Each locale file (`en.ts`, `fr.ts`, ...) exports a complete
 * `Strings`; the typecheck and `i18n.test.ts` keep the key sets identical.
 *
 * Templates use `{name}` placeholders (filled by `LocalizeController.format`). A `Plural` holds one template per
 * `Intl.PluralRules` category the language uses; `other` is always required.
 *
 * Sections: `common` is the base's (forms, errors, configuration); each widget adds its own section.
 */
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

export interface CommonStrings {
  loading: string;
  /** `{attribute}`: the missing attribute's name. */
  configMissing: string;
  /** `{adapter}`: the unknown value. */
  configUnknownAdapter: string;
  loadFailed: string;
  retry: string;
  /** Heading of the error summary. */
  errorSummaryTitle: string;
  /** Prefix read before an inline error, hidden visually. */
  errorPrefix: string;
  /** `{label}`: the field's label. */
  required: string;
  requiredChoice: string;
  invalidEmail: string;
  invalidFormat: string;
  /** `{label}`, `{max}`. */
  tooLong: string;
  /** `{label}`, `{min}`. */
  tooShort: string;
  invalid: string;
  sending: string;
  /** Shown when a submission is kept for later delivery. */
  queued: string;
  /** Shown instead of `queued` when the browser could not store it: the page must stay open. */
  queuedUnsaved: string;
  /** A queued submission was delivered later. */
  deliveredLater: string;
  errorOffline: string;
  errorNetwork: string;
  errorServer: string;
  errorRejected: string;
  errorInvalidResponse: string;
  /** Appended to links that open a new tab, hidden visually. */
  opensInNewTab: string;
}

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

export interface Strings {
  common: CommonStrings;
  petition: PetitionStrings;
}

/** What `.strings` accepts: any subset of any section. */
export type StringOverrides = { [S in keyof Strings]?: Partial<Strings[S]> };
