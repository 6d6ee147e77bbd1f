// @ts-check
/**
 * Rollup's `manualChunks` for the CDN build. By default Rollup makes one chunk per set of entries sharing code,
 * which here gave five small shared chunks; gzipped one by one they cost about 1 500 bytes more than together.
 * This puts the code that two or more `widgets` load statically into two chunks instead:
 * - `element`: the part that the `light` entries (the rating control, the version badge) load too: Lit, the
 *   localization, the text reset; so that those download no client;
 * - `core`: the rest (the client and its schemas, the widget base class, the form helpers and styles).
 * Modules loaded on demand (locales, adapters, the details views) keep chunks of their own.
 * @param {{ widgets: string[], light: string[] }} entries entry files, as the ends of module ids
 * @returns {import('rollup').GetManualChunk}
 */
export function sharedChunks({ widgets, light }) {
  /** @type {Map<string, string> | undefined} */
  let chunkOf;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!chunkOf) {
      const ids = [...getModuleIds()];
      /** Every module `entry` loads statically. @param {string} entry */
      const loadedBy = (entry) => {
        const loaded = new Set();
        const pending = [ids.find((m) => m.endsWith(entry))];
        while (pending.length) {
          const m = pending.pop();
          if (!m || loaded.has(m)) continue;
          loaded.add(m);
          pending.push(...(getModuleInfo(m)?.importedIds ?? []));
        }
        return loaded;
      };
      const users = new Map();
      for (const m of widgets.flatMap((entry) => [...loadedBy(entry)])) users.set(m, (users.get(m) ?? 0) + 1);
      const lightLoads = new Set(light.flatMap((entry) => [...loadedBy(entry)]));
      chunkOf = new Map();
      for (const [m, count] of users) if (count >= 2) chunkOf.set(m, lightLoads.has(m) ? 'element' : 'core');
    }
    return chunkOf.get(id);
  };
}
