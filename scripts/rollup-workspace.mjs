// @ts-check
// Our own packages, resolved to their TypeScript sources (their exports' `development` condition), so the CDN build
// needs no prior tsc build, and with each package's `sideEffects` field applied to every one of its modules.
// Without this, rollup-plugin-esbuild resolves our relative `./x.js` imports to `x.ts` and answers with a bare id,
// which rollup treats as a module with side effects: a module imported for one export that the page never uses
// was then kept whole.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFilter } from '@rollup/pluginutils';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['client', 'widgets'];

/** A package's manifest, and whether a module of it has side effects by its `sideEffects` field. */
function workspacePackage(/** @type {string} */ name) {
  const dir = resolve(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
  const { sideEffects } = manifest;
  const hasSideEffects = Array.isArray(sideEffects)
    ? createFilter(sideEffects, null, { resolve: dir })
    : () => sideEffects !== false;
  return { name, dir: `${dir}/`, manifest, hasSideEffects };
}

/** @returns {import('rollup').Plugin} */
export function workspaceSources() {
  const packages = PACKAGES.map(workspacePackage);
  /** @param {string} file */
  const resolved = (file) => {
    const pkg = packages.find((p) => file.startsWith(p.dir));
    return pkg ? { id: file, moduleSideEffects: pkg.hasSideEffects(file) } : null;
  };
  return {
    name: 'workspace-sources',
    resolveId(source, importer) {
      const bare = source.match(/^@civic-widgets\/(\w+)(\/.*)?$/);
      if (bare) {
        const pkg = packages.find((p) => p.name === bare[1]);
        const target = pkg?.manifest.exports[`.${bare[2] ?? ''}`]?.development;
        return pkg && target ? resolved(resolve(pkg.dir, target)) : null;
      }
      if (!importer || !source.startsWith('.') || !packages.some((p) => importer.startsWith(p.dir))) return null;
      // TypeScript sources import each other as `./x.js`.
      const file = resolve(dirname(importer), source);
      const ts = file.replace(/\.js$/, '.ts');
      return resolved(existsSync(ts) ? ts : file);
    },
  };
}
