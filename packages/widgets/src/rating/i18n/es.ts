import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'Valoración',
  yes: 'Sí',
  no: 'No',
  stars: { one: '{value} estrella de {max}', many: '{value} estrellas de {max}', other: '{value} estrellas de {max}' },
  csat1: 'Muy insatisfecho',
  csat2: 'Insatisfecho',
  csat3: 'Ni satisfecho ni insatisfecho',
  csat4: 'Satisfecho',
  csat5: 'Muy satisfecho',
  nps: '{value} de {max}',
  npsLow: 'Nada probable',
  npsHigh: 'Muy probable',
};
