import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checks } from './checks/index.js';

const read = (path: string) => readFileSync(new URL(`../../../docs/${path}`, import.meta.url), 'utf8');

test('docs/conformance.md lists every check with its mode, title and section', () => {
  const doc = read('conformance.md');
  for (const { id, mode, title, section } of checks) {
    const row = `| \`${id}\` | ${mode} | ${title.replaceAll('|', '\\|')} | [${section}](protocol.md#${section}) |`;
    assert.ok(doc.includes(row), `missing or outdated row:\n${row}`);
  }
});

test('every section a check links to is a heading of docs/protocol.md', () => {
  const anchors = new Set(
    [...read('protocol.md').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
      heading!
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replaceAll(' ', '-'),
    ),
  );
  for (const { id, section } of checks) assert.ok(anchors.has(section), `${id}: no heading #${section}`);
});
