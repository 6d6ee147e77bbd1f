// @ts-check
/**
 * One CDN entry per build, as a one-line file that imports the entry's code from a chunk with a hashed name.
 * Why not the code in the entry file itself: the modules it loads on demand (locales, adapters, later views)
 * import what they share with it. Were that the entry, a page that loaded `civic-petition.js?v=2` would load
 * `civic-petition.js` a second time from its first locale: a second Lit and a second set of classes. A hashed
 * chunk has one URL, whatever the page put in its script tag. Rollup still splits as usual: code that only the
 * modules loaded on demand need stays in their chunks.
 * With `inline`, the entry keeps its code, and what both it and the modules it loads on demand import goes to a
 * chunk of its own, `<name>-shared`, which they import instead (for an entry with many exports, such as the client
 * alone: re-exported from a hashed chunk, each export would be named twice, in two files). The build fails if a
 * chunk still imports the entry.
 * @param {{ name: string, input: string, inline?: boolean }} entry
 * @returns {import('rollup').Plugin}
 */
export function entryChunk({ name, input, inline = false }) {
  const facade = `\0entry:${name}`;
  return {
    name: 'entry-chunk',
    options: (options) => ({ ...options, input: { [name]: inline ? input : facade } }),
    buildStart() {
      if (!inline) this.emitFile({ type: 'chunk', id: input, name });
    },
    outputOptions: (output) => (inline ? { ...output, manualChunks: sharedWithOnDemand(name) } : null),
    resolveId: (id) => (id === facade ? id : null),
    load: (id) => (id === facade ? `export * from ${JSON.stringify(input)};` : null),
    generateBundle(_, bundle) {
      const entry = `${name}.js`;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.fileName !== entry && chunk.imports.includes(entry)) {
          this.error(`${chunk.fileName} imports the entry ${entry}: build ${name} without \`inline\``);
        }
      }
    },
  };
}

/**
 * Rollup's `manualChunks` for an `inline` entry: the modules that the entry and a module it loads on demand both
 * import statically go to `<name>-shared`. By default Rollup leaves them in the entry, which the module loaded on
 * demand then imports.
 * @param {string} name
 * @returns {import('rollup').GetManualChunk}
 */
function sharedWithOnDemand(name) {
  /** @type {Set<string> | undefined} */
  let shared;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!shared) {
      const ids = [...getModuleIds()];
      /** Every module that `roots` import statically, `roots` included. @param {string[]} roots */
      const reached = (roots) => {
        const seen = new Set(roots);
        for (const module of seen) for (const imported of getModuleInfo(module)?.importedIds ?? []) seen.add(imported);
        return seen;
      };
      const fromEntry = reached(ids.filter((module) => getModuleInfo(module)?.isEntry));
      const onDemand = ids.flatMap((module) => getModuleInfo(module)?.dynamicallyImportedIds ?? []);
      const fromOnDemand = reached(onDemand.filter((module) => !fromEntry.has(module)));
      shared = new Set([...fromEntry].filter((module) => fromOnDemand.has(module)));
    }
    return shared.has(id) ? `${name}-shared` : undefined;
  };
}
