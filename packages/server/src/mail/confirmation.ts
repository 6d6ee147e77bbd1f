import type { Mail } from './transport.js';

/** The confirmation mail's words, in the widgets' five locales. `{title}` is the petition's title. */
interface MailStrings {
  subject: string;
  intro: string;
  action: string;
  notYou: string;
}

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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The confirmation mail: plain text and an HTML alternative with the same words and the link. */
export function confirmationMail(to: string, title: string, link: string, locale: string): Mail {
  const strings = STRINGS[locale] ?? STRINGS.en!;
  const fill = (text: string, value: string) => text.replace('{title}', value);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return {
    to,
    subject: fill(strings.subject, title),
    text: `${fill(strings.intro, title)}\n\n${strings.action}\n${link}\n\n${strings.notYou}\n`,
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(fill(strings.subject, title))}</title></head><body><p>${escapeHtml(fill(strings.intro, title))}</p><p>${escapeHtml(strings.action)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(strings.notYou)}</p></body></html>`,
  };
}
