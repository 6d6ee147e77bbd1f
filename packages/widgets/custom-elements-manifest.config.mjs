// @custom-elements-manifest/analyzer: documents every element from its JSDoc into custom-elements.json.
const toDist = (path) => path.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');

/** Module paths point at the published dist/*.js files rather than the src/*.ts sources. */
function srcToDistPaths() {
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value);
        else walk(value);
      }
    }
  };
  return { name: 'src-to-dist-paths', packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest) };
}

/**
 * Fields declared in `static properties` come out as `privacy: "public"`, which decorated fields did not: public is
 * the schema's default, so leave it out and keep "no privacy" meaning public (scripts/api-docs.mjs relies on it).
 */
function publicByDefault() {
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.privacy === 'public') delete node.privacy;
    Object.values(node).forEach(walk);
  };
  return { name: 'public-by-default', packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest) };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.examples.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [srcToDistPaths(), publicByDefault()],
};
