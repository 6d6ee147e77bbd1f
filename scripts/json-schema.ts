// The JSON Schema of every protocol request and response, generated from the zod schemas (the single source
// of truth) into docs/schema/. `npx tsx scripts/json-schema.ts` writes them; `--check` fails when they drift.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { FORMATS, isTrue, ONE_OF } from '../packages/client/src/schemas/build.js';
import * as schemas from '../packages/client/src/schemas/index.js';
import * as proposals from '../packages/client/src/schemas/proposal.js';

export const outDir = new URL('../docs/schema/', import.meta.url);

/** Each protocol document, by the name used in docs/protocol.md, and whether it is sent or received. */
const documents: Record<string, [z.core.$ZodType, 'input' | 'output']> = {
  PetitionListQuery: [schemas.PetitionListQuery, 'input'],
  PetitionList: [schemas.PetitionList, 'output'],
  Petition: [schemas.Petition, 'output'],
  SignatureRequest: [schemas.SignatureRequest, 'input'],
  SignatureReceipt: [schemas.SignatureReceipt, 'output'],
  FeedbackRequest: [schemas.FeedbackRequest, 'input'],
  FeedbackReceipt: [schemas.FeedbackReceipt, 'output'],
  PollListQuery: [schemas.PollListQuery, 'input'],
  PollList: [schemas.PollList, 'output'],
  Poll: [schemas.Poll, 'output'],
  VoteRequest: [schemas.VoteRequest, 'input'],
  VoteReceipt: [schemas.VoteReceipt, 'output'],
  PollResults: [schemas.PollResults, 'output'],
  ServiceQuery: [schemas.ServiceQuery, 'input'],
  ServiceList: [schemas.ServiceList, 'output'],
  ServiceCategoryList: [schemas.ServiceCategoryList, 'output'],
  PetitionProposalRequest: [proposals.PetitionProposalRequest, 'input'],
  ProposalReceipt: [proposals.ProposalReceipt, 'output'],
  Proposal: [proposals.Proposal, 'output'],
  SponsorRequest: [proposals.SponsorRequest, 'input'],
  SponsorReceipt: [proposals.SponsorReceipt, 'output'],
  SimilarPetitions: [proposals.SimilarPetitions, 'output'],
  Problem: [schemas.Problem, 'output'],
};

type Check = { _zod: { def: { check: string; pattern?: RegExp; fn?: unknown } }; [ONE_OF]?: readonly string[] };

/**
 * What JSON Schema says that the cheap checks of schemas/build.ts do not: the format of a pattern, the integer
 * type of `Number.isSafeInteger`, the constant of `isTrue`, the values of `oneOf`. Read off the schema whose last
 * check it is, where the browser build used to register it, so that the schemas refined from it inherit it.
 */
function metadataOf(schema: z.core.$ZodType): z.core.JSONSchemaMeta | undefined {
  const check = (schema._zod.def as { checks?: Check[] }).checks?.at(-1);
  if (!check) return undefined;
  if (check[ONE_OF]) return { enum: [...check[ONE_OF]] };
  const def = check._zod.def;
  const format = Object.entries(FORMATS).find(([, pattern]) => pattern === def.pattern)?.[0];
  if (format) return { format };
  if (def.fn === Number.isSafeInteger) return { type: 'integer' };
  if (def.fn === isTrue) return { const: true };
  return undefined;
}

/** A registry whose entries are computed by `metadataOf` (zod's `get` adds what schemas inherit from parents). */
class ChecksRegistry extends z.core.$ZodRegistry<z.core.JSONSchemaMeta> {
  constructor() {
    super();
    this._map = { get: metadataOf, has: (schema: z.core.$ZodType) => !!metadataOf(schema) } as typeof this._map;
  }
}
const metadata = new ChecksRegistry();

/** File name → JSON text, as the schemas say today. */
export function generate(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, [schema, io]] of Object.entries(documents)) {
    const jsonSchema = {
      ...z.toJSONSchema(schema, { io, unrepresentable: 'throw', metadata }),
      $id: `https://civic-widgets.org/schema/v1/${name}.json`,
      title: name,
    };
    files.set(`${name}.json`, `${JSON.stringify(jsonSchema, null, 2)}\n`);
  }
  return files;
}

/** Names of the files in docs/schema that differ from, are missing from, or are not in the generated set. */
export function drift(): string[] {
  const expected = generate();
  const present = readdirSync(outDir).filter((f) => f.endsWith('.json'));
  const stale = [...expected].filter(([file, text]) => {
    try {
      return readFileSync(new URL(file, outDir), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  return [...stale.map(([file]) => file), ...present.filter((file) => !expected.has(file))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const stale = drift();
    if (stale.length) {
      console.error(`docs/schema is out of date (${stale.join(', ')}): run npm run schema`);
      process.exit(1);
    }
  } else {
    for (const file of readdirSync(outDir)) if (file.endsWith('.json')) rmSync(new URL(file, outDir));
    for (const [file, text] of generate()) writeFileSync(new URL(file, outDir), text);
    console.log(`wrote ${generate().size} schemas to docs/schema/`);
  }
}
