import { hsdsServices } from '@civic-widgets/client/adapters/hsds';
import { Service } from '@civic-widgets/client/schemas';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import type { Database } from '../db/schema.js';
import { upsertCategory, upsertService } from '../store/services.js';

export interface ImportReport {
  imported: number;
  /** Records left out, with the reason (invalid coordinates, no address, ...), for the directory's maintainers. */
  skipped: { id: string; reason: string }[];
}

/** Taxonomy terms anywhere in the document (`attributes[].taxonomy_term`), for category labels. */
function taxonomyTerms(node: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(node)) for (const item of node) taxonomyTerms(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const term = value as { id?: unknown; name?: unknown };
      if (
        key === 'taxonomy_term' &&
        typeof term?.id === 'string' &&
        typeof term.name === 'string' &&
        term.name.trim()
      ) {
        found.set(term.id, term.name.trim().slice(0, 200));
      }
      taxonomyTerms(value, found);
    }
  }
  return found;
}

/**
 * Loads services from an Open Referral HSDS 3.0 document (a record, a list or a page of service-at-locations,
 * services or organisations) with the client's own HSDS mapping, so that the import and the `hsds` adapter read
 * a directory the same way. Records that cannot become a valid service (a latitude of 100, no address) are
 * skipped and reported, never guessed. Everything is written in one transaction: a failed import changes nothing.
 */
export async function importHsds(
  db: Kysely<Database>,
  document: unknown,
  options: { timeZone?: string; now?: Date } = {},
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const skipped: ImportReport['skipped'] = [];
  const idOf = (record: unknown) => String((record as { id?: unknown })?.id ?? '(no id)');
  const services = hsdsServices(document, {
    timeZone: options.timeZone ?? 'Europe/London',
    now,
    onSkip: (record, reason) => skipped.push({ id: idOf(record), reason }),
  }).filter((service) => {
    // The mapping aims at the schema; the schema has the last word before anything is stored.
    const result = z.safeParse(Service, service);
    if (!result.success) skipped.push({ id: service.id, reason: `invalid: ${result.error.issues[0]?.message}` });
    return result.success;
  });
  const labels = taxonomyTerms(document);
  await db.transaction().execute(async (trx) => {
    for (const service of services) {
      for (const id of service.categories) {
        const label = labels.get(id);
        if (label) await upsertCategory(trx, { id, label });
      }
      await upsertService(trx, service, now);
    }
  });
  return { imported: services.length, skipped };
}
