// @ts-check
// Rollup's `treeshake.moduleSideEffects`: whether a module has side effects, by the `sideEffects` field of the
// package.json nearest to it (a nested one, like zod's `v4/core/package.json`, or the package's own), as bundlers
// read it. Rollup asks this for every module whose resolver said nothing, and two said nothing where it matters:
// rollup-plugin-esbuild, which resolves our sources' `./x.js` imports to `x.ts`, and node-resolve for relative
// imports inside a package (it only reads `sideEffects` for bare imports). Without this, a module imported for an
// export nobody uses stays whole, such as zod's global registry (600 bytes in every widget).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createFilter } from '@rollup/pluginutils';

/** @type {Map<string, (id: string) => boolean>} */
const byDir = new Map();

/**
 * The rule of the package.json in `dir` or above it that says, or `true` at a package's root that does not.
 * @param {string} dir
 * @returns {(id: string) => boolean}
 */
function ruleFor(dir) {
  let rule = byDir.get(dir);
  if (rule) return rule;
  const file = join(dir, 'package.json');
  const manifest = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const { sideEffects } = manifest ?? {};
  if (Array.isArray(sideEffects)) {
    // A pattern without a slash matches the file name anywhere, as webpack and node-resolve read it.
    rule = createFilter(
      sideEffects.map((p) => (p.includes('/') ? p : `**/${p}`)),
      null,
      { resolve: dir },
    );
  } else if (typeof sideEffects === 'boolean') rule = () => sideEffects;
  else if (manifest?.name || dirname(dir) === dir) rule = () => true;
  else rule = ruleFor(dirname(dir));
  byDir.set(dir, rule);
  return rule;
}

/** @param {string} id */
export const moduleSideEffects = (id) => (id.startsWith('\0') ? true : ruleFor(dirname(id))(id));
