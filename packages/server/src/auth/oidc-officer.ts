// Who a single sign-on stands for: the officer's account, found by the provider's issuer and subject (which do
// not change when an email does), else by email (an officer who had a local account), else made. The provider
// is the authority for the role: each sign-in takes it from the role claim, and a sign-in without a valid role
// is refused, never given a default. A disabled account stays disabled whatever the provider says.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { OidcSignInError } from './oidc.js';
import { isRole, ROLES, type Role } from './roles.js';
import { normaliseEmail } from './users.js';

/**
 * The role in `claims[claim]`: one role, or a list (as providers give group or app roles) of which the highest
 * known role counts. A claim name with dots that is not itself a claim is read as a path (`realm_access.roles`).
 */
export function roleFromClaims(claims: Record<string, unknown>, claim: string): Role | undefined {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes('.')) {
    value = claim.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], claims);
  }
  const held = (Array.isArray(value) ? value : [value]).filter(isRole);
  return held.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}

export interface OidcClaims {
  iss: string;
  sub: string;
  [claim: string]: unknown;
}

/** The officer this sign-in is, with their account brought up to date; throws OidcSignInError when refused. */
export async function officerFromClaims(db: Kysely<Database>, claims: OidcClaims, roleClaim: string, now: Date) {
  const role = roleFromClaims(claims, roleClaim);
  if (!role) throw new OidcSignInError('no-role');
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw new OidcSignInError('no-email');

  return db.transaction().execute(async (trx) => {
    const linked = await trx
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', claims.iss)
      .where('oidc_subject', '=', claims.sub)
      .executeTakeFirst();
    // An unverified email is not proof of owning the local account that has it.
    const byEmail =
      linked || claims.email_verified === false
        ? undefined
        : await trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    const existing = linked ?? byEmail;
    if (existing?.disabled_at) throw new OidcSignInError('disabled');
    if (byEmail && byEmail.oidc_subject !== null) throw new OidcSignInError('failed'); // someone else's identity
    if (!existing) {
      const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new OidcSignInError('failed'); // a local account whose email the provider did not verify
      const user = {
        id: randomUUID(),
        email,
        role,
        password_hash: null,
        created_at: now.toISOString(),
        disabled_at: null,
        oidc_issuer: claims.iss,
        oidc_subject: claims.sub,
      };
      await trx.insertInto('users').values(user).execute();
      return { id: user.id, email, role, created: true };
    }
    // The email follows the provider's unless another account already has the new one.
    const emailFree =
      email === existing.email ||
      !(await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
    const current = emailFree ? email : existing.email;
    await trx
      .updateTable('users')
      .set({ role, email: current, oidc_issuer: claims.iss, oidc_subject: claims.sub })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, email: current, role, created: false };
  });
}
