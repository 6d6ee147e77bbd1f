// Officers' accounts in the database: created and disabled from the command line (cli.ts) or by single sign-on.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import type { Role } from './roles.js';

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

/** Emails are matched without regard to case or surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const toUser = (row: { id: string; email: string; role: string; created_at: string; disabled_at: string | null }) => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

export class AccountError extends Error {}

/** Creates an account; refuses a duplicate email or a short password with a message for the person typing. */
export async function addUser(
  db: Kysely<Database>,
  { email, role, password }: { email: string; role: Role; password: string | null },
  now: Date,
): Promise<User> {
  const address = normaliseEmail(email);
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new AccountError(`"${email}" is not an email address.`);
  if (password !== null && password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  const existing = await db.selectFrom('users').select('id').where('email', '=', address).executeTakeFirst();
  if (existing) throw new AccountError(`An account for ${address} already exists.`);
  const row = {
    id: randomUUID(),
    email: address,
    role,
    password_hash: password === null ? null : await hashPassword(password),
    created_at: now.toISOString(),
    disabled_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(toUser);
}

/** The account with this email, with its password hash: for signing in. */
export function findUserForSignIn(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

/** Disables an account and ends its sessions at once. Returns false when there is no such account. */
export async function disableUser(db: Kysely<Database>, email: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
    if (!user) return false;
    await trx.updateTable('users').set({ disabled_at: now.toISOString() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    return true;
  });
}
