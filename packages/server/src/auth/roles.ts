// Who may do what in the admin API. Each route declares the least role it needs (`config: { role }`); a higher
// role may do everything a lower one may.
//   viewer  reads: petitions, polls, feedback and services as the public sees them, plus their admin views
//   editor  changes content and answers residents: petitions, responses, polls, services; exports personal data
//   admin   everything: accounts, the audit log, the mail outbox
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Whether `held` is at least `needed`. */
export const allows = (held: Role, needed: Role) => ROLES.indexOf(held) >= ROLES.indexOf(needed);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role this admin route needs; every admin route must say (the server refuses to start otherwise). */
    role?: Role;
  }
}
