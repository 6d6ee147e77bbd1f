import type { PresetStrings } from '../presets.js';

export const strings: PresetStrings = {
  a11Satisfaction: 'أنا راضٍ عن الخدمة التي تلقيتها.',
  a11Trust: 'زاد هذا التعامل من ثقتي بهذه الجهة.',
  a11Effectiveness: 'تمت تلبية حاجتي.',
  a11Ease: 'كان من السهل إنجاز ما أحتاج إليه.',
  a11Efficiency: 'استغرق إنجاز ما أحتاج إليه وقتًا معقولًا.',
  a11Equity: 'عوملت بإنصاف.',
  a11Employee: 'كان الموظفون الذين تعاملت معهم متعاونين.',
  agreeHint: 'نجمة واحدة تعني لا أوافق إطلاقًا، و5 نجوم تعني أوافق تمامًا.',
};
