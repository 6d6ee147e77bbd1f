import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'Note',
  yes: 'Oui',
  no: 'Non',
  stars: { one: '{value} étoile sur 5', many: '{value} étoiles sur 5', other: '{value} étoiles sur 5' },
  csat1: 'Très insatisfait',
  csat2: 'Insatisfait',
  csat3: 'Ni satisfait ni insatisfait',
  csat4: 'Satisfait',
  csat5: 'Très satisfait',
  nps: '{value} sur 10',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Très probable',
};
