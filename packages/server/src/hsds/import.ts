import { hsdsServices } from '@civic-widgets/client/adapters/hsds';
import { Service } from '@civic-widgets/client/schemas';
import type { Kysely, Transaction } from 'kysely';
import * as z from 'zod/mini';
import type { Database } from '../db/schema.js';
import { upsertCategory, upsertService } from '../store/services.js';

export interface ImportReport {
  imported: number;
  /**
   * Records left out, with the reason (invalid coordinates, no address, ...), for the directory's maintainers.
   * `name` is the service's, when the record has one; `field` is the protocol's field a schema check refused.
   */
  skipped: { id: string; name?: string; reason: string; field?: string }[];
}

export interface ImportOptions {
  timeZone?: string;
  now?: Date;
  /** Reads and checks the document, reports what would happen, and writes nothing. */
  dryRun?: boolean;
  /** Runs in the import's transaction after the services are written (the console's audit entry). */
  alsoWrite?: (trx: Transaction<Database>, report: ImportReport) => Promise<void>;
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

/** A skipped record's id and service name, as far as the record has them, so that a person can find it. */
function identify(record: unknown): { id: string; name?: string } {
  const item = record as { id?: unknown; service?: { id?: unknown; name?: unknown } } | null;
  const id = item?.id ?? item?.service?.id;
  const name = item?.service?.name;
  return {
    id: typeof id === 'string' && id.trim() ? id.slice(0, 200) : '(no id)',
    ...(typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, 300) } : {}),
  };
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
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const skipped: ImportReport['skipped'] = [];
  const services = hsdsServices(document, {
    timeZone: options.timeZone ?? 'Europe/London',
    now,
    onSkip: (record, reason) => skipped.push({ ...identify(record), reason }),
  }).filter((service) => {
    // The mapping aims at the schema; the schema has the last word before anything is stored.
    const result = z.safeParse(Service, service);
    if (!result.success) {
      const issue = result.error.issues[0];
      skipped.push({
        id: service.id,
        name: service.name,
        reason: `invalid: ${issue?.message}`,
        field: issue?.path.join('.'),
      });
    }
    return result.success;
  });
  const report = { imported: services.length, skipped };
  if (options.dryRun) return report;
  const labels = taxonomyTerms(document);
  await db.transaction().execute(async (trx) => {
    for (const service of services) {
      for (const id of service.categories) {
        const label = labels.get(id);
        if (label) await upsertCategory(trx, { id, label });
      }
      await upsertService(trx, service, now);
    }
    await options.alsoWrite?.(trx, report);
  });
  return report;
}
