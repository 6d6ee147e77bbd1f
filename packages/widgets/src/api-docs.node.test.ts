// The API tables in docs/widgets/*.md must match the JSDoc of the elements (through custom-elements.json).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('docs/widgets API tables are generated from the current custom-elements.json', () => {
  const run = spawnSync(process.execPath, ['scripts/api-docs.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

test('the petition page documents both elements from the manifest', () => {
  const page = readFileSync(`${root}docs/widgets/petition.md`, 'utf8');
  for (const fragment of [
    '| `petitionId` | `petition-id` |',
    '| `civic-submit` | `CivicSubmitEvent` |',
    '`:state(submitting)`',
  ]) {
    assert.ok(page.includes(fragment), `missing ${fragment}`);
  }
  assert.match(page, /<!-- api:civic-petition-counter -->\n<!-- Generated/);
});
