// @ts-check
/**
 * Rollup's `manualChunks` for the CDN build. By default Rollup makes one chunk per set of entries sharing code,
 * which here gave five small shared chunks; gzipped one by one they cost about 1 500 bytes more than together.
 * This puts the shared code in two chunks instead:
 * - `lit`: Lit and the localization every element needs, all that the rating control and the version badge use;
 * - `core`: every other module that two or more of `widgets` load statically (the client and its schemas, the
 *   widget base class, the form helpers and styles).
 * Modules loaded on demand (locales, adapters, the details views) keep chunks of their own.
 * @param {string[]} widgets entry files whose shared code goes into `core`
 * @returns {import('rollup').GetManualChunk}
 */
export function sharedChunks(widgets) {
  const lit =
    /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|\/widgets\/src\/(i18n\/(localize|en|strings)|internal\/define)\.ts$/;
  /** @type {Map<string, number> | undefined} how many of `widgets` load each module statically */
  let users;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (lit.test(id)) return 'lit';
    if (!users) {
      users = new Map();
      const ids = [...getModuleIds()];
      for (const entry of widgets) {
        const loaded = new Set();
        const pending = [ids.find((m) => m.endsWith(entry))];
        while (pending.length) {
          const m = pending.pop();
          if (!m || loaded.has(m)) continue;
          loaded.add(m);
          pending.push(...(getModuleInfo(m)?.importedIds ?? []));
        }
        for (const m of loaded) users.set(m, (users.get(m) ?? 0) + 1);
      }
    }
    return (users.get(id) ?? 0) >= 2 ? 'core' : undefined;
  };
}
