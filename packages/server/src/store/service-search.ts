import type { Service } from '@civic-widgets/client/schemas';
import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Full-text search of services, SQLite FTS5 flavour: the only SQLite-specific SQL outside the dialect set-up.
 * A PostgreSQL store will provide the same two functions over a tsvector column.
 */

/** Each word becomes a quoted prefix term, so that user text is never read as FTS syntax (`AND`, `*`, `"`). */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(' ');
}

export const searchIndex = {
  filter<O>(
    query: SelectQueryBuilder<Database, 'services', O>,
    text: string,
  ): SelectQueryBuilder<Database, 'services', O> {
    return query.where(
      'id',
      'in',
      sql<string>`(SELECT service_id FROM services_fts WHERE services_fts MATCH ${ftsQuery(text)})`,
    );
  },

  /**
   * One page of matches, best first (FTS5's bm25 rank), with the total from a window count in the same pass.
   * Reading the index alone is several times faster than filtering the services table by it.
   */
  async ranked(
    db: Kysely<Database>,
    text: string,
    category: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ id: string; total: number }[]> {
    const inCategory = category
      ? sql`AND service_id IN (SELECT service_id FROM service_categories WHERE category_id = ${category})`
      : sql``;
    const { rows } = await sql<{ id: string; total: number }>`
      SELECT service_id AS id, count(*) OVER () AS total FROM services_fts
      WHERE services_fts MATCH ${ftsQuery(text)} ${inCategory}
      ORDER BY rank, service_id LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return rows;
  },

  async remove(trx: Transaction<Database>, serviceId: string): Promise<void> {
    await sql`DELETE FROM services_fts WHERE service_id = ${serviceId}`.execute(trx);
  },

  async update(trx: Transaction<Database>, service: Service, categoryLabels: string[]): Promise<void> {
    await searchIndex.remove(trx, service.id);
    await sql`INSERT INTO services_fts (service_id, name, description, organization, categories)
      VALUES (${service.id}, ${service.name}, ${service.description ?? ''}, ${service.organization}, ${categoryLabels.join(' ')})`.execute(
      trx,
    );
  },
};
