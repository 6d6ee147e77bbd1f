import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { drift, generate } from '../../../../scripts/json-schema.js';
import * as schemas from './index.js';

test('docs/schema matches the zod schemas (run `npm run schema` after changing a schema)', () => {
  assert.deepEqual(drift(), []);
});

test('the JSON Schemas keep the formats and integer types that zod/mini checks with patterns', () => {
  const petition = JSON.parse(generate().get('Petition.json')!);
  assert.equal(petition.properties.signatureCount.type, 'integer');
  assert.equal(petition.properties.closesAt.format, 'date-time');
  assert.equal(petition.properties.privacyNoticeUrl.format, 'uri');
  const signature = JSON.parse(generate().get('SignatureRequest.json')!);
  assert.equal(signature.properties.email.format, 'email');
  assert.equal(signature.properties.consent.const, true);
  assert.deepEqual(signature.required, ['name', 'email', 'consent']);
});

test("the schemas browsers load leave zod's global registry alone: the metadata lives in scripts/json-schema.ts", () => {
  const formerlyRegistered = [
    schemas.DateTime,
    schemas.HttpUrl,
    schemas.Email,
    schemas.SignatureRequest.shape.consent,
    schemas.Petition.shape.signatureCount,
    schemas.Rating.def.shape.value,
  ];
  for (const schema of formerlyRegistered) assert.equal(z.globalRegistry.get(schema), undefined);
});
