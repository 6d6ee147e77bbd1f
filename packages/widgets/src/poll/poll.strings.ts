import type { Catalog, Plural } from '../i18n/strings.js';
import { strings as en } from './i18n/en.js';

/** Every text of `<civic-poll>`; one file per locale in `./i18n/`. */
export interface PollStrings {
  loading: string;
  notFound: string;
  /** `{date}`: date and time in the reader's time zone. */
  opensOn: string;
  notOpenYet: string;
  closesOn: string;
  closedOn: string;
  closed: string;
  /** `{max}`: `maxChoices`. */
  chooseUpTo: string;
  /** `{count}` choices left, after "choose up to {max}". */
  left: Plural;
  rankHint: string;
  /** `{rank}`, `{total}`. */
  rankOf: string;
  /** `{label}`. */
  moveUp: string;
  moveDown: string;
  /** `{label}`, `{rank}`, `{total}`: announced after each move. */
  moved: string;
  chooseOne: string;
  submit: string;
  alreadyVoted: string;
  notOpenError: string;
  closedError: string;
  votedHeading: string;
  queuedHeading: string;
  youChose: string;
  /** `{id}`. */
  receipt: string;
  resultsHeading: string;
  resultsLater: string;
  resultsNever: string;
  showTable: string;
  option: string;
  votesColumn: string;
  firstChoicesColumn: string;
  percentColumn: string;
  pointsColumn: string;
  /** `{count}`: formatted. */
  votes: Plural;
  firstChoices: Plural;
  points: Plural;
  /** `{min}`: the suppression threshold. */
  fewerThan: string;
  hidden: string;
  totalVotes: Plural;
  noVotes: string;
  /** `{count}` hidden votes, `{min}`. */
  hiddenVotes: Plural;
  /** `{count}` options with hidden counts, `{min}`. */
  hiddenOptions: Plural;
  multipleNote: string;
  /** `{max}`: points of a first choice. */
  bordaNote: string;
}

export const pollCatalog: Catalog<PollStrings> = {
  en,
  others: {
    fr: () => import('./i18n/fr.js'),
    es: () => import('./i18n/es.js'),
    ar: () => import('./i18n/ar.js'),
    zh: () => import('./i18n/zh.js'),
  },
};
