/**
 * Texts come in sections: `common` (the base's: forms, errors, configuration; one file per locale in this folder)
 * and one per widget (e.g. `petition`, in `petition/i18n/`). Each section is a `Catalog`: a typed interface, one
 * file per locale, English bundled and the rest loaded on first use, so a page downloads only its language and
 * a widget only its own texts. The typecheck and `checkCatalog` (test-support) keep the key sets identical.
 *
 * Templates use `{name}` placeholders (filled by `LocalizeController.format`). A `Plural` holds one template per
 * `Intl.PluralRules` category the language uses; `other` is always required.
 */
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

export interface CommonStrings {
  loading: string;
  /**
   * Shown instead of a widget that is set up wrong (a missing attribute, an unknown adapter or service, a key in
   * the endpoint): calm, with nothing for the resident to do. The console names the attribute to fix.
   */
  configError: string;
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

/** A section's strings in every shipped locale: English bundled, the others loaded on first use. */
export interface Catalog<S> {
  en: S;
  others: Record<'fr' | 'es' | 'ar' | 'zh', () => Promise<{ strings: S }>>;
}
