import type { RatingStrings } from '../rating.strings.js';

export const strings: RatingStrings = {
  groupLabel: '评分',
  yes: '是',
  no: '否',
  stars: { other: '{value} 星（满分 {max} 星）' },
  csat1: '非常不满意',
  csat2: '不满意',
  csat3: '一般',
  csat4: '满意',
  csat5: '非常满意',
  nps: '{value} 分（满分 {max} 分）',
  npsLow: '完全不可能',
  npsHigh: '极有可能',
};
