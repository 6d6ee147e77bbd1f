import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { PetitionProposalRequest, Proposal, SimilarPetitions, SponsorRequest } from './proposal.js';

const valid = {
  title: 'Plant trees on Mill Lane',
  background: 'No shade in summer.',
  name: 'Amina',
  email: 'amina@example.org',
  postcode: 'LS1 3AB',
  consent: true,
};
const refused = (schema: z.core.$ZodType, value: unknown) =>
  (z.safeParse(schema, value).error?.issues ?? []).map((issue) => issue.path.join('.'));

test("a proposal's limits: title 10-80, background up to 300, details up to 800, postcode 2-10, consent given", () => {
  assert.deepEqual(refused(PetitionProposalRequest, valid), []);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, title: 'x'.repeat(9) }), ['title']);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, title: 'x'.repeat(81) }), ['title']);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, background: 'x'.repeat(301) }), ['background']);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, details: 'x'.repeat(801) }), ['details']);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, postcode: 'LS1 3AB XYZ' }), ['postcode']);
  assert.deepEqual(refused(PetitionProposalRequest, { ...valid, consent: false }), ['consent']);
  assert.deepEqual(refused(SponsorRequest, { name: 'Sam', email: 'sam@', postcode: 'LS2', consent: true }), ['email']);
});

test('a rejected proposal may come without its text; more than five similar petitions is not the protocol', () => {
  const hidden = {
    id: 'p1',
    status: 'rejected',
    sponsorCount: 5,
    sponsorsNeeded: 5,
    rejection: { reason: 'offensive' },
  };
  assert.deepEqual(refused(Proposal, hidden), []);
  assert.deepEqual(refused(Proposal, { ...hidden, rejection: { reason: 'rude' } }), ['rejection.reason']);
  const petition = { id: 'a', title: 'A', signatureCount: 1 };
  assert.deepEqual(refused(SimilarPetitions, { data: Array(6).fill(petition) }), ['data']);
});
