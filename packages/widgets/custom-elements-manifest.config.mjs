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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.examples.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [srcToDistPaths()],
};
