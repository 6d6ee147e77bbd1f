import type { OpeningHours, Weekday } from '../schemas/service.js';

const WEEKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const SHORT_TO_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The weekday (0 = Monday) and minute of the day of `date` on the wall clock of `timeZone`. */
export function wallClock(date: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: SHORT_TO_INDEX[part('weekday')] ?? 0, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/**
 * Whether a venue is open at `date`. A range whose `closes` is not after `opens` runs past midnight into the
 * next day (`22:00`-`02:00`); `00:00`-`24:00` is the whole day.
 */
export function isOpenAt(hours: OpeningHours, date: Date): boolean {
  const { day, minute } = wallClock(date, hours.timeZone);
  return hours.weekly.some((range) => {
    const rangeDay = WEEKDAYS.indexOf(range.day);
    const opens = minutes(range.opens);
    const closes = minutes(range.closes);
    if (closes > opens) return rangeDay === day && minute >= opens && minute < closes;
    // Overnight: the evening part on its own day, the early-morning part on the next.
    return (rangeDay === day && minute >= opens) || ((rangeDay + 1) % 7 === day && minute < closes);
  });
}
