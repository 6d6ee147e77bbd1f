// The tokens module is the only place a token's default is written: the sources name tokens (`themed()` adds the defaults),
// and docs/theming.md (generated from the JSDoc) states the same defaults.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tokens } from './tokens.js';

const src = fileURLToPath(new URL('../', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

test('no source writes a token default of its own', () => {
  const sources = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.includes('.test.') && !file.endsWith('tokens.ts'),
  );
  const literal = sources.filter((file) => /var\(\s*--civic-[\w-]+\s*,/.test(readFileSync(join(src, file), 'utf8')));
  assert.deepEqual(literal, []);
});

test("docs/theming.md lists every token with the module's default", () => {
  const page = readFileSync(join(root, 'docs/theming.md'), 'utf8');
  const documented = Object.fromEntries(
    [...page.matchAll(/^\| `--civic-([\w-]+)` \| .*?Default: `([^`]+)`/gm)].map(([, name, value]) => [name, value]),
  );
  assert.deepEqual(documented, { ...tokens });
});
