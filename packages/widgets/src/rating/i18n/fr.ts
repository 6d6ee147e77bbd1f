import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'Note',
  yes: 'Oui',
  no: 'Non',
  stars: { one: '{value} étoile sur {max}', many: '{value} étoiles sur {max}', other: '{value} étoiles sur {max}' },
  csat1: 'Très insatisfait',
  csat2: 'Insatisfait',
  csat3: 'Ni satisfait ni insatisfait',
  csat4: 'Satisfait',
  csat5: 'Très satisfait',
  nps: '{value} sur {max}',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Très probable',
};
