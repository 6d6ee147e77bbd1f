// dist/cdn/integrity.json (written by scripts/rollup-sri.mjs) must give the right hash for every file a page can
// load: each entry, and every chunk an entry imports, statically or on demand.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { before, test } from 'node:test';
import { CDN_DIR as cdn, ensureCdn, ROOT as root } from './support/cdn.js';

/** The files the build has entries for: one per define file, everything, and the client alone. */
const entries = [
  'civic-widgets.js',
  'civic-client.js',
  ...readdirSync(join(root, 'packages/widgets/src/define')).map((file) => file.replace(/\.ts$/, '.js')),
];

let manifest: Record<string, string>;
before(async () => {
  await ensureCdn();
  manifest = JSON.parse(readFileSync(join(cdn, 'integrity.json'), 'utf8'));
});

test('every listed file exists and has the listed sha384', () => {
  assert.ok(Object.keys(manifest).length > entries.length, 'chunks are listed');
  for (const [file, integrity] of Object.entries(manifest)) {
    assert.match(integrity, /^sha384-[A-Za-z0-9+/]{64}$/, file);
    const actual = `sha384-${createHash('sha384')
      .update(readFileSync(join(cdn, file)))
      .digest('base64')}`;
    assert.equal(actual, integrity, `${file} does not match its hash`);
  }
});

test('every entry and every chunk it imports, statically or on demand, is listed', () => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    assert.ok(manifest[file], `${file} is not in integrity.json`);
    const code = readFileSync(join(cdn, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(normalize(join(dirname(file), spec!)));
    }
  };
  for (const entry of entries) visit(entry);
  // Locales and adapters are loaded on demand: they must be among the files reached.
  assert.ok(
    [...seen].some((file) => /^chunks\/ar-/.test(file)),
    'the Arabic strings are reached',
  );
  assert.ok(
    [...seen].some((file) => /^chunks\/memory-/.test(file)),
    'the memory adapter is reached',
  );
});
