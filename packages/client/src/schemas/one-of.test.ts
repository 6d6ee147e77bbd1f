import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { oneOf } from './build.js';
import { RatingScale } from './feedback.js';
import { PetitionStatus, SignatureReceipt, SignerField } from './petition.js';
import { PollKind, PollStatus, ResultsVisibility } from './poll.js';
import { Weekday } from './service.js';

/** True when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The inferred output and input types stay the literal unions that `z.enum` gave (checked by tsc).
const sameTypes: [
  Same<z.infer<typeof PetitionStatus>, 'open' | 'closed' | 'responded'>,
  Same<z.infer<typeof PollStatus>, 'upcoming' | 'open' | 'closed'>,
  Same<z.infer<typeof RatingScale>, 'thumbs' | 'stars' | 'smileys' | 'nps'>,
  Same<z.infer<typeof SignatureReceipt>['status'], 'counted' | 'pending_confirmation'>,
  Same<z.input<typeof Weekday>, 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su'>,
] = [true, true, true, true, true];

const lists = {
  PetitionStatus: PetitionStatus.options,
  SignerField: SignerField.options,
  PollKind: PollKind.options,
  PollStatus: PollStatus.options,
  ResultsVisibility: ResultsVisibility.options,
  RatingScale: RatingScale.options,
  Weekday: Weekday.options,
};

/** Values near the options (case, spaces, prefixes, boxed strings) and anything at all. */
const candidates = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((v) => v.toUpperCase()),
    fc.constantFrom(...values).map((v) => ` ${v}`),
    fc.constantFrom(...values).map((v) => v.slice(1)),
    fc.constantFrom(...values).map((v) => new String(v)),
    fc.string(),
    fc.anything(),
  );

const outcome = (schema: z.core.$ZodType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
};

describe('oneOf, the cheap z.enum', () => {
  expect(sameTypes).to.deep.equal([true, true, true, true, true]);

  for (const [name, values] of Object.entries(lists)) {
    it(`${name}: accepts and refuses exactly what z.enum does, with the same issue for any string`, () => {
      const enumSchema = z.enum(values as unknown as [string, ...string[]]);
      const oneOfSchema = oneOf(values as unknown as [string, ...string[]]);
      fc.assert(
        fc.property(candidates(values), (value) => {
          const before = outcome(enumSchema, value);
          const after = outcome(oneOfSchema, value);
          expect(after.success).to.equal(before.success);
          if (typeof value === 'string') expect(after).to.deep.equal(before);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('the exported schemas are the oneOf of their options, inside objects too', () => {
    for (const status of ['counted', 'pending_confirmation', 'Counted', '', 3, null]) {
      const body = { receiptId: 'r', status, signatureCount: 1 };
      const withEnum = z.object({ ...SignatureReceipt.shape, status: z.enum(['counted', 'pending_confirmation']) });
      expect(outcome(SignatureReceipt, body).success, String(status)).to.equal(outcome(withEnum, body).success);
    }
  });
});
