import type { Service } from '@civic-widgets/client/schemas';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SearchIndex } from './service-search.js';

/** Full-text search of services on SQLite: an FTS5 table with the unicode61 tokenizer, diacritics removed. */

/** Each word becomes a quoted prefix term, so that user text is never read as FTS syntax (`AND`, `*`, `"`). */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(' ');
}

export const sqliteSearch: SearchIndex = {
  matching: (text) => sql<string>`(SELECT service_id FROM services_fts WHERE services_fts MATCH ${ftsQuery(text)})`,

  /**
   * One page of matches, best first (FTS5's bm25 rank), with the total from a window count in the same pass.
   * Reading the index alone is several times faster than filtering the services table by it.
   */
  async ranked(db: Kysely<Database>, text, category, limit, offset) {
    const inCategory = category
      ? sql`AND service_id IN (SELECT service_id FROM service_categories WHERE category_id = ${category})`
      : sql``;
    const { rows } = await sql<{ id: string; total: number }>`
      SELECT service_id AS id, count(*) OVER () AS total FROM services_fts
      WHERE services_fts MATCH ${ftsQuery(text)} ${inCategory}
      ORDER BY rank, service_id LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return rows;
  },

  async remove(trx: Transaction<Database>, serviceId) {
    await sql`DELETE FROM services_fts WHERE service_id = ${serviceId}`.execute(trx);
  },

  async update(trx: Transaction<Database>, service: Service, categoryLabels) {
    await sqliteSearch.remove(trx, service.id);
    await sql`INSERT INTO services_fts (service_id, name, description, organization, categories)
      VALUES (${service.id}, ${service.name}, ${service.description ?? ''}, ${service.organization}, ${categoryLabels.join(' ')})`.execute(
      trx,
    );
  },
};
