import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-service-locator>`; one file per locale in `./i18n/`. */
export interface ServiceLocatorStrings {
  heading: string;
  loading: string;
  searchLabel: string;
  categoryLabel: string;
  anyCategory: string;
  postcodeLabel: string;
  postcodeHint: string;
  postcodeUnknown: string;
  useLocation: string;
  locating: string;
  usingLocation: string;
  geoDenied: string;
  geoUnavailable: string;
  geoTimeout: string;
  radiusLabel: string;
  openNowLabel: string;
  search: string;
  searching: string;
  /** `{count}`: how many services match. */
  found: Plural;
  noResults: string;
  showMore: string;
  /** `{distance}`: e.g. "1.2 km". */
  away: string;
  openNow: string;
  /** `{time}`: weekday and time on the venue's clock. */
  openUntil: string;
  closedUntil: string;
  closed: string;
  address: string;
  phone: string;
  email: string;
  /** `{name}`: the service. */
  website: string;
  directions: string;
  details: string;
  back: string;
  eligibility: string;
  languages: string;
  accessibility: string;
  hours: string;
  /** `{timeZone}`: the venue's IANA time zone. */
  hoursNote: string;
  closedDay: string;
  contact: string;
}

export const serviceLocatorCatalog: Catalog<ServiceLocatorStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
