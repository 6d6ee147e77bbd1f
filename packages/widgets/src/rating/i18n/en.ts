import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'Rating',
  yes: 'Yes',
  no: 'No',
  stars: { one: '{value} out of {max} stars', other: '{value} out of {max} stars' },
  csat1: 'Very dissatisfied',
  csat2: 'Dissatisfied',
  csat3: 'Neither satisfied nor dissatisfied',
  csat4: 'Satisfied',
  csat5: 'Very satisfied',
  nps: '{value} out of {max}',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
};
