import { expect } from '@open-wc/testing';
import type { OpeningHours, OpeningRange, Weekday } from '../schemas/service.js';
import { isOpenAt, isValidTimeZone, nextChange, wallClock } from './hours.js';

const days = (list: Weekday[], opens: string, closes: string): OpeningRange[] =>
  list.map((day) => ({ day, opens, closes }));
const WEEKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];
const ALL: Weekday[] = [...WEEKDAYS, 'sa', 'su'];
const hours = (timeZone: string, ...weekly: OpeningRange[][]): OpeningHours => ({ timeZone, weekly: weekly.flat() });

const londonOffice = hours('Europe/London', days(WEEKDAYS, '09:00', '17:00'), days(['sa'], '10:00', '13:00'));
const lunchBreak = hours('Europe/London', days(['mo'], '09:00', '12:30'), days(['mo'], '13:30', '17:00'));
const shelter = hours('Europe/London', days(ALL, '20:00', '08:00'));
const roundTheClock = hours('America/New_York', days(ALL, '00:00', '24:00'));
const fridayNight = hours('America/New_York', days(['fr'], '22:00', '02:00'));
const tokyo = hours('Asia/Tokyo', days(WEEKDAYS, '09:00', '17:00'));
const kolkata = hours('Asia/Kolkata', days(WEEKDAYS, '10:00', '18:00'));
const nothing = hours('Europe/London');
const mondayAndEarlyTuesday = hours('Europe/London', days(['mo'], '00:00', '24:00'), days(['tu'], '00:00', '08:00'));
const saturdayNightAndSunday = hours('Europe/London', days(['sa'], '22:00', '03:00'), days(['su'], '10:00', '16:00'));
const saturdayLate = hours('Europe/London', days(['sa'], '20:00', '04:00'));
const nySundayGap = hours('America/New_York', days(['su'], '02:30', '05:00'));
const nySundayMorning = hours('America/New_York', days(['su'], '01:00', '09:00'));
const nyOffice = hours('America/New_York', days(WEEKDAYS, '09:00', '17:00'));
const nyClosedSundays = hours('America/New_York', days(['mo', 'tu', 'we', 'th', 'fr', 'sa'], '00:00', '24:00'));

// 2026-06-01 is a Monday; in June London is on BST (UTC+1) and New York on EDT (UTC-4). In 2026 clocks change
// on 29 March and 25 October in London, on 8 March and 1 November in New York.
const cases: { name: string; hours: OpeningHours; at: string; open: boolean; next?: string }[] = [
  {
    name: 'weekday, inside the range',
    hours: londonOffice,
    at: '2026-06-01T09:00Z',
    open: true,
    next: '2026-06-01T16:00Z',
  },
  {
    name: 'weekday, before opening',
    hours: londonOffice,
    at: '2026-06-01T07:00Z',
    open: false,
    next: '2026-06-01T08:00Z',
  },
  {
    name: 'closing time itself is closed',
    hours: londonOffice,
    at: '2026-06-05T16:00Z',
    open: false,
    next: '2026-06-06T09:00Z',
  },
  {
    name: 'after Saturday, skips a closed Sunday',
    hours: londonOffice,
    at: '2026-06-06T13:00Z',
    open: false,
    next: '2026-06-08T08:00Z',
  },
  { name: 'on a closed day', hours: londonOffice, at: '2026-06-07T12:00Z', open: false, next: '2026-06-08T08:00Z' },
  { name: 'morning range of two', hours: lunchBreak, at: '2026-06-01T11:00Z', open: true, next: '2026-06-01T11:30Z' },
  { name: 'between two ranges', hours: lunchBreak, at: '2026-06-01T11:45Z', open: false, next: '2026-06-01T12:30Z' },
  {
    name: 'after the last range of the week',
    hours: lunchBreak,
    at: '2026-06-01T16:30Z',
    open: false,
    next: '2026-06-08T08:00Z',
  },
  {
    name: 'overnight, early-morning part',
    hours: shelter,
    at: '2026-06-03T01:00Z',
    open: true,
    next: '2026-06-03T07:00Z',
  },
  {
    name: 'overnight, closed during the day',
    hours: shelter,
    at: '2026-06-03T11:00Z',
    open: false,
    next: '2026-06-03T19:00Z',
  },
  {
    name: 'overnight, opening time itself is open',
    hours: shelter,
    at: '2026-06-03T19:00Z',
    open: true,
    next: '2026-06-04T07:00Z',
  },
  { name: 'open round the clock never changes', hours: roundTheClock, at: '2026-06-03T12:00Z', open: true },
  {
    name: 'Friday night range still open on Saturday',
    hours: fridayNight,
    at: '2026-06-06T05:30Z',
    open: true,
    next: '2026-06-06T06:00Z',
  },
  {
    name: 'after the Friday night range',
    hours: fridayNight,
    at: '2026-06-06T07:00Z',
    open: false,
    next: '2026-06-13T02:00Z',
  },
  {
    name: 'Thursday night is not Friday night',
    hours: fridayNight,
    at: '2026-06-05T03:00Z',
    open: false,
    next: '2026-06-06T02:00Z',
  },
  {
    name: 'Tokyo: Monday there, Sunday in UTC',
    hours: tokyo,
    at: '2026-06-01T00:30Z',
    open: true,
    next: '2026-06-01T08:00Z',
  },
  {
    name: 'Tokyo: about to open on Monday',
    hours: tokyo,
    at: '2026-06-07T23:59Z',
    open: false,
    next: '2026-06-08T00:00Z',
  },
  { name: 'no ranges: closed for good', hours: nothing, at: '2026-06-03T12:00Z', open: false },
  {
    name: 'touching ranges count as one',
    hours: mondayAndEarlyTuesday,
    at: '2026-06-01T22:00Z',
    open: true,
    next: '2026-06-02T07:00Z',
  },
  {
    name: 'half-hour offset (Kolkata)',
    hours: kolkata,
    at: '2026-06-01T04:00Z',
    open: false,
    next: '2026-06-01T04:30Z',
  },
  {
    name: 'several days in a row count as one',
    hours: nyClosedSundays,
    at: '2026-06-03T12:00Z',
    open: true,
    next: '2026-06-07T04:00Z',
  },
  {
    name: 'London spring: overnight closes on BST',
    hours: saturdayNightAndSunday,
    at: '2026-03-28T23:00Z',
    open: true,
    next: '2026-03-29T02:00Z',
  },
  {
    name: 'London spring: opens at 10:00 BST',
    hours: saturdayNightAndSunday,
    at: '2026-03-29T08:30Z',
    open: false,
    next: '2026-03-29T09:00Z',
  },
  {
    name: 'London autumn: overnight closes on GMT',
    hours: saturdayLate,
    at: '2026-10-24T20:00Z',
    open: true,
    next: '2026-10-25T04:00Z',
  },
  {
    name: 'London autumn: last BST weekday',
    hours: londonOffice,
    at: '2026-10-23T08:00Z',
    open: true,
    next: '2026-10-23T16:00Z',
  },
  {
    name: 'London autumn: first GMT weekday',
    hours: londonOffice,
    at: '2026-10-26T08:00Z',
    open: false,
    next: '2026-10-26T09:00Z',
  },
  {
    name: 'New York spring: skipped opening time opens at the change',
    hours: nySundayGap,
    at: '2026-03-08T06:00Z',
    open: false,
    next: '2026-03-08T07:00Z',
  },
  {
    name: 'New York spring: open just after the change',
    hours: nySundayGap,
    at: '2026-03-08T07:15Z',
    open: true,
    next: '2026-03-08T09:00Z',
  },
  {
    name: 'New York autumn: repeated time opens at its first occurrence',
    hours: nySundayMorning,
    at: '2026-11-01T04:30Z',
    open: false,
    next: '2026-11-01T05:00Z',
  },
  {
    name: 'New York autumn: closes on EST',
    hours: nySundayMorning,
    at: '2026-11-01T12:00Z',
    open: true,
    next: '2026-11-01T14:00Z',
  },
  {
    name: 'New York spring: weekend spans the change',
    hours: nyOffice,
    at: '2026-03-06T22:30Z',
    open: false,
    next: '2026-03-09T13:00Z',
  },
];

describe('opening hours', () => {
  for (const c of cases) {
    it(`nextChange: ${c.name}`, () => {
      const state = nextChange(c.hours, new Date(c.at));
      expect(state.open, 'open').to.equal(c.open);
      expect(state.at?.toISOString(), 'at').to.equal(c.next === undefined ? undefined : new Date(c.next).toISOString());
    });

    it(`isOpenAt agrees: ${c.name}`, () => {
      expect(isOpenAt(c.hours, new Date(c.at))).to.equal(c.open);
    });
  }

  it('counts a closing time in the hour repeated in autumn at its first occurrence', () => {
    // 01:30 EDT is 05:30Z; an hour later the wall clock reads 01:30 again, in EST.
    const lateNight = hours('America/New_York', days(['sa'], '22:00', '01:30'));
    expect(nextChange(lateNight, new Date('2026-11-01T05:00Z'))).to.deep.equal({
      open: true,
      at: new Date('2026-11-01T05:30Z'),
    });
  });

  it('reads the wall clock in the venue’s time zone', () => {
    expect(wallClock(new Date('2026-06-07T23:59Z'), 'Asia/Tokyo')).to.deep.equal({ day: 0, minute: 8 * 60 + 59 });
    expect(wallClock(new Date('2026-06-07T23:59Z'), 'America/New_York')).to.deep.equal({
      day: 6,
      minute: 19 * 60 + 59,
    });
  });

  it('tells known time zones from unknown ones', () => {
    expect(isValidTimeZone('Europe/London')).to.equal(true);
    expect(isValidTimeZone('Etc/GMT-3')).to.equal(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).to.equal(false);
    expect(isValidTimeZone('3')).to.equal(false);
  });
});
