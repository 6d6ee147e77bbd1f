import { Petition, PetitionList, SignatureReceipt } from '@civic-widgets/client/schemas';
import type { Check } from '../check.js';
import { expectAccepted, expectEqual, expectFieldErrors, expectProblem, expectShape, expectStatus } from '../expect.js';
import { signature, uniqueEmail } from '../fixtures.js';
import { skip } from '../outcome.js';
import { listChecks, statusByClockCheck, statusFilterCheck } from './lists.js';

const section = 'petitions';

export const petitionChecks: Check[] = [
  ...listChecks({ resource: 'petitions', path: '/petitions', schema: PetitionList, name: 'PetitionList', section }),
  statusFilterCheck('petitions', '/petitions', 'open'),
  statusByClockCheck('petitions', '/petitions', 'Listed petitions past closesAt are not open'),
  {
    id: 'petitions.item',
    title: 'GET /petitions/{id} answers 200 with a Petition for every listed petition',
    section,
    mode: 'read',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const listed = await fixtures.list('/petitions');
      if (!listed.length) skip('the backend lists no petition');
      for (const { id } of listed) {
        const answer = await backend.get(`/petitions/${id}`);
        expectStatus(answer, 200);
        expectEqual(expectShape(Petition, answer, `Petition ${id}`).id, id, 'id');
      }
    },
  },
  {
    id: 'petitions.not-found',
    title: 'GET /petitions/{unknown id} answers a 404 not-found problem',
    section: 'errors',
    mode: 'read',
    resource: 'petitions',
    async run({ backend }) {
      expectProblem(await backend.get(`/petitions/conformance-missing-${crypto.randomUUID()}`), 404, 'not-found');
    },
  },
  {
    id: 'petitions.sign',
    title: 'POST /petitions/{id}/signatures answers 201 with a SignatureReceipt',
    section,
    mode: 'write',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const petition = await fixtures.openPetition();
      const answer = await backend.post(`/petitions/${petition.id}/signatures`, signature(petition));
      expectStatus(answer, 201);
      expectShape(SignatureReceipt, answer, 'SignatureReceipt');
    },
  },
  {
    id: 'petitions.validation',
    title: 'A signature with a bad email and no consent is a 422 with errors at email and consent',
    section: 'errors',
    mode: 'write',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const petition = await fixtures.openPetition();
      const body = { ...signature(petition), email: 'not-an-email', consent: false };
      expectFieldErrors(await backend.post(`/petitions/${petition.id}/signatures`, body), ['email', 'consent']);
    },
  },
  {
    id: 'petitions.dedupe',
    title: 'A second signature with the same email in capitals is answered alike and not counted',
    section,
    mode: 'write',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const petition = await fixtures.openPetition();
      const path = `/petitions/${petition.id}/signatures`;
      const email = uniqueEmail();
      const first = await backend.post(path, signature(petition, email));
      expectAccepted(first);
      const receipt = expectShape(SignatureReceipt, first, 'SignatureReceipt');
      if (receipt.status !== 'counted') skip('this petition asks signers to confirm by email, so counts do not move');
      const before = await fixtures.signatureCount(petition.id);
      const again = await backend.post(path, signature(petition, email.toUpperCase()));
      expectEqual(again.status, first.status, 'status of the second signature');
      expectEqual(expectShape(SignatureReceipt, again, 'SignatureReceipt').status, 'counted', 'receipt status');
      expectEqual(await fixtures.signatureCount(petition.id), before, 'signatureCount');
    },
  },
  {
    id: 'petitions.honeypot',
    title: 'A signature with the honeypot `website` filled in is answered like a success and not counted',
    section: 'submissions-idempotency-and-the-honeypot',
    mode: 'write',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const petition = await fixtures.openPetition();
      const before = await fixtures.signatureCount(petition.id);
      const answer = await backend.post(`/petitions/${petition.id}/signatures`, {
        ...signature(petition),
        website: 'https://spam.example',
      });
      expectAccepted(answer);
      expectShape(SignatureReceipt, answer, 'SignatureReceipt');
      expectEqual(await fixtures.signatureCount(petition.id), before, 'signatureCount');
    },
  },
  {
    id: 'petitions.closed',
    title: 'A signature on a closed petition is a 409 petition-closed problem',
    section: 'errors',
    mode: 'write',
    resource: 'petitions',
    async run({ backend, fixtures }) {
      const id = await fixtures.closedPetitionId();
      const answer = await backend.post(
        `/petitions/${id}/signatures`,
        signature({ id, signerFields: ['postcode', 'country'] }),
      );
      expectProblem(answer, 409, 'petition-closed');
    },
  },
];
