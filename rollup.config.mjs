// @ts-check
// The CDN files: self-contained, minified ES modules for a webmaster's <script type="module">.
// One file per widget, and civic-widgets.js with everything for pages that show several. Each is built on its own,
// so that a page downloads one widget's code in one file, which compresses better than shared chunks do
// (docs/size.md has the figures). Two widget files on one page each carry Lit: such pages load civic-widgets.js.
// dist/cdn/integrity.json has the SRI hash of every file (docs/security.md). npm output is tsc's, per package.
import { readdirSync, readFileSync } from 'node:fs';
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
/** `embedded`: a bundle that shares the page with other scripts (the CDN files), which needs Lit edited. */
const plugins = ({ embedded = true } = {}) => [
  workspaceSources(),
  nodeResolve({ browser: true, extensions: ['.ts', '.js'], exportConditions: ['production'] }),
  ...(embedded ? [litEmbed()] : []),
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

/** Copies the console's page next to its script. @type {import('rollup').Plugin} */
const consolePage = {
  name: 'console-page',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'index.html',
      source: readFileSync('packages/console/index.html', 'utf8'),
    });
  },
};
/**
 * The officers' console (packages/console): console.js, its page and its on-demand chunks in dist/admin/, served
 * by the reference server at /admin/. Not a CDN file, so not in the size budgets. First in the list: the CDN build's last step writes
 * the marker that tells the end-to-end tests the whole build is done.
 * @type {import('rollup').RollupOptions}
 */
const consoleBuild = {
  // main.ts puts the officer's language in place, then imports the console (the `app` chunk, preloaded by the page).
  input: { console: 'packages/console/src/main.ts' },
  // The console's page is its own: its Lit is the only one, so the CDN files' edits to Lit do not apply.
  plugins: [...plugins({ embedded: false }), consolePage],
  // Nothing imports the console's entry: its code stays in console.js rather than behind a re-exporting facade.
  preserveEntrySignatures: false,
  // The packages' `sideEffects`, as for the CDN files: otherwise the client runtime the preview's chunk needs is
  // kept in console.js too, through the proposals entry the console imports for its schemas (about 2 kB gzip).
  treeshake: { moduleSideEffects },
  onwarn,
  output: {
    dir: 'dist/admin',
    format: 'es',
    entryFileNames: '[name].js',
    // The language is chosen before the console loads, so the entry holds what chooses it, not a file of its own.
    manualChunks: (id) => (/packages\/console\/src\/(main|languages|strings)\.ts$/.test(id) ? 'console' : undefined),
    // Each non-English catalogue is a chunk of its own, so an English officer downloads none of them. Plain
    // names: the page preloads app.js, and the server sends the console with `no-store`, so hashes bust nothing.
    // (The console itself is app.js: its own name would clash with the entry's.) The consultation preview's
    // widget and memory backend load on demand, in chunks of their own.
    chunkFileNames: (chunk) => {
      if (chunk.moduleIds.some((id) => id.endsWith('/console/src/console.ts'))) return 'app.js';
      const module = chunk.facadeModuleId ?? '';
      return /\/locales\/\w+\.ts$/.test(module) ? '[name].js' : 'chunks/[name]-[hash].js';
    },
    sourcemap: true,
  },
};

/** @type {import('rollup').RollupOptions[]} */
const cdnBuilds = Object.entries(entries).map(([name, input]) => ({
  // The client alone keeps its code in its own file: its exports would otherwise be named twice (docs/size.md).
  plugins: [entryChunk({ name, input, inline: name === 'civic-client' }), ...plugins(), integrity],
  onwarn,
  treeshake: { moduleSideEffects },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    // Six characters of content hash (36 bits) bust caches as well as eight, among a few hundred chunks; a widget
    // names 15–20 chunks, and random characters do not compress: about 20 gzip bytes a widget.
    chunkFileNames: 'chunks/[name]-[hash:6].js',
    sourcemap: true,
  },
}));

export default [consoleBuild, ...cdnBuilds];
