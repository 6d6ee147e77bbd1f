import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Dialect, dialectOf } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

const DAY = 24 * 60 * 60 * 1000;

/** Which feedback a trend counts: one topic, one page (its address as stored, without query), or both. */
export interface TrendFilter {
  topic?: string;
  page?: string;
  /** How many ISO weeks, the current one last. */
  weeks: number;
}

/** A figure and the number of answers it rests on; `value` is null when no answer counts towards it. */
export interface Figure {
  answers: number;
  value: number | null;
}

/** One ISO week (named by its Monday, UTC): every answer, and each figure with the answers behind it. */
export interface TrendWeek {
  week: string;
  answers: number;
  /** Share of "yes" among thumbs answers, 0–1. */
  yes: Figure;
  /** Average of the 1–5 star answers. */
  stars: Figure;
  /** Share of 4 or 5 among the answers out of 5 (stars and smileys), 0–1. */
  csat: Figure;
  /** Promoters (9–10) minus detractors (0–6), in points from −100 to 100, among the 0–10 answers. */
  nps: Figure;
}

/** The Monday that starts the ISO week of a UTC day, as `YYYY-MM-DD`. */
export function mondayOf(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY).toISOString().slice(0, 10);
}

/** The Monday of the ISO week a stored `created_at` falls in: the only part that differs between the engines. */
function weekOf(dialect: Dialect): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(date_trunc('week', cast(substr(created_at, 1, 10) as date)), 'YYYY-MM-DD')`
    : // 'weekday 0' moves on to the Sunday that ends the week (or stays on it); six days back is its Monday.
      sql<string>`date(substr(created_at, 1, 10), 'weekday 0', '-6 days')`;
}

/** Counts the rows that match a condition, in the same pass as the others. */
const countIf = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * Feedback by ISO week for the console's trend charts: counted and summed in the database, one row per week
 * (never the answers themselves), through the (topic, created_at) or (page_url, created_at) index. Weeks without
 * an answer are in the list with no figures, so that a chart shows a gap rather than a zero.
 */
export async function feedbackTrends(db: Kysely<Database>, filter: TrendFilter, now: Date): Promise<TrendWeek[]> {
  const last = mondayOf(now);
  const first = new Date(Date.parse(last) - (filter.weeks - 1) * 7 * DAY).toISOString().slice(0, 10);
  const week = weekOf(dialectOf(db));
  const scale = (name: string) => sql`rating_scale = ${name}`;
  let query = db
    .selectFrom('feedback')
    .select((eb) => [
      week.as('week'),
      eb.fn.countAll<number>().as('answers'),
      countIf(scale('thumbs')).as('thumbs'),
      countIf(sql`rating_scale = 'thumbs' and rating_value = 1`).as('yes'),
      countIf(scale('stars')).as('stars'),
      sql<number>`sum(case when rating_scale = 'stars' then rating_value else 0 end)`.as('star_total'),
      countIf(sql`rating_scale in ('stars', 'smileys')`).as('out_of_five'),
      countIf(sql`rating_scale in ('stars', 'smileys') and rating_value >= 4`).as('satisfied'),
      countIf(scale('nps')).as('nps'),
      countIf(sql`rating_scale = 'nps' and rating_value >= 9`).as('promoters'),
      countIf(sql`rating_scale = 'nps' and rating_value <= 6`).as('detractors'),
    ])
    // Stored as ISO strings in UTC, which sort as the instants they name.
    .where('created_at', '>=', `${first}T00:00:00.000Z`);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.page) query = query.where('page_url', '=', filter.page);
  const rows = await query.groupBy(week).execute();

  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const figure = (answers: unknown, value: (n: number) => number): Figure => {
    const n = Number(answers ?? 0);
    return { answers: n, value: n ? value(n) : null };
  };
  return Array.from({ length: filter.weeks }, (_, i) => {
    const monday = new Date(Date.parse(first) + i * 7 * DAY).toISOString().slice(0, 10);
    const row = byWeek.get(monday);
    return {
      week: monday,
      answers: Number(row?.answers ?? 0),
      yes: figure(row?.thumbs, (n) => Number(row!.yes) / n),
      stars: figure(row?.stars, (n) => Number(row!.star_total) / n),
      csat: figure(row?.out_of_five, (n) => Number(row!.satisfied) / n),
      nps: figure(row?.nps, (n) => ((Number(row!.promoters) - Number(row!.detractors)) / n) * 100),
    };
  });
}
