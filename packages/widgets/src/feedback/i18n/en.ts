import type { FeedbackStrings } from '../feedback.strings.js';

export const strings: FeedbackStrings = {
  questionThumbs: 'Is this page useful?',
  questionStars: 'How would you rate this page?',
  questionSmileys: 'How satisfied are you with this service?',
  questionNps: 'How likely are you to recommend this service to a friend or colleague?',
  ratingRequired: 'Choose an answer',
  send: 'Send',
  recorded: 'Thank you, your answer has been recorded.',
  followUpNegative: 'What went wrong?',
  followUpPositive: 'Is there anything we could do better?',
  reasonNotFound: 'I could not find what I was looking for',
  reasonUnclear: 'It was hard to understand',
  reasonOutdated: 'The information is out of date or wrong',
  reasonBroken: 'Something did not work',
  commentLabel: 'Tell us more (optional)',
  privacyHint:
    'Do not include personal details such as your name, email address or phone number. We remove email addresses, phone numbers and long numbers before sending.',
  remaining: { one: '{count} character left', other: '{count} characters left' },
  thanksHeading: 'Thank you for your feedback',
  thanksText: 'We read every comment to improve our services.',
  open: 'Feedback',
  close: 'Close',
};
