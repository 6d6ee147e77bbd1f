import type { ReportStatusStrings } from '../report-status.strings.js';

export const strings: ReportStatusStrings = {
  loading: 'جارٍ التحقق من البلاغ…',
  title: 'البلاغ {reference}',
  open: 'مفتوح: البلدية تعمل عليه',
  closed: 'مغلق',
  agency: 'تتولاه {agency}',
  expected: 'متوقع بحلول {date}',
  updated: 'آخر تحديث {date}',
  notFound: 'لا يوجد بلاغ بهذا الرقم المرجعي.',
  keep: 'احفظ هذا البلاغ على هذا الجهاز لمدة 90 يومًا لمتابعته لاحقًا',
};
