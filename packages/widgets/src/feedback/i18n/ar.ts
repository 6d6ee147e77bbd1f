import type { FeedbackStrings } from '../feedback.strings.js';

export const strings: FeedbackStrings = {
  questionThumbs: 'هل هذه الصفحة مفيدة؟',
  questionStars: 'كيف تقيّم هذه الصفحة؟',
  questionSmileys: 'ما مدى رضاك عن هذه الخدمة؟',
  questionNps: 'ما مدى احتمال أن توصي بهذه الخدمة لصديق أو زميل؟',
  ratingRequired: 'اختر إجابة',
  send: 'إرسال',
  recorded: 'شكرًا لك، تم تسجيل إجابتك.',
  followUpNegative: 'ما الذي لم يكن على ما يرام؟',
  followUpPositive: 'هل هناك ما يمكننا تحسينه؟',
  reasonNotFound: 'لم أجد ما كنت أبحث عنه',
  reasonUnclear: 'كان من الصعب فهمها',
  reasonOutdated: 'المعلومات قديمة أو غير صحيحة',
  reasonBroken: 'شيء ما لم يعمل',
  commentLabel: 'أخبرنا بالمزيد (اختياري)',
  privacyHint:
    'لا تكتب بيانات شخصية مثل اسمك أو بريدك الإلكتروني أو رقم هاتفك. نحذف عناوين البريد الإلكتروني وأرقام الهواتف والأرقام الطويلة قبل الإرسال.',
  remaining: {
    zero: 'لم يتبقَّ أي حرف',
    one: 'تبقّى حرف واحد',
    two: 'تبقّى حرفان',
    few: 'تبقّى {count} أحرف',
    many: 'تبقّى {count} حرفًا',
    other: 'تبقّى {count} حرف',
  },
  thanksHeading: 'شكرًا على ملاحظاتك',
  thanksText: 'نقرأ كل تعليق لتحسين خدماتنا.',
  open: 'ملاحظاتك',
  close: 'إغلاق',
};
