// @ts-check
// Our own packages, resolved to their TypeScript sources (their exports' `development` condition), so the CDN build
// needs no prior tsc build. Their `sideEffects` fields apply through scripts/rollup-side-effects.mjs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {import('rollup').Plugin} */
export function workspaceSources() {
  return {
    name: 'workspace-sources',
    resolveId(source) {
      const bare = source.match(/^@civic-widgets\/(client|widgets)(\/.*)?$/);
      if (!bare) return null;
      const dir = resolve(root, 'packages', /** @type {string} */ (bare[1]));
      const manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
      const target = exported(manifest.exports, `.${bare[2] ?? ''}`);
      return target ? resolve(dir, target) : null;
    },
  };
}

/**
 * The `development` file of a subpath, from an exact entry or a `*` pattern (`./define/*.js`), as Node resolves
 * them: the console's preview imports a widget's define file.
 * @param {Record<string, { development?: string }>} exports
 * @param {string} subpath
 */
function exported(exports, subpath) {
  if (exports[subpath]) return exports[subpath].development;
  for (const [pattern, entry] of Object.entries(exports)) {
    const [before = '', after, extra] = pattern.split('*');
    if (after === undefined || extra !== undefined || !entry.development) continue;
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= before.length + after.length) {
      return entry.development.replace('*', subpath.slice(before.length, subpath.length - after.length));
    }
  }
  return undefined;
}
