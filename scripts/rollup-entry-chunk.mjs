// @ts-check
/**
 * Rollup's `manualChunks` for a build of one CDN entry. When the entry loads modules on demand (locales, adapters,
 * later views), everything the entry module loads statically goes into one chunk with a hashed name, and the
 * entry file keeps only the entry module (a `define` call) and imports that chunk. Why not leave it all in the
 * entry: the modules loaded on demand import what they share with it. Were that the entry, a page that loaded
 * `civic-petition.js?v=2` would load `civic-petition.js` a second time from its first locale: a second Lit and a
 * second set of classes. A hashed chunk has one URL, whatever the page put in its script tag.
 * One chunk rather than several shared ones: gzipped as one file, the code compresses 1 200 to 1 900 bytes better
 * per widget (docs/size.md).
 * @param {string} name the chunk's name
 * @returns {import('rollup').GetManualChunk}
 */
export function entryChunk(name) {
  /** @type {Set<string> | undefined} */
  let chunked;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!chunked) {
      const ids = [...getModuleIds()];
      const loaded = new Set();
      const pending = ids.filter((m) => getModuleInfo(m)?.isEntry);
      while (pending.length) {
        const m = /** @type {string} */ (pending.pop());
        if (loaded.has(m)) continue;
        loaded.add(m);
        pending.push(...(getModuleInfo(m)?.importedIds ?? []));
      }
      const loadsOnDemand = ids.some((m) => getModuleInfo(m)?.dynamicallyImportedIds.length);
      chunked = new Set(loadsOnDemand ? [...loaded].filter((m) => !getModuleInfo(m)?.isEntry) : []);
    }
    return chunked.has(id) ? name : undefined;
  };
}
