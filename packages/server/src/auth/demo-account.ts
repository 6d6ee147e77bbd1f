// `npm start` on the demo data: an officer account so that the console can be tried at once. Its password is
// random, made anew at each start of a demo server and printed then (only the hash is stored): for a local demo
// only; no council runs production on CIVIC_SEED=demo.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { addUser } from './users.js';

export const DEMO_OFFICER = 'officer@demo.example';

/** Creates the demo officer (an admin), or gives it a new password; returns the password. */
export async function resetDemoOfficer(db: Kysely<Database>, now: Date): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  const existing = await db.selectFrom('users').select('id').where('email', '=', DEMO_OFFICER).executeTakeFirst();
  if (!existing) await addUser(db, { email: DEMO_OFFICER, role: 'admin', password }, now);
  else
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password) })
      .where('id', '=', existing.id)
      .execute();
  return password;
}
