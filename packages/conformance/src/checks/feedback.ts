import { FeedbackReceipt } from '@civic-widgets/client/schemas';
import type { Check } from '../check.js';
import { expectAccepted, expectEqual, expectFieldErrors, expectProblem, expectShape, expectStatus } from '../expect.js';
import { feedback } from '../fixtures.js';

const section = 'feedback';

export const feedbackChecks: Check[] = [
  {
    id: 'feedback.submit',
    title: 'POST /feedback answers 201 with a FeedbackReceipt',
    section,
    mode: 'write',
    resource: 'feedback',
    async run({ backend }) {
      const answer = await backend.post('/feedback', feedback({ comment: 'Sent by the conformance kit.' }));
      expectStatus(answer, 201);
      expectShape(FeedbackReceipt, answer, 'FeedbackReceipt');
    },
  },
  {
    id: 'feedback.validation',
    title: 'A rating outside its scale is a 422 with an error at rating.value',
    section: 'errors',
    mode: 'write',
    resource: 'feedback',
    async run({ backend }) {
      const answer = await backend.post('/feedback', feedback({ rating: { scale: 'thumbs', value: 7 } }));
      expectFieldErrors(answer, ['rating.value']);
    },
  },
  {
    id: 'feedback.follow-up',
    title: 'A follow-up answers the first receiptId; an unknown followUpTo is a 404 not-found',
    section,
    mode: 'write',
    resource: 'feedback',
    async run({ backend }) {
      const first = await backend.post('/feedback', feedback());
      expectAccepted(first);
      const { receiptId } = expectShape(FeedbackReceipt, first, 'FeedbackReceipt');
      const followUp = await backend.post('/feedback', feedback({ comment: 'A follow-up.', followUpTo: receiptId }));
      expectAccepted(followUp);
      expectEqual(expectShape(FeedbackReceipt, followUp, 'FeedbackReceipt').receiptId, receiptId, 'receiptId');
      const unknown = feedback({ comment: 'A follow-up.', followUpTo: `conformance-missing-${crypto.randomUUID()}` });
      expectProblem(await backend.post('/feedback', unknown), 404, 'not-found');
    },
  },
  {
    id: 'feedback.honeypot',
    title: 'Feedback with the honeypot `website` filled in is answered like a success and stores nothing to follow up',
    section: 'submissions-idempotency-and-the-honeypot',
    mode: 'write',
    resource: 'feedback',
    async run({ backend }) {
      const answer = await backend.post('/feedback', feedback({ website: 'https://spam.example' }));
      expectAccepted(answer);
      const { receiptId } = expectShape(FeedbackReceipt, answer, 'FeedbackReceipt');
      expectProblem(await backend.post('/feedback', feedback({ followUpTo: receiptId })), 404, 'not-found');
    },
  },
];
