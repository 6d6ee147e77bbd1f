import type { Service } from '@civic-widgets/client/schemas';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { postgresSearch } from './service-search-postgres.js';
import { sqliteSearch } from './service-search-sqlite.js';

/** Full-text search of services: the one concern whose SQL differs between the engines. */
export interface SearchIndex {
  /** A subquery of the ids of services matching `text`, to filter other queries by. */
  matching(text: string): RawBuilder<string>;
  /** One page of matches, best first, each row with the total number of matches. */
  ranked(
    db: Kysely<Database>,
    text: string,
    category: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ id: string; total: number }[]>;
  remove(trx: Transaction<Database>, serviceId: string): Promise<void>;
  /** Indexes (or re-indexes) a service under its name, description, organisation and category labels. */
  update(trx: Transaction<Database>, service: Service, categoryLabels: string[]): Promise<void>;
}

/** The search index of the engine `db` talks to. */
export const searchIndex = (db: Kysely<Database>): SearchIndex =>
  dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch;
