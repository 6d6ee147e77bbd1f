import type { RejectionReason } from '@civic-widgets/client/proposals';
import { escapeHtml, linkMail, type MailStrings, type PageStrings, textDirection, withTitle } from './confirmation.js';
import type { Mail } from './transport.js';

// The mails and confirmation pages of petition proposals (issue 17), in the widgets' five locales. `{title}` is
// the proposal's title, always inserted as text.

interface OutcomeStrings {
  publishedSubject: string;
  published: string;
  rejectedSubject: string;
  rejected: string;
  note: string;
  reasons: Record<RejectionReason, string>;
}

interface ProposalStrings {
  creatorMail: MailStrings;
  sponsorMail: MailStrings;
  creatorPage: PageStrings;
  sponsorPage: PageStrings;
  outcome: OutcomeStrings;
}

const STRINGS: Record<string, ProposalStrings> = {
  en: {
    creatorMail: {
      subject: 'Confirm your petition: {title}',
      intro: 'Thank you for starting “{title}”. It goes further once you confirm your email address.',
      action: 'Open this link and press “Confirm my petition”:',
      notYou: 'If you did not start this petition, ignore this email: nothing will be published.',
    },
    sponsorMail: {
      subject: 'Confirm your support: {title}',
      intro: 'Thank you for supporting “{title}”. Your support counts once you confirm it.',
      action: 'Open this link and press “Confirm my support”:',
      notYou: 'If you did not support this petition, ignore this email: nothing will be counted.',
    },
    creatorPage: {
      confirmTitle: 'Confirm your petition',
      signing: 'You started “{title}”.',
      button: 'Confirm my petition',
      confirmedTitle: 'Petition confirmed',
      thanks: 'Thank you',
      counted: '“{title}” is confirmed. Share the link the page gave you, so that others can support it.',
      alreadyCounted: '“{title}” is already confirmed.',
    },
    sponsorPage: {
      confirmTitle: 'Confirm your support',
      signing: 'You are supporting “{title}”.',
      button: 'Confirm my support',
      confirmedTitle: 'Support confirmed',
      thanks: 'Thank you',
      counted: 'Your support for “{title}” is counted.',
      alreadyCounted: 'Your support for “{title}” is already counted.',
    },
    outcome: {
      publishedSubject: 'Your petition is published: {title}',
      published: '“{title}” is now open for signatures.',
      rejectedSubject: 'Your petition was not published: {title}',
      rejected: '“{title}” was not published, for this reason:',
      note: 'The moderator’s note:',
      reasons: {
        duplicate: 'A petition asking for the same thing is already open.',
        'not-council-responsibility': 'It asks for something the council is not responsible for.',
        offensive: 'It is offensive or defamatory.',
        'personal-information': 'It contains personal information.',
        advertising: 'It advertises a product, a service or a business.',
        'no-clear-action': 'It does not ask the council for a clear action.',
      },
    },
  },
  fr: {
    creatorMail: {
      subject: 'Confirmez votre pétition : {title}',
      intro: 'Merci d’avoir lancé « {title} ». Elle avancera une fois votre adresse confirmée.',
      action: 'Ouvrez ce lien et appuyez sur « Confirmer ma pétition » :',
      notYou: 'Si vous n’avez pas lancé cette pétition, ignorez ce message : rien ne sera publié.',
    },
    sponsorMail: {
      subject: 'Confirmez votre soutien : {title}',
      intro: 'Merci de soutenir « {title} ». Votre soutien comptera une fois confirmé.',
      action: 'Ouvrez ce lien et appuyez sur « Confirmer mon soutien » :',
      notYou: 'Si vous n’avez pas soutenu cette pétition, ignorez ce message : rien ne sera compté.',
    },
    creatorPage: {
      confirmTitle: 'Confirmez votre pétition',
      signing: 'Vous avez lancé « {title} ».',
      button: 'Confirmer ma pétition',
      confirmedTitle: 'Pétition confirmée',
      thanks: 'Merci',
      counted: '« {title} » est confirmée. Partagez le lien que la page vous a donné pour que d’autres la soutiennent.',
      alreadyCounted: '« {title} » est déjà confirmée.',
    },
    sponsorPage: {
      confirmTitle: 'Confirmez votre soutien',
      signing: 'Vous soutenez « {title} ».',
      button: 'Confirmer mon soutien',
      confirmedTitle: 'Soutien confirmé',
      thanks: 'Merci',
      counted: 'Votre soutien à « {title} » est compté.',
      alreadyCounted: 'Votre soutien à « {title} » est déjà compté.',
    },
    outcome: {
      publishedSubject: 'Votre pétition est publiée : {title}',
      published: '« {title} » est maintenant ouverte aux signatures.',
      rejectedSubject: 'Votre pétition n’a pas été publiée : {title}',
      rejected: '« {title} » n’a pas été publiée, pour cette raison :',
      note: 'La note du modérateur :',
      reasons: {
        duplicate: 'Une pétition demandant la même chose est déjà ouverte.',
        'not-council-responsibility': 'Elle demande une chose qui ne relève pas de la collectivité.',
        offensive: 'Elle est injurieuse ou diffamatoire.',
        'personal-information': 'Elle contient des informations personnelles.',
        advertising: 'Elle fait la publicité d’un produit, d’un service ou d’une entreprise.',
        'no-clear-action': 'Elle ne demande pas d’action claire à la collectivité.',
      },
    },
  },
  es: {
    creatorMail: {
      subject: 'Confirme su petición: {title}',
      intro: 'Gracias por iniciar «{title}». Seguirá adelante cuando confirme su dirección de correo.',
      action: 'Abra este enlace y pulse «Confirmar mi petición»:',
      notYou: 'Si usted no inició esta petición, ignore este correo: no se publicará nada.',
    },
    sponsorMail: {
      subject: 'Confirme su apoyo: {title}',
      intro: 'Gracias por apoyar «{title}». Su apoyo contará cuando lo confirme.',
      action: 'Abra este enlace y pulse «Confirmar mi apoyo»:',
      notYou: 'Si usted no apoyó esta petición, ignore este correo: no se contará nada.',
    },
    creatorPage: {
      confirmTitle: 'Confirme su petición',
      signing: 'Usted inició «{title}».',
      button: 'Confirmar mi petición',
      confirmedTitle: 'Petición confirmada',
      thanks: 'Gracias',
      counted: '«{title}» está confirmada. Comparta el enlace que le dio la página para que otros la apoyen.',
      alreadyCounted: '«{title}» ya estaba confirmada.',
    },
    sponsorPage: {
      confirmTitle: 'Confirme su apoyo',
      signing: 'Está apoyando «{title}».',
      button: 'Confirmar mi apoyo',
      confirmedTitle: 'Apoyo confirmado',
      thanks: 'Gracias',
      counted: 'Su apoyo a «{title}» ya cuenta.',
      alreadyCounted: 'Su apoyo a «{title}» ya estaba contado.',
    },
    outcome: {
      publishedSubject: 'Su petición está publicada: {title}',
      published: '«{title}» ya está abierta a firmas.',
      rejectedSubject: 'Su petición no se publicó: {title}',
      rejected: '«{title}» no se publicó, por este motivo:',
      note: 'La nota del moderador:',
      reasons: {
        duplicate: 'Ya hay abierta una petición que pide lo mismo.',
        'not-council-responsibility': 'Pide algo que no es competencia del ayuntamiento.',
        offensive: 'Es ofensiva o difamatoria.',
        'personal-information': 'Contiene información personal.',
        advertising: 'Anuncia un producto, un servicio o una empresa.',
        'no-clear-action': 'No pide al ayuntamiento una acción clara.',
      },
    },
  },
  ar: {
    creatorMail: {
      subject: 'أكّد عريضتك: {title}',
      intro: 'شكرًا لبدئك «{title}». تمضي العريضة قدمًا بعد تأكيد عنوان بريدك الإلكتروني.',
      action: 'افتح هذا الرابط واضغط «تأكيد عريضتي»:',
      notYou: 'إذا لم تبدأ هذه العريضة، فتجاهل هذه الرسالة: لن يُنشر أي شيء.',
    },
    sponsorMail: {
      subject: 'أكّد دعمك: {title}',
      intro: 'شكرًا لدعمك «{title}». يُحتسب دعمك بعد تأكيده.',
      action: 'افتح هذا الرابط واضغط «تأكيد دعمي»:',
      notYou: 'إذا لم تدعم هذه العريضة، فتجاهل هذه الرسالة: لن يُحتسب أي شيء.',
    },
    creatorPage: {
      confirmTitle: 'أكّد عريضتك',
      signing: 'لقد بدأت «{title}».',
      button: 'تأكيد عريضتي',
      confirmedTitle: 'تم تأكيد العريضة',
      thanks: 'شكرًا لك',
      counted: 'تم تأكيد «{title}». شارك الرابط الذي أعطتك إياه الصفحة ليدعمها الآخرون.',
      alreadyCounted: '«{title}» مؤكدة بالفعل.',
    },
    sponsorPage: {
      confirmTitle: 'أكّد دعمك',
      signing: 'أنت تدعم «{title}».',
      button: 'تأكيد دعمي',
      confirmedTitle: 'تم تأكيد الدعم',
      thanks: 'شكرًا لك',
      counted: 'احتُسب دعمك لـ«{title}».',
      alreadyCounted: 'دعمك لـ«{title}» محتسب بالفعل.',
    },
    outcome: {
      publishedSubject: 'نُشرت عريضتك: {title}',
      published: '«{title}» مفتوحة الآن للتوقيع.',
      rejectedSubject: 'لم تُنشر عريضتك: {title}',
      rejected: 'لم تُنشر «{title}» للسبب التالي:',
      note: 'ملاحظة المشرف:',
      reasons: {
        duplicate: 'توجد عريضة مفتوحة تطلب الشيء نفسه.',
        'not-council-responsibility': 'تطلب أمرًا ليس من مسؤولية المجلس.',
        offensive: 'إنها مسيئة أو تشهيرية.',
        'personal-information': 'تحتوي على معلومات شخصية.',
        advertising: 'تروّج لمنتج أو خدمة أو نشاط تجاري.',
        'no-clear-action': 'لا تطلب من المجلس إجراءً واضحًا.',
      },
    },
  },
  zh: {
    creatorMail: {
      subject: '请确认您的请愿：{title}',
      intro: '感谢您发起“{title}”。确认您的电子邮件地址后，请愿才会继续。',
      action: '请打开此链接并点击“确认我的请愿”：',
      notYou: '如果您没有发起此请愿，请忽略此邮件：不会发布任何内容。',
    },
    sponsorMail: {
      subject: '请确认您的支持：{title}',
      intro: '感谢您支持“{title}”。确认后您的支持才会计入。',
      action: '请打开此链接并点击“确认我的支持”：',
      notYou: '如果您没有支持此请愿，请忽略此邮件：不会计入任何内容。',
    },
    creatorPage: {
      confirmTitle: '确认您的请愿',
      signing: '您发起了“{title}”。',
      button: '确认我的请愿',
      confirmedTitle: '请愿已确认',
      thanks: '谢谢',
      counted: '“{title}”已确认。请分享页面给您的链接，让其他人支持它。',
      alreadyCounted: '“{title}”此前已确认。',
    },
    sponsorPage: {
      confirmTitle: '确认您的支持',
      signing: '您正在支持“{title}”。',
      button: '确认我的支持',
      confirmedTitle: '支持已确认',
      thanks: '谢谢',
      counted: '您对“{title}”的支持已计入。',
      alreadyCounted: '您对“{title}”的支持此前已计入。',
    },
    outcome: {
      publishedSubject: '您的请愿已发布：{title}',
      published: '“{title}”现已开放签名。',
      rejectedSubject: '您的请愿未获发布：{title}',
      rejected: '“{title}”未获发布，原因如下：',
      note: '审核员的说明：',
      reasons: {
        duplicate: '已有一项提出相同要求的请愿正在进行。',
        'not-council-responsibility': '所提要求不属于市政府的职责。',
        offensive: '内容具有冒犯性或诽谤性。',
        'personal-information': '内容包含个人信息。',
        advertising: '内容为产品、服务或企业做广告。',
        'no-clear-action': '未向市政府提出明确的行动要求。',
      },
    },
  },
};

const stringsOf = (locale: string) => STRINGS[locale] ?? STRINGS.en!;

/** The mail that asks a proposal's creator to confirm their address. */
export const creatorConfirmationMail = (to: string, title: string, link: string, locale: string): Mail =>
  linkMail(to, stringsOf(locale).creatorMail, title, link, locale);

/** The mail that asks a sponsor to confirm their address. */
export const sponsorConfirmationMail = (to: string, title: string, link: string, locale: string): Mail =>
  linkMail(to, stringsOf(locale).sponsorMail, title, link, locale);

/** The confirmation page's words for a proposal's creator or sponsor, in `locale` (else English). */
export function proposalPageStrings(kind: 'creator' | 'sponsor', locale: string) {
  const lang = locale in STRINGS ? locale : 'en';
  const strings = stringsOf(lang);
  return { lang, dir: textDirection(lang), strings: kind === 'creator' ? strings.creatorPage : strings.sponsorPage };
}

/** The moderator's decision, for the creator: published, or rejected with the reason and the note. */
export function outcomeMail(
  to: string,
  title: string,
  decision: { published: true } | { published: false; reason: RejectionReason; note?: string },
  locale: string,
): Mail {
  const strings = stringsOf(locale).outcome;
  const lines = decision.published
    ? [withTitle(strings.published, title)]
    : [
        withTitle(strings.rejected, title),
        strings.reasons[decision.reason],
        ...(decision.note ? [strings.note, decision.note] : []),
      ];
  const subject = withTitle(decision.published ? strings.publishedSubject : strings.rejectedSubject, title);
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return {
    to,
    subject,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${paragraphs}</body></html>`,
  };
}
