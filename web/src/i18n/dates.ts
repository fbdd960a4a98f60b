// Dates as Vietnamese users write them (30/7/2025, 08:00), always in the deployment's
// time zone rather than the browser's: a coordinator abroad must see the province's day.
// The rules and the date libraries live in server/domain/time.ts; this is the web's thin
// face of it, in the shapes the screens use.
import {
  formatActivityTime as activityTime,
  addDays as addDaysToDate,
  dateOf,
  dateParts,
  previousDay as dayBefore,
  englishMonthName,
  epochMillisecondsNow,
  hasPassed,
  formatInstant as instantText,
  formatIsoDay as isoDayText,
  formatLastDay as lastDayText,
  lastLocalDateOf,
  localDateOf,
  storedNow,
  systemClock,
  todayIn as todayInZone,
  parseDayInput as typedDay,
  wallClockOf,
  weekdayName,
  weekdayOf,
} from '../../../server/domain/time';

export {
  dateOf,
  englishMonthName,
  epochMillisecondsNow,
  hasPassed,
  lastLocalDateOf,
  localDateOf,
  wallClockOf,
  weekdayName,
  weekdayOf,
};

/** Now as the server stores an instant (UTC, to the millisecond), for what this device keeps. */
export function storedInstantNow(): string {
  return storedNow(systemClock);
}

/** `30/7/2025`: day and month without leading zeros, as written by hand and in official documents. */
export function formatDay({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${day}/${month}/${year}`;
}

/** A `YYYY-MM-DD` calendar date, which has no zone: read it as written. */
export const parseDay = dateParts;
/** A `YYYY-MM-DD` date `days` later (or earlier, when negative). */
export const addDays = addDaysToDate;
/** The day before a `YYYY-MM-DD` date: all-day ends are exclusive, people read the last day. */
export const previousDay = dayBefore;
/** When an activity takes place: `30/7/2025`, `30/7/2025 – 1/8/2025`, `30/7/2025 08:00 – 10:00`. */
export const formatActivityTime = activityTime;
/** `30/7/2025 14:05`: a stored instant (an audit row, a sign-in) on the deployment's clock. */
export const formatInstant = instantText;
/** The last day before an exclusive end instant, as `30/7/2025`. */
export const formatLastDay = lastDayText;
/** A `YYYY-MM-DD` date for display, or the empty string for none. */
export const formatIsoDay = isoDayText;
/** A date typed by a person (`30/7/2025`, `30.7.2025`, `2025-07-30`) as `YYYY-MM-DD`, or null. */
export const parseDayInput = typedDay;

/** Today's `YYYY-MM-DD` in the deployment's zone. */
export function todayIn(timeZone: string): string {
  return todayInZone(timeZone);
}
