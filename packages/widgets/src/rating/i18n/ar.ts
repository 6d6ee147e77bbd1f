import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'التقييم',
  yes: 'نعم',
  no: 'لا',
  stars: {
    zero: '{value} نجوم من 5',
    one: 'نجمة واحدة من 5',
    two: 'نجمتان من 5',
    few: '{value} نجوم من 5',
    many: '{value} نجمة من 5',
    other: '{value} نجمة من 5',
  },
  csat1: 'غير راضٍ إطلاقًا',
  csat2: 'غير راضٍ',
  csat3: 'محايد',
  csat4: 'راضٍ',
  csat5: 'راضٍ جدًا',
  nps: '{value} من 10',
  npsLow: 'غير محتمل إطلاقًا',
  npsHigh: 'محتمل جدًا',
};
