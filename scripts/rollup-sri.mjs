// @ts-check
// Subresource Integrity for the CDN files: dist/cdn/integrity.json maps every .js file a build writes (entries and
// chunks, by their path under dist/cdn) to its sha384, so a webmaster can pin what they load.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The value of an `integrity` attribute for these bytes. */
export const sri = (/** @type {Buffer | string} */ bytes) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * One instance is shared by every build of the config that writes to the same directory: rollup runs them one
 * after another in one process, so the manifest written after the last one lists the files of all of them.
 * Hashes are taken from the files on disk (after the sourcemap comment is appended), in `writeBundle`.
 * Files left over from earlier builds are not listed: the manifest describes this build only.
 * @param {{ fileName?: string }} [options]
 * @returns {import('rollup').Plugin}
 */
export function integrityManifest({ fileName = 'integrity.json' } = {}) {
  /** @type {Map<string, Record<string, string>>} */
  const byDir = new Map();
  return {
    name: 'integrity-manifest',
    writeBundle(output, bundle) {
      const dir = output.dir ?? '.';
      const hashes = byDir.get(dir) ?? {};
      byDir.set(dir, hashes);
      for (const file of Object.keys(bundle)) {
        if (file.endsWith('.js')) hashes[file] = sri(readFileSync(join(dir, file)));
      }
      const sorted = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(join(dir, fileName), `${JSON.stringify(sorted, null, 2)}\n`);
    },
  };
}
