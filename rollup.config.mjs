// @ts-check
// The CDN files: self-contained, minified ES modules for a webmaster's <script type="module">.
// One file per widget, and civic-widgets.js with everything for pages that show several. Each is built on its own,
// so that a page downloads one widget's code in one file, which compresses better than shared chunks do
// (docs/size.md has the figures). Two widget files on one page each carry Lit: such pages load civic-widgets.js.
// dist/cdn/integrity.json has the SRI hash of every file (docs/security.md). npm output is tsc's, per package.
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { entryChunk } from './scripts/rollup-entry-chunk.mjs';
import { litEmbed } from './scripts/rollup-lit-embed.mjs';
import { minifyLiterals } from './scripts/rollup-minify-literals.mjs';
import { moduleSideEffects } from './scripts/rollup-side-effects.mjs';
import { integrityManifest } from './scripts/rollup-sri.mjs';
import { workspaceSources } from './scripts/rollup-workspace.mjs';

const defineDir = 'packages/widgets/src/define';
const entries = {
  'civic-widgets': 'packages/widgets/src/all.ts',
  ...Object.fromEntries(
    readdirSync(defineDir)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [file.replace(/\.ts$/, ''), `${defineDir}/${file}`]),
  ),
  // The client alone, for developers who build their own UI, and for the client's size budget.
  'civic-client': 'packages/client/src/index.ts',
};

/** @type {import('rollup').WarningHandlerWithDefault} */
const onwarn = (warning, warn) => {
  // zod's internal import cycles and its misplaced /*@__PURE__*/ comments are harmless and not ours to fix.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
};

// Our packages resolve to their sources; everything else with `production`, which drops Lit's dev mode.
const plugins = () => [
  workspaceSources(),
  nodeResolve({ browser: true, extensions: ['.ts', '.js'], exportConditions: ['production'] }),
  litEmbed(),
  minifyLiterals(),
  // esbuild reads tsconfig.json for the decorator settings.
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true }),
  // keep_fargs: false drops unused trailing parameters, safe because neither our code nor Lit, zod or idb-keyval
  // reads a function's `length`. Measured and left out: `unsafe` (turns `String(x)` into `""+x`, which throws for
  // the symbol keys zod formats), `unsafe_arrows` (functions called with `new`), `booleans_as_integers` (request
  // bodies would carry 1 for true), more passes (no gain).
  terser({
    ecma: 2022,
    module: true,
    compress: { passes: 3, pure_getters: true, keep_fargs: false },
    format: { comments: false },
  }),
];

// Shared by every build: they write to the same directory, and the manifest lists the files of all of them.
const integrity = integrityManifest();

/** @type {import('rollup').RollupOptions[]} */
export default Object.entries(entries).map(([name, input]) => ({
  // The client alone keeps its code in its own file: its exports would otherwise be named twice (docs/size.md).
  plugins: [entryChunk({ name, input, inline: name === 'civic-client' }), ...plugins(), integrity],
  onwarn,
  treeshake: { moduleSideEffects },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
}));
