// `npm run civic -- <command>`: the council's administration from the command line, on the database the server
// uses (the same environment variables: CIVIC_DB_FILE or CIVIC_DATABASE_URL).
//   user add --email EMAIL --role admin|editor|viewer   the password is read from standard input
//   user list
//   user disable --email EMAIL                           also ends the account's sessions
import { parseArgs } from 'node:util';
import { isRole, ROLES } from './auth/roles.js';
import { AccountError, addUser, disableUser, listUsers } from './auth/users.js';
import { ConfigError, readConfig } from './config.js';
import { openStore } from './db/database.js';

const USAGE = `Usage: npm run civic -- user add --email EMAIL --role ${ROLES.join('|')}   (password on standard input)
       npm run civic -- user list
       npm run civic -- user disable --email EMAIL`;

/** Standard input to its end, without the final newline: `echo "$PASSWORD" | npm run civic -- user add ...`. */
async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Runs one command; returns the exit code. Output and errors go to `out` and `err`. */
export async function run(
  argv: string[],
  io: {
    env: Record<string, string | undefined>;
    stdin: () => Promise<string>;
    out: (line: string) => void;
    err: (line: string) => void;
  },
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' } },
    strict: false,
  });
  const [noun, verb] = positionals;
  if (noun !== 'user' || !['add', 'list', 'disable'].includes(verb ?? '')) {
    io.err(USAGE);
    return 64; // EX_USAGE
  }
  const email = typeof values.email === 'string' ? values.email : undefined;
  const role = values.role;
  if ((verb === 'add' || verb === 'disable') && !email) {
    io.err(`--email is required.\n${USAGE}`);
    return 64;
  }
  if (verb === 'add' && !isRole(role)) {
    io.err(`--role must be one of ${ROLES.join(', ')}.`);
    return 64;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`Configuration error: ${error.message}`);
      return 78;
    }
    throw error;
  }
  const store = await openStore(config.databaseUrl ?? config.dbFile);
  try {
    if (verb === 'list') {
      for (const user of await listUsers(store.db)) {
        io.out([user.email, user.role, user.disabledAt ? `disabled ${user.disabledAt}` : 'active'].join('\t'));
      }
      return 0;
    }
    if (verb === 'disable') {
      if (!(await disableUser(store.db, email!, new Date()))) {
        io.err(`No account for ${email}.`);
        return 1;
      }
      io.out(`Disabled ${email}; their sessions have ended.`);
      return 0;
    }
    const password = await io.stdin();
    const user = await addUser(store.db, { email: email!, role: role as (typeof ROLES)[number], password }, new Date());
    io.out(`Added ${user.email} (${user.role}).`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), {
    env: process.env,
    stdin: readStdin,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
