import type { Mail } from './transport.js';

/** The confirmation mail's words, in the widgets' five locales. `{title}` is the petition's title. */
const STRINGS: Record<string, MailStrings> = {
  en: {
    subject: 'Confirm your signature: {title}',
    intro: 'Thank you for signing “{title}”. Your signature counts once you confirm it.',
    action: 'Open this link and press “Confirm my signature”:',
    notYou: 'If you did not sign this petition, ignore this email: nothing will be counted.',
  },
  fr: {
    subject: 'Confirmez votre signature : {title}',
    intro: 'Merci d’avoir signé « {title} ». Votre signature comptera une fois confirmée.',
    action: 'Ouvrez ce lien et appuyez sur « Confirmer ma signature » :',
    notYou: 'Si vous n’avez pas signé cette pétition, ignorez ce message : rien ne sera compté.',
  },
  es: {
    subject: 'Confirme su firma: {title}',
    intro: 'Gracias por firmar «{title}». Su firma contará cuando la confirme.',
    action: 'Abra este enlace y pulse «Confirmar mi firma»:',
    notYou: 'Si usted no firmó esta petición, ignore este correo: no se contará nada.',
  },
  ar: {
    subject: 'أكّد توقيعك: {title}',
    intro: 'شكرًا لتوقيعك على «{title}». يُحتسب توقيعك بعد تأكيده.',
    action: 'افتح هذا الرابط واضغط «تأكيد توقيعي»:',
    notYou: 'إذا لم توقّع على هذه العريضة، فتجاهل هذه الرسالة: لن يُحتسب أي شيء.',
  },
  zh: {
    subject: '请确认您的签名：{title}',
    intro: '感谢您签署“{title}”。确认后您的签名才会计入。',
    action: '请打开此链接并点击“确认我的签名”：',
    notYou: '如果您没有签署此请愿，请忽略此邮件：不会计入任何内容。',
  },
};

export const MAIL_LOCALES = Object.keys(STRINGS);

/** The confirmation page's words. `button` is the label the mail's `action` line quotes. */
export interface PageStrings {
  confirmTitle: string;
  signing: string;
  button: string;
  confirmedTitle: string;
  thanks: string;
  counted: string;
  alreadyCounted: string;
}

const PAGE_STRINGS: Record<string, PageStrings> = {
  en: {
    confirmTitle: 'Confirm your signature',
    signing: 'You are signing “{title}”.',
    button: 'Confirm my signature',
    confirmedTitle: 'Signature confirmed',
    thanks: 'Thank you',
    counted: 'Your signature on “{title}” is counted.',
    alreadyCounted: 'Your signature on “{title}” is already counted.',
  },
  fr: {
    confirmTitle: 'Confirmez votre signature',
    signing: 'Vous signez « {title} ».',
    button: 'Confirmer ma signature',
    confirmedTitle: 'Signature confirmée',
    thanks: 'Merci',
    counted: 'Votre signature sur « {title} » est comptée.',
    alreadyCounted: 'Votre signature sur « {title} » est déjà comptée.',
  },
  es: {
    confirmTitle: 'Confirme su firma',
    signing: 'Está firmando «{title}».',
    button: 'Confirmar mi firma',
    confirmedTitle: 'Firma confirmada',
    thanks: 'Gracias',
    counted: 'Su firma en «{title}» ya cuenta.',
    alreadyCounted: 'Su firma en «{title}» ya estaba contada.',
  },
  ar: {
    confirmTitle: 'أكّد توقيعك',
    signing: 'أنت توقّع على «{title}».',
    button: 'تأكيد توقيعي',
    confirmedTitle: 'تم تأكيد التوقيع',
    thanks: 'شكرًا لك',
    counted: 'احتُسب توقيعك على «{title}».',
    alreadyCounted: 'توقيعك على «{title}» محتسب بالفعل.',
  },
  zh: {
    confirmTitle: '确认您的签名',
    signing: '您正在签署“{title}”。',
    button: '确认我的签名',
    confirmedTitle: '签名已确认',
    thanks: '谢谢',
    counted: '您在“{title}”上的签名已计入。',
    alreadyCounted: '您在“{title}”上的签名此前已计入。',
  },
};

/** The confirmation page's words in `locale` (one of the five, else English), with its language and direction. */
export function confirmationPageStrings(locale: string) {
  const lang = locale in PAGE_STRINGS ? locale : 'en';
  return { lang, dir: textDirection(lang), strings: PAGE_STRINGS[lang]! };
}

export const textDirection = (locale: string) => (locale === 'ar' ? 'rtl' : 'ltr');

/** Puts the petition's title into one of the strings above. */
export const withTitle = (text: string, title: string) => text.replace('{title}', title);

/**
 * The signer's language, from the `Accept-Language` header their browser sent with the signature: the first
 * of the five locales it accepts (by weight, `fr-CA` matching `fr`), else English.
 */
export function mailLocale(acceptLanguage: string | undefined): string {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => entry.language in STRINGS)?.language ?? 'en';
}

/** Text for HTML: the petition's title is a council's words, shown as text, never as markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A mail's words: `{title}` in any of them is the petition's or proposal's title. */
export interface MailStrings {
  subject: string;
  intro: string;
  action: string;
  notYou: string;
}

/** A mail with a link to follow: plain text and an HTML alternative with the same words and the link. */
export function linkMail(to: string, strings: MailStrings, title: string, link: string, locale: string): Mail {
  const fill = withTitle;
  const dir = textDirection(locale);
  return {
    to,
    subject: fill(strings.subject, title),
    text: `${fill(strings.intro, title)}\n\n${strings.action}\n${link}\n\n${strings.notYou}\n`,
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(fill(strings.subject, title))}</title></head><body><p>${escapeHtml(fill(strings.intro, title))}</p><p>${escapeHtml(strings.action)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(strings.notYou)}</p></body></html>`,
  };
}

/** The confirmation mail of a signature. */
export function confirmationMail(to: string, title: string, link: string, locale: string): Mail {
  return linkMail(to, STRINGS[locale] ?? STRINGS.en!, title, link, locale);
}
