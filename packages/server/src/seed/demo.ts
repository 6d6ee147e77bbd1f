import { exampleSeed } from '@civic-widgets/client/adapters/memory';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createPetition, setResponse } from '../store/petitions.js';
import { createPoll } from '../store/polls.js';
import { normalisePostcode, upsertCategory, upsertService } from '../store/services.js';
import { EXTRA_CATEGORIES, generateServices } from './generate-services.js';

export const FEEDBACK_TOPICS = [
  { id: 'website', label: 'This website' },
  { id: 'bins', label: 'Bins and recycling' },
  { id: 'council-tax', label: 'Council tax' },
  { id: 'parking', label: 'Parking' },
  { id: 'libraries', label: 'Libraries' },
];

/** Adds services and their postcodes (for the demo, and 10 000 of them for the benchmark). */
export async function seedServices(db: Kysely<Database>, count: number, now: Date, seed?: number) {
  const { services, postcodes } = generateServices(count, seed);
  await db.transaction().execute(async (trx) => {
    for (const category of EXTRA_CATEGORIES) await upsertCategory(trx, category);
    for (const service of services) await upsertService(trx, service, now);
    await addPostcodes(trx, postcodes);
  });
}

async function addPostcodes(db: Kysely<Database>, postcodes: Record<string, { lat: number; lng: number }>) {
  const rows = Object.entries(postcodes).map(([postcode, at]) => ({ postcode: normalisePostcode(postcode), ...at }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('postcodes')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('postcode').doNothing())
      .execute();
  }
}

/**
 * Fills an empty database with the demo: the client's "City of Example" seed (so that the memory adapter and
 * the server show the same petitions, polls and services), 234 generated services around Leeds, their
 * postcodes and feedback topics. A database with any petition, poll or service is left alone.
 */
export async function seedDemo(db: Kysely<Database>, now: Date): Promise<boolean> {
  const used = await db
    .selectFrom('petitions')
    .select('id')
    .union(db.selectFrom('polls').select('id'))
    .union(db.selectFrom('services').select('id'))
    .limit(1)
    .executeTakeFirst();
  if (used) return false;
  const example = exampleSeed();
  await db.transaction().execute(async (trx) => {
    for (const { signatureCount, response, ...petition } of example.petitions) {
      await createPetition(trx, { ...petition, requiresConfirmation: false }, now, signatureCount);
      if (response) await setResponse(trx, petition.id, response, now);
    }
    for (const { status: _, ...poll } of example.polls) await createPoll(trx, poll, now);
    for (const category of example.categories) await upsertCategory(trx, category);
    for (const service of example.services) await upsertService(trx, service, now);
    await addPostcodes(trx, example.postcodes);
    await trx.insertInto('feedback_topics').values(FEEDBACK_TOPICS).execute();
  });
  await seedServices(db, 234, now);
  return true;
}
