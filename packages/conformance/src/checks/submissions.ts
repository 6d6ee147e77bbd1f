import { SignatureReceipt } from '@civic-widgets/client/schemas';
import type { Check, CheckContext } from '../check.js';
import { expectAccepted, expectEqual, expectProblem, expectShape } from '../expect.js';
import { ballot, feedback, signature } from '../fixtures.js';
import { CheckSkipped } from '../outcome.js';

const section = 'submissions-idempotency-and-the-honeypot';

/** Every POST of the protocol with a valid body; those without data to post to (no open poll) are left out. */
async function submissions({ fixtures }: CheckContext): Promise<{ path: string; body: unknown }[]> {
  const found: { path: string; body: unknown }[] = [{ path: '/feedback', body: feedback() }];
  const optional = async (make: () => Promise<{ path: string; body: unknown }>) => {
    try {
      found.push(await make());
    } catch (error) {
      if (!(error instanceof CheckSkipped)) throw error;
    }
  };
  await optional(async () => {
    const petition = await fixtures.openPetition();
    return { path: `/petitions/${petition.id}/signatures`, body: signature(petition) };
  });
  await optional(async () => {
    const poll = await fixtures.openPoll();
    return { path: `/polls/${poll.id}/votes`, body: ballot(poll) };
  });
  return found;
}

export const submissionChecks: Check[] = [
  {
    id: 'submissions.idempotency-key-required',
    title: 'A POST without Idempotency-Key is a 400 idempotency-key-required problem',
    section,
    mode: 'write',
    resource: 'submissions',
    async run(context) {
      for (const { path, body } of await submissions(context)) {
        expectProblem(await context.backend.post(path, body, null), 400, 'idempotency-key-required');
      }
    },
  },
  {
    id: 'submissions.replay',
    title: 'A repeated Idempotency-Key is answered with the first answer and counts nothing new',
    section,
    mode: 'write',
    resource: 'submissions',
    async run({ backend, fixtures }) {
      const petition = await fixtures.openPetition();
      const path = `/petitions/${petition.id}/signatures`;
      const key = crypto.randomUUID();
      const body = signature(petition);
      const first = await backend.post(path, body, key);
      expectAccepted(first);
      const receipt = expectShape(SignatureReceipt, first, 'SignatureReceipt');
      const count = await fixtures.signatureCount(petition.id);
      const replay = await backend.post(path, body, key);
      expectEqual(replay.status, first.status, 'status of the replay');
      expectEqual(expectShape(SignatureReceipt, replay, 'SignatureReceipt').receiptId, receipt.receiptId, 'receiptId');
      expectEqual(await fixtures.signatureCount(petition.id), count, 'signatureCount after the replay');
    },
  },
  {
    id: 'submissions.replay-concurrent',
    title: 'Two POSTs with one Idempotency-Key at the same time get one answer',
    section,
    mode: 'write',
    resource: 'submissions',
    async run({ backend }) {
      const key = crypto.randomUUID();
      const body = feedback();
      const answers = await Promise.all([backend.post('/feedback', body, key), backend.post('/feedback', body, key)]);
      for (const answer of answers) expectAccepted(answer);
      expectEqual(answers[1].json, answers[0].json, 'second answer');
    },
  },
  {
    id: 'submissions.idempotency-key-reused',
    title: 'The same Idempotency-Key with another body is a 422 idempotency-key-reused problem',
    section: 'errors',
    mode: 'write',
    resource: 'submissions',
    async run({ backend }) {
      const key = crypto.randomUUID();
      expectAccepted(await backend.post('/feedback', feedback(), key));
      const other = feedback({ rating: { scale: 'thumbs', value: 0 } });
      expectProblem(await backend.post('/feedback', other, key), 422, 'idempotency-key-reused');
    },
  },
  {
    id: 'submissions.json-only',
    title: 'A POST that is not application/json (a plain or form body) is a 415 unsupported-media-type problem',
    section: 'protocol-v1',
    mode: 'write',
    resource: 'submissions',
    async run({ backend }) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const answer = await backend.request('POST', '/feedback', {
          body: JSON.stringify(feedback()),
          headers: { 'Content-Type': contentType, 'Idempotency-Key': crypto.randomUUID() },
        });
        expectProblem(answer, 415, 'unsupported-media-type');
      }
    },
  },
];
