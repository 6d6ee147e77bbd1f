// @ts-check
// Where an entry's bytes go, module by module, from the source maps of the CDN build (run after `rollup -c`):
//   node scripts/size-by-module.mjs civic-petition.js [--top 40] [--group]
// For every file a page downloads statically for the entry (as scripts/size.mjs counts them), each character of the
// minified code belongs to the source of the nearest mapping before it. Per module it prints the minified bytes and
// what gzip -9 of the files would lose without that module's characters (its marginal cost: code that compresses
// well against the rest costs less than its share). `--group` sums modules by package or folder instead.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';

const dir = 'dist/cdn';
const args = process.argv.slice(2);
const entry = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'civic-petition.js';
const top = Number(args[args.indexOf('--top') + 1]) || 60;
const group = args.includes('--group');

/** The entry and everything it imports statically, as paths relative to dist/cdn (as scripts/size.mjs). */
/** @param {string} file @param {Set<string>} seen @returns {Set<string>} */
function downloads(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    downloads(normalize(join(dirname(file), /** @type {string} */ (spec))), seen);
  }
  return seen;
}

/** A short name for a source: the path under node_modules or the repository. @param {string} source */
function shortName(source) {
  const path = relative(process.cwd(), source).replaceAll('\\', '/');
  const inModules = path.lastIndexOf('node_modules/');
  return inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : path.replace(/^(\.\.\/)+/, '');
}

/** Its package (`zod`, `lit-html`) or its folder in our packages (`widgets/internal`). @param {string} name */
function groupName(name) {
  const ours = name.match(/^packages\/(\w+)\/src\/(?:([\w-]+)\/)?/);
  if (ours) return `${ours[1]}/${ours[2] ?? ''}`;
  const pkg = name.match(/^(@[^/]+\/[^/]+|[^/]+)\/(?:v4\/(mini|core|classic|locales)\/)?/);
  return pkg ? [pkg[1], pkg[2]].filter(Boolean).join('/') : name;
}

/** Per file: its text, and per character the module it came from (or `(unmapped)`). */
const files = [...downloads(entry)].map((file) => {
  const code = readFileSync(join(dir, file), 'utf8');
  const owners = new Array(code.length).fill('(unmapped)');
  let map;
  try {
    map = new TraceMap(readFileSync(join(dir, `${file}.map`), 'utf8'), join(dir, file));
  } catch {
    return { file, code, owners };
  }
  const names = map.resolvedSources.map((s) => (s ? shortName(s.replace(/^file:\/\//, '')) : '(unmapped)'));
  const lines = decodedMappings(map);
  let lineStart = 0;
  const codeLines = code.split('\n');
  const lineAt = (/** @type {number} */ n) => codeLines[n] ?? '';
  for (let line = 0; line < codeLines.length; line++) {
    const segments = lines[line] ?? [];
    for (let i = 0; i < segments.length; i++) {
      const [column, source] = /** @type {number[]} */ (segments[i]);
      const end = segments[i + 1]?.[0] ?? lineAt(line).length;
      const owner = (source === undefined ? undefined : names[source]) ?? '(unmapped)';
      const key = group ? groupName(owner) : owner;
      for (let c = /** @type {number} */ (column); c < end; c++) owners[lineStart + c] = key;
    }
    lineStart += lineAt(line).length + 1;
  }
  return { file, code, owners };
});

const gzip = (/** @type {string} */ text) => gzipSync(text, { level: 9 }).length;
const total = files.reduce((sum, f) => sum + gzip(f.code), 0);
const minified = new Map();
for (const { owners } of files) for (const owner of owners) minified.set(owner, (minified.get(owner) ?? 0) + 1);

const rows = [...minified].map(([owner, bytes]) => {
  const without = files.reduce(
    (sum, f) =>
      sum +
      gzip(
        f.code
          .split('')
          .filter((_, i) => f.owners[i] !== owner)
          .join(''),
      ),
    0,
  );
  return { owner, bytes, gzip: total - without };
});
rows.sort((a, b) => b.gzip - a.gzip);

console.log(`${entry}: ${files.map((f) => f.file).join(', ')}: ${total} gzip bytes`);
console.log('marginal gzip  minified  module');
for (const r of rows.slice(0, top)) {
  console.log(`${String(r.gzip).padStart(14)} ${String(r.bytes).padStart(9)}  ${r.owner}`);
}
if (rows.length > top) console.log(`... ${rows.length - top} more (--top N)`);
