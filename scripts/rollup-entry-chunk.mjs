// @ts-check
/**
 * One CDN entry per build, as a one-line file that imports the entry's code from a chunk with a hashed name.
 * Why not the code in the entry file itself: the modules it loads on demand (locales, adapters, later views)
 * import what they share with it. Were that the entry, a page that loaded `civic-petition.js?v=2` would load
 * `civic-petition.js` a second time from its first locale: a second Lit and a second set of classes. A hashed
 * chunk has one URL, whatever the page put in its script tag. Rollup still splits as usual: code that only the
 * modules loaded on demand need stays in their chunks.
 * With `inline`, the entry keeps its code (for an entry whose on-demand modules import nothing from it); the
 * build then fails if one does.
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
