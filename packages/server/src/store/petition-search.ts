import { type Kysely, sql } from 'kysely';
import { type Dialect, dialectOf } from '../db/dialect.js';

// Full-text search of petitions' titles and summaries, to offer open petitions like the one a resident is about to
// start (`GET /petitions/similar`) and to flag a near-duplicate proposal to the moderator. The engines differ as for
// services (store/service-search-*.ts): FTS5 with unicode61 on SQLite, a `simple` tsvector with a GIN index on
// PostgreSQL, diacritics folded here first. Unlike the services search, any word may match (OR): a resident's
// title and a petition on the same subject share some words, rarely all.

// biome-ignore lint/suspicious/noExplicitAny: also used by the migration that creates the index
type AnyDb = Kysely<any>;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Words too common in any petition to say what it is about (English, the widgets' default language). */
const COMMON = new Set(['the', 'and', 'for', 'with', 'our', 'all', 'not', 'are', 'this', 'that', 'from', 'please']);

/** The words of `text` that can match: letters and digits, three or more, common ones left out, at most 12. */
export function searchTerms(text: string): string[] {
  const words = fold(text).match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words.filter((word) => !COMMON.has(word)))].slice(0, 12);
}

/** Indexes (or re-indexes) a petition under its title and summary. */
export async function indexPetitionText(
  db: AnyDb,
  dialect: Dialect,
  petition: { id: string; title: string; summary: string },
) {
  if (dialect === 'postgres') {
    const document = fold(`${petition.title} ${petition.summary}`);
    await sql`INSERT INTO petitions_fts (petition_id, document) VALUES (${petition.id}, to_tsvector('simple', ${document}))
      ON CONFLICT (petition_id) DO UPDATE SET document = excluded.document`.execute(db);
    return;
  }
  await sql`DELETE FROM petitions_fts WHERE petition_id = ${petition.id}`.execute(db);
  await sql`INSERT INTO petitions_fts (petition_id, title, summary)
    VALUES (${petition.id}, ${petition.title}, ${petition.summary})`.execute(db);
}

export const indexPetition = (db: AnyDb, petition: { id: string; title: string; summary: string }) =>
  indexPetitionText(db, dialectOf(db), petition);

/**
 * Ids of petitions whose title or summary shares a word (or a word's beginning) with `text`, best first, at most
 * `limit`. User text only ever becomes quoted terms, never the engines' query syntax.
 */
export async function matchingPetitions(db: AnyDb, text: string, limit: number): Promise<string[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  if (dialectOf(db) === 'postgres') {
    const query = sql`to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(' | ')})`;
    const { rows } = await sql<{ id: string }>`SELECT petition_id AS id FROM petitions_fts WHERE document @@ ${query}
      ORDER BY ts_rank(document, ${query}) DESC, petition_id LIMIT ${limit}`.execute(db);
    return rows.map((row) => row.id);
  }
  const match = terms.map((term) => `"${term}"*`).join(' OR ');
  const { rows } = await sql<{ id: string }>`SELECT petition_id AS id FROM petitions_fts
    WHERE petitions_fts MATCH ${match} ORDER BY rank, petition_id LIMIT ${limit}`.execute(db);
  return rows.map((row) => row.id);
}
