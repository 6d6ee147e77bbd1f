import { type RawBuilder, sql } from 'kysely';
import type { SearchIndex } from './service-search.js';

/**
 * Full-text search of services on PostgreSQL: one tsvector document per service with a GIN index. The `simple`
 * configuration (no stemming, no stop words) and diacritics folded here, before PostgreSQL sees the text,
 * match what SQLite's unicode61 tokenizer does, without an extension (unaccent) that needs a superuser.
 */

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Each word of letters and digits becomes a prefix term, all required: the same reading as the SQLite query.
 * Nothing else reaches `to_tsquery`, so user text is never read as its syntax (`&`, `!`, `:*`, quotes).
 */
export function tsQuery(text: string): string {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `${word}:*`).join(' & ');
}

/** A query with no word in it matches nothing (rather than an empty tsquery's notice). */
const query = (text: string): RawBuilder<unknown> => {
  const terms = tsQuery(text);
  return terms ? sql`to_tsquery('simple', ${terms})` : sql`NULL::tsquery`;
};

export const postgresSearch: SearchIndex = {
  matching: (text) => sql<string>`(SELECT service_id FROM services_fts WHERE document @@ ${query(text)})`,

  /** One page of matches, best first (ts_rank), with the total from a window count in the same pass. */
  async ranked(db, text, category, limit, offset) {
    const inCategory = category
      ? sql`AND service_id IN (SELECT service_id FROM service_categories WHERE category_id = ${category})`
      : sql``;
    const { rows } = await sql<{ id: string; total: number }>`
      SELECT service_id AS id, count(*) OVER () AS total FROM services_fts
      WHERE document @@ ${query(text)} ${inCategory}
      ORDER BY ts_rank(document, ${query(text)}) DESC, service_id LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return rows;
  },

  async remove(trx, serviceId) {
    await sql`DELETE FROM services_fts WHERE service_id = ${serviceId}`.execute(trx);
  },

  async update(trx, service, categoryLabels) {
    const text = [service.name, service.description ?? '', service.organization, ...categoryLabels].join(' ');
    await sql`INSERT INTO services_fts (service_id, document) VALUES (${service.id}, to_tsvector('simple', ${fold(text)}))
      ON CONFLICT (service_id) DO UPDATE SET document = excluded.document`.execute(trx);
  },
};
