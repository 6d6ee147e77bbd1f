import type { Catalog } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-report-status>`; one file per locale in `./i18n/`. */
export interface ReportStatusStrings {
  loading: string;
  /** `{reference}`: the report's reference. */
  title: string;
  open: string;
  closed: string;
  /** `{agency}`: who handles the report, as the backend names them. */
  agency: string;
  /** `{date}`: when the city expects to have done it. */
  expected: string;
  /** `{date}`: when the status last changed. */
  updated: string;
  notFound: string;
  /** The consent to keep the report's reference on this browser. */
  keep: string;
}

export const reportStatusCatalog: Catalog<ReportStatusStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
