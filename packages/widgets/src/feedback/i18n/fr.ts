import type { FeedbackStrings } from '../feedback.strings.js';

export const strings: FeedbackStrings = {
  questionThumbs: 'Cette page vous a-t-elle été utile ?',
  questionStars: 'Quelle note donnez-vous à cette page ?',
  questionSmileys: 'Êtes-vous satisfait de ce service ?',
  questionNps: 'Quelle est la probabilité que vous recommandiez ce service à un proche ou un collègue ?',
  ratingRequired: 'Choisissez une réponse',
  send: 'Envoyer',
  recorded: 'Merci, votre réponse a été enregistrée.',
  followUpNegative: 'Qu’est-ce qui n’a pas fonctionné ?',
  followUpPositive: 'Que pourrions-nous améliorer ?',
  reasonNotFound: 'Je n’ai pas trouvé ce que je cherchais',
  reasonUnclear: 'C’était difficile à comprendre',
  reasonOutdated: 'Les informations sont périmées ou fausses',
  reasonBroken: 'Quelque chose n’a pas fonctionné',
  commentLabel: 'Dites-nous en plus (facultatif)',
  privacyHint:
    'N’indiquez aucune donnée personnelle (nom, adresse e-mail, numéro de téléphone). Nous supprimons les adresses e-mail, les numéros de téléphone et les longs numéros avant l’envoi.',
  remaining: {
    one: '{count} caractère restant',
    many: '{count} caractères restants',
    other: '{count} caractères restants',
  },
  fieldsIntro: 'Répondez aux questions ci-dessous, puis envoyez votre avis.',
  fieldRequiredMark: '{label} (obligatoire)',
  fieldRequired: 'Répondez à « {label} »',
  fieldNumber: 'Saisissez un nombre pour « {label} »',
  fieldChoose: 'Choisissez une option',
  thanksHeading: 'Merci pour votre avis',
  thanksText: 'Nous lisons chaque commentaire pour améliorer nos services.',
  open: 'Votre avis',
  close: 'Fermer',
  refused:
    'Le service n’a pas pu accepter ce signalement tel quel. Vos réponses sont conservées : réessayez plus tard ou contactez-nous autrement.',
};
