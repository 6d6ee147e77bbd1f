import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-rating>`: the accessible name of each choice, by scale. */
export interface RatingStrings {
  /** Accessible name of the group when the page gives none. */
  groupLabel: string;
  yes: string;
  no: string;
  /** `{value}` out of `{max}` (5, in the reader's digits); plural on `value`. */
  stars: Plural;
  /** The smileys, from 1 (very dissatisfied) to 5 (very satisfied). */
  csat1: string;
  csat2: string;
  csat3: string;
  csat4: string;
  csat5: string;
  /** `{value}` (0 to 10) out of `{max}` (10, in the reader's digits). */
  nps: string;
  npsLow: string;
  npsHigh: string;
}

export const ratingCatalog: Catalog<RatingStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
