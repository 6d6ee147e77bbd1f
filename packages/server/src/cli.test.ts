// `npm run civic -- user ...`: accounts made, listed and disabled from the command line, on the server's database.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { verifyPassword } from './auth/passwords.js';
import { run } from './cli.js';
import { openStore } from './db/database.js';

describe('the civic command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-cli-'));
  const env = { CIVIC_DB_FILE: join(dir, 'civic.sqlite') };
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function civic(args: string, stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args.split(' '), {
      env,
      stdin: async () => stdin,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('adds an account with the password from standard input, hashed', async () => {
    const added = await civic('user add --email Clerk@Council.example --role editor', 'a long enough passphrase');
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /Added clerk@council\.example \(editor\)/);
    const store = await openStore(env.CIVIC_DB_FILE);
    const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    await store.close();
    assert.equal(row.email, 'clerk@council.example');
    assert.ok(row.password_hash && (await verifyPassword('a long enough passphrase', row.password_hash)));
  });

  it('refuses a duplicate, a short password, an unknown role, with a message and a non-zero exit', async () => {
    const duplicate = await civic('user add --email clerk@council.example --role viewer', 'another long passphrase');
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.err, /already exists/);
    const short = await civic('user add --email new@council.example --role viewer', 'short');
    assert.equal(short.code, 1);
    assert.match(short.err, /at least 12 characters/);
    const role = await civic('user add --email new@council.example --role mayor', 'a long enough passphrase');
    assert.equal(role.code, 64);
    assert.match(role.err, /--role must be one of viewer, editor, admin/);
    assert.equal((await civic('user fly')).code, 64);
  });

  it('lists accounts, and disables one', async () => {
    assert.match((await civic('user list')).out, /^clerk@council\.example\teditor\tactive$/m);
    const disabled = await civic('user disable --email clerk@council.example');
    assert.equal(disabled.code, 0);
    assert.match((await civic('user list')).out, /^clerk@council\.example\teditor\tdisabled \d{4}-/m);
    assert.equal((await civic('user disable --email nobody@council.example')).code, 1);
  });
});
