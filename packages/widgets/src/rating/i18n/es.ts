import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'Valoración',
  yes: 'Sí',
  no: 'No',
  stars: { one: '{value} estrella de 5', many: '{value} estrellas de 5', other: '{value} estrellas de 5' },
  csat1: 'Muy insatisfecho',
  csat2: 'Insatisfecho',
  csat3: 'Ni satisfecho ni insatisfecho',
  csat4: 'Satisfecho',
  csat5: 'Muy satisfecho',
  nps: '{value} de 10',
  npsLow: 'Nada probable',
  npsHigh: 'Muy probable',
};
