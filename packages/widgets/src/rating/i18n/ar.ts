import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: 'التقييم',
  yes: 'نعم',
  no: 'لا',
  stars: {
    zero: '{value} نجوم من {max}',
    one: 'نجمة واحدة من {max}',
    two: 'نجمتان من {max}',
    few: '{value} نجوم من {max}',
    many: '{value} نجمة من {max}',
    other: '{value} نجمة من {max}',
  },
  csat1: 'غير راضٍ إطلاقًا',
  csat2: 'غير راضٍ',
  csat3: 'محايد',
  csat4: 'راضٍ',
  csat5: 'راضٍ جدًا',
  nps: '{value} من {max}',
  npsLow: 'غير محتمل إطلاقًا',
  npsHigh: 'محتمل جدًا',
};
