import type { FeedbackStrings } from '../feedback.strings.js';

export const strings: FeedbackStrings = {
  questionThumbs: '¿Le ha resultado útil esta página?',
  questionStars: '¿Cómo valoraría esta página?',
  questionSmileys: '¿Qué grado de satisfacción tiene con este servicio?',
  questionNps: '¿Qué probabilidad hay de que recomiende este servicio a un amigo o colega?',
  ratingRequired: 'Elija una respuesta',
  send: 'Enviar',
  recorded: 'Gracias, hemos registrado su respuesta.',
  followUpNegative: '¿Qué ha fallado?',
  followUpPositive: '¿Hay algo que podamos mejorar?',
  reasonNotFound: 'No encontré lo que buscaba',
  reasonUnclear: 'Era difícil de entender',
  reasonOutdated: 'La información está desactualizada o es incorrecta',
  reasonBroken: 'Algo no funcionó',
  commentLabel: 'Cuéntenos más (opcional)',
  privacyHint:
    'No incluya datos personales como su nombre, correo electrónico o teléfono. Antes del envío eliminamos los correos electrónicos, los números de teléfono y los números largos.',
  remaining: { one: 'Queda {count} carácter', many: 'Quedan {count} caracteres', other: 'Quedan {count} caracteres' },
  fieldsIntro: 'Responda a las preguntas siguientes y envíe su opinión.',
  fieldRequiredMark: '{label} (obligatorio)',
  fieldRequired: 'Responda a «{label}»',
  fieldNumber: 'Escriba un número en «{label}»',
  fieldChoose: 'Elija una opción',
  thanksHeading: 'Gracias por su opinión',
  thanksText: 'Leemos todos los comentarios para mejorar nuestros servicios.',
  open: 'Su opinión',
  close: 'Cerrar',
  refused:
    'El servicio no pudo aceptar este aviso tal como está. Sus respuestas siguen aquí: inténtelo más tarde o contáctenos de otra forma.',
};
