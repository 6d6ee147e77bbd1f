import type { OpeningHours, OpeningRange, Weekday } from '../schemas/service.js';

const WEEKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const MINUTE = 60_000;
const DAY = 86_400_000;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// Building a DateTimeFormat costs far more than using one, and a search may read the clock once per service.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, found);
  }
  return found;
}

/**
 * The wall clock of `timeZone` at `instant`, written as if it were a UTC time: `Date.UTC(y, m, d, h, min, s)`.
 * Subtracting the instant gives the zone's offset; dividing by a day gives the local calendar day.
 */
function wallMs(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of format(timeZone).formatToParts(instant)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

const offsetAt = (instant: number, timeZone: string) => wallMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;

/** True when `timeZone` is an IANA zone this browser knows (`Europe/London`, `Etc/GMT-3`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The weekday (0 = Monday) and minute of the day of `date` on the wall clock of `timeZone`. */
export function wallClock(date: Date, timeZone: string): { day: number; minute: number } {
  const wall = wallMs(date.getTime(), timeZone);
  return { day: (Math.floor(wall / DAY) + 3) % 7, minute: Math.floor((wall % DAY) / MINUTE) };
}

/**
 * The first instant at which the wall clock of `timeZone` reads `wall` or later. When clocks go back, a time
 * that happens twice is taken at its first occurrence; when they go forward, a time that never happens becomes
 * the moment of the change (02:30 on the night New York skips 02:00-03:00 is 03:00 EDT).
 */
function instantOf(wall: number, timeZone: string): number {
  // Zones change offset at most once in two days, so the offsets a day either side are the only candidates.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const exact = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (exact.length) return Math.min(...exact);
  // A skipped time: search the minute at which the offset changes.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.ceil((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** One weekly range as [start, end) in wall-clock milliseconds of the local day `dayStart` (see `wallMs`). */
function span(dayStart: number, opens: string, closes: string): [number, number] {
  const start = dayStart + minutes(opens) * MINUTE;
  let end = dayStart + minutes(closes) * MINUTE;
  if (end <= start) end += DAY;
  return [start, end];
}

/**
 * Whether a venue is open at `date`, on the venue's wall clock. A range whose `closes` is not after `opens` runs
 * past midnight into the next day (`22:00`-`02:00`); `00:00`-`24:00` is the whole day.
 */
export function isOpenAt(hours: OpeningHours, date: Date): boolean {
  return isOpenOn(hours.weekly, wallClock(date, hours.timeZone));
}

/**
 * {@link isOpenAt} for a wall clock already read: a search over thousands of services in a few zones reads the
 * clock once per zone rather than once per service.
 */
export function isOpenOn(weekly: OpeningRange[], { day, minute }: { day: number; minute: number }): boolean {
  return weekly.some((range) => {
    const rangeDay = WEEKDAYS.indexOf(range.day);
    const opens = minutes(range.opens);
    const closes = minutes(range.closes);
    if (closes > opens) return rangeDay === day && minute >= opens && minute < closes;
    // Overnight: the evening part on its own day, the early-morning part on the next.
    return (rangeDay === day && minute >= opens) || ((rangeDay + 1) % 7 === day && minute < closes);
  });
}

/** Whether a venue is open, and when that changes. */
export interface OpeningState {
  /** Open at the given time. */
  open: boolean;
  /**
   * When it next closes (if open) or opens (if closed). Absent when that never happens: open all week round,
   * or no opening ranges at all.
   */
  at?: Date;
}

/**
 * Whether a venue is open at `date` and when it next closes or opens, on the venue's wall clock in
 * `hours.timeZone` across daylight-saving changes. Ranges that touch or overlap count as one (Monday
 * `00:00`-`24:00` and Tuesday `00:00`-`08:00` close on Tuesday at 08:00). It agrees with {@link isOpenAt}
 * except in the hour repeated when clocks go back, where a closing time counts at its first occurrence only.
 * Like every function here, it throws a `RangeError` for a time zone the browser does not know
 * ({@link isValidTimeZone}).
 */
export function nextChange(hours: OpeningHours, date: Date): OpeningState {
  const now = date.getTime();
  const today = Math.floor(wallMs(now, hours.timeZone) / DAY) * DAY;
  // Yesterday's overnight range may still be running; a week and a day ahead always holds the next change.
  const spans: [number, number][] = [];
  for (let k = -1; k <= 8; k++) {
    const dayStart = today + k * DAY;
    const weekday = WEEKDAYS[(Math.floor(dayStart / DAY) + 3) % 7];
    for (const range of hours.weekly) if (range.day === weekday) spans.push(span(dayStart, range.opens, range.closes));
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  // Open past the last day looked at means open round the clock: any closed time would fall within a week.
  const horizon = today + 9 * DAY;
  for (const [start, end] of merged) {
    const opensAt = instantOf(start, hours.timeZone);
    const closesAt = instantOf(end, hours.timeZone);
    if (now < opensAt) return { open: false, at: new Date(opensAt) };
    if (now < closesAt) return end >= horizon ? { open: true } : { open: true, at: new Date(closesAt) };
  }
  return { open: false };
}
