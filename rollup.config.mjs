// @ts-check
// The CDN files: self-contained, minified ES modules for a webmaster's <script type="module">.
// One file per widget plus civic-widgets.js with everything; the code they share (Lit, the client, the base)
// goes into hashed chunks, so a page with two widgets downloads it once. dist/cdn/integrity.json has the SRI hash
// of every file (docs/security.md). npm output is tsc's, per package.
import { readdirSync, readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { litEmbed } from './scripts/rollup-lit-embed.mjs';
import { minifyLiterals } from './scripts/rollup-minify-literals.mjs';
import { sharedChunks } from './scripts/rollup-shared-chunks.mjs';
import { integrityManifest } from './scripts/rollup-sri.mjs';

const defineDir = 'packages/widgets/src/define';
const widgetEntries = Object.fromEntries(
  readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [file.replace(/\.ts$/, ''), `${defineDir}/${file}`]),
);

/**
 * Our own packages resolve to their TypeScript sources (their exports' `development` condition), so the CDN
 * build needs no prior tsc build; everything else resolves with `production`, which drops Lit's dev mode.
 */
function workspaceSources() {
  return {
    name: 'workspace-sources',
    /** @param {string} id */
    resolveId(id) {
      const match = id.match(/^@civic-widgets\/(client|widgets)(\/.*)?$/);
      if (!match) return null;
      const pkg = JSON.parse(readFileSync(`packages/${match[1]}/package.json`, 'utf8'));
      const target = pkg.exports[`.${match[2] ?? ''}`]?.development;
      return target ? new URL(target, new URL(`./packages/${match[1]}/`, import.meta.url)).pathname : null;
    },
  };
}

/** @type {import('rollup').WarningHandlerWithDefault} */
const onwarn = (warning, warn) => {
  // zod's internal import cycles and its misplaced /*@__PURE__*/ comments are harmless and not ours to fix.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
};

const plugins = () => [
  workspaceSources(),
  nodeResolve({ browser: true, extensions: ['.ts', '.js'], exportConditions: ['production'] }),
  litEmbed(),
  minifyLiterals(),
  // esbuild reads tsconfig.json for the decorator settings.
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true }),
  terser({ ecma: 2022, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
];

// Shared by both builds below: they write to the same directory and the manifest lists the files of both.
const integrity = integrityManifest();

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { 'civic-widgets': 'packages/widgets/src/all.ts', ...widgetEntries },
    plugins: [...plugins(), integrity],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: sharedChunks({
        widgets: ['civic-petition', 'civic-feedback', 'civic-poll', 'civic-service-locator'].map(
          (name) => `${defineDir}/${name}.ts`,
        ),
        light: [`${defineDir}/civic-rating.ts`, `${defineDir}/civic-version.ts`],
      }),
      sourcemap: true,
    },
  },
  // The client alone, for developers who build their own UI, and for the client's size budget.
  {
    input: { 'civic-client': 'packages/client/src/index.ts' },
    plugins: [...plugins(), integrity],
    onwarn,
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', sourcemap: true },
  },
];
