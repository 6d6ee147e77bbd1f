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
      const target = manifest.exports[`.${bare[2] ?? ''}`]?.development;
      return target ? resolve(dir, target) : null;
    },
  };
}
