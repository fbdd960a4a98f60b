// Time rules of DESIGN §3, and the product's one door to the date libraries: Temporal for
// zone arithmetic, date-fns (with its `vi` locale) for what people read and type. Every
// conversion names the deployment zone, so the server's or browser's own zone never leaks
// into an answer. Pure: the current instant always comes in from a Clock.
import { format, isValid, parse } from 'date-fns';
import { vi } from 'date-fns/locale/vi';
import { Temporal } from 'temporal-polyfill';

// ---------------------------------------------------------------- the clock

/** Where "now" comes from: the real clock in the server, a fixed one in tests. */
export type Clock = () => Temporal.Instant;

export const systemClock: Clock = () => Temporal.Now.instant();

/** A clock that stands still until moved on: tests step time instead of sleeping. */
export type SteppedClock = Clock & { advance: (milliseconds: number) => void; reading: () => string };

export function steppedClock(start: Temporal.Instant = Temporal.Now.instant()): SteppedClock {
  let current = start;
  return Object.assign(() => current, {
    advance: (milliseconds: number) => {
      current = current.add({ milliseconds });
    },
    reading: () => toStoredInstant(current),
  });
}

// ---------------------------------------------------------------- stored instants

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** A stored instant: UTC, fixed width, so that SQLite's text comparison is time order. */
export function toStoredInstant(instant: Temporal.Instant): string {
  return instant.toString({ fractionalSecondDigits: 3 });
}

/** The clock's reading in the stored form (UTC instant text) that compares with stored instants. */
export function storedNow(clock: Clock): string {
  return toStoredInstant(clock());
}

/** Local midnight of a calendar date in the zone, as a stored instant. */
export function startOfLocalDay(date: string, timeZone: string): string {
  const zoned = Temporal.PlainDate.from(date, { overflow: 'reject' }).toZonedDateTime({ timeZone });
  return toStoredInstant(zoned.toInstant());
}

/** A date-time that carries an offset (or Z), as a stored instant. */
export function instantFromOffsetDateTime(value: string): string {
  return toStoredInstant(Temporal.Instant.from(value));
}

/**
 * A range bound from a query: a date means local midnight in the zone, a date-time
 * must carry its own offset. Either becomes a stored instant.
 */
export function boundToInstant(value: string, timeZone: string): string {
  return isDateOnly(value) ? startOfLocalDay(value, timeZone) : instantFromOffsetDateTime(value);
}

/**
 * Conversions already made, by zone and stored instant. A month of a calendar repeats the
 * same few dozen days and hours, and the Temporal polyfill's zone arithmetic dominates the
 * cost of a list of a thousand activities otherwise. Bounded: cleared when full.
 */
const shown = new Map<string, string>();
const shownLimit = 20_000;

function remembered(key: string, compute: () => string): string {
  const known = shown.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (shown.size >= shownLimit) shown.clear();
  shown.set(key, value);
  return value;
}

/** The local calendar date of an instant (stored, or with its offset) in the zone. */
export function localDateOf(instant: string, timeZone: string): string {
  return remembered(`date|${timeZone}|${instant}`, () =>
    Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString(),
  );
}

/** A stored instant shown in the zone with its offset: `2024-07-30T08:00:00+07:00`. */
export function toZonedIso(stored: string, timeZone: string): string {
  return remembered(`iso|${timeZone}|${stored}`, () =>
    Temporal.Instant.from(stored)
      .toZonedDateTimeISO(timeZone)
      .toString({ timeZoneName: 'never', smallestUnit: 'second' }),
  );
}

/** An instant's wall clock in the zone: `{ date: '2025-07-30', time: '08:00' }`. */
export function wallClockOf(instant: string, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  const time = `${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}`;
  return { date: zoned.toPlainDate().toString(), time };
}

/** A wall-clock date and time in the zone, with its offset: `2025-07-30T08:00:00+07:00`. */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The UTC form of an instant to the second, as iCalendar and feeds want it. */
export function utcToSecond(instant: string): string {
  return Temporal.Instant.from(instant).toString({ smallestUnit: 'second' });
}

// ---------------------------------------------------------------- calendar dates

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** The day before a date: all-day ends are exclusive, people read the last day. */
export function previousDay(date: string): string {
  return addDays(date, -1);
}

/** Whole days from one date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
}

/** Every date from `first` to `last`, both included. */
export function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The day of the week, Monday 1 to Sunday 7. */
export function weekdayOf(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** `2025-07-30` → `{ year: 2025, month: 7, day: 30 }`. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const plain = Temporal.PlainDate.from(date);
  return { year: plain.year, month: plain.month, day: plain.day };
}

/** The date of a year, month and day, or null when no such day exists (31/2). */
export function dateOf(year: number, month: number, day: number): string | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
}

/**
 * The same day and month in another year: 30/7 stays 30/7. A 29 February falls on the 28th
 * in a year without one, and says so (`clamped`), for a planner to look at.
 */
export function sameDayInYear(date: string, year: number): { date: string; clamped: boolean } {
  const { month, day } = dateParts(date);
  const exact = dateOf(year, month, day);
  return exact === null
    ? { date: lastDayOfMonth(year, month), clamped: true }
    : { date: exact, clamped: false };
}

export function lastDayOfMonth(year: number, month: number): string {
  return previousDay(addMonths(dateOf(year, month, 1) ?? `${year}-01-01`, 1));
}

export function addHoursToInstant(stored: string, hours: number): string {
  return toStoredInstant(Temporal.Instant.from(stored).add({ hours }));
}

/** An instant moved by the given seconds, stored. */
export function addSecondsToInstant(stored: string, seconds: number): string {
  return toStoredInstant(Temporal.Instant.from(stored).add({ seconds }));
}

/**
 * A timed span moved to a new start keeping its length, written with the new start's own
 * offset: a two-hour talk dragged to another day stays two hours.
 */
export function shiftTimedEnd(span: { start: string; end: string }, newStart: string): string {
  const duration = Temporal.Instant.from(span.start).until(Temporal.Instant.from(span.end));
  const end = Temporal.Instant.from(newStart).add(duration);
  const offset = newStart.slice(19).replace(/^\.\d+/, '');
  return end
    .toZonedDateTimeISO(offset === 'Z' ? 'UTC' : offset)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * A start or end moved by whole local days: a date by days, a date-time to the same wall
 * clock that many days on, in the zone (a weekly 8:00 broadcast stays at 8:00).
 */
export function shiftByLocalDays(value: string, days: number, timeZone: string): string {
  if (isDateOnly(value)) return addDays(value, days);
  return Temporal.Instant.from(value)
    .toZonedDateTimeISO(timeZone)
    .add({ days })
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * A calendar date as the Date at its UTC midnight: how a spreadsheet library turns a Date
 * into a day serial (milliseconds since 1970 over a day, no zone), so the cell shows this
 * very day whatever the server's own zone. Not an instant: never compare it with one.
 */
export function utcMidnightOf(date: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime('UTC').epochMilliseconds);
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, clock: Clock = systemClock): string {
  return clock().toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- what people read and type

/** A calendar date read as written, with no zone (date-fns works on local Date objects). */
function asLocalDate(date: string): Date {
  return parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

/** `2025-07-30` as Vietnamese write it by hand and in official documents: `30/7/2025`. */
export function vietnameseDate(date: string): string {
  return format(asLocalDate(date), 'd/M/yyyy', { locale: vi });
}

/**
 * The date of an official document (Decree 30/2020/NĐ-CP): `ngày 02 tháng 02 năm 2026`, the
 * day in two digits, and the month too when it is 1 or 2 (so that nothing can be added
 * before it); `ngày 15 tháng 12 năm 2026`.
 */
export function documentDate(date: string): string {
  const { month } = dateParts(date);
  return format(
    asLocalDate(date),
    month <= 2 ? "'ngày' dd 'tháng' MM 'năm' yyyy" : "'ngày' dd 'tháng' M 'năm' yyyy",
  );
}

/** `2025-07-30` → `Tháng 7/2025`, as a report's month rows are titled. */
export function vietnameseMonth(date: string): string {
  return format(asLocalDate(date), "'Tháng' M/yyyy", { locale: vi });
}

/** A month's name in English (`July 2025`), for the English interface and exports. */
export function englishMonth(date: string): string {
  return format(asLocalDate(date), 'MMMM yyyy');
}

/** A month's name alone in English (`July`), month 1 to 12. */
export function englishMonthName(month: number): string {
  return format(new Date(2000, month - 1, 1), 'MMMM');
}

/** The weekday's name: `Thứ Hai` … `Chủ Nhật`, or `Monday` in English. */
export function weekdayName(date: string, language: 'vi' | 'en'): string {
  return format(asLocalDate(date), 'EEEE', language === 'vi' ? { locale: vi } : {});
}

/** A `YYYY-MM-DD` date for display, or the empty string for none. */
export function formatIsoDay(date: string | null | undefined): string {
  return date ? vietnameseDate(date) : '';
}

/** `30/7/2025 14:05`: an instant on the deployment's clock. */
export function formatInstant(instant: string, timeZone: string): string {
  try {
    const { date, time } = wallClockOf(instant, timeZone);
    return `${vietnameseDate(date)} ${time}`;
  } catch {
    return instant;
  }
}

/**
 * When an activity takes place, for a tooltip or a screen reader: `30/7/2025`,
 * `30/7/2025 – 1/8/2025`, `30/7/2025 08:00 – 10:00`.
 */
export function formatActivityTime(
  activity: { allDay: boolean; start: string; end: string },
  timeZone: string,
): string {
  if (activity.allDay) {
    const first = vietnameseDate(activity.start);
    const last = vietnameseDate(previousDay(activity.end));
    return first === last ? first : `${first} – ${last}`;
  }
  const start = wallClockOf(activity.start, timeZone);
  const end = wallClockOf(activity.end, timeZone);
  const from = `${vietnameseDate(start.date)} ${start.time}`;
  return start.date === end.date
    ? `${from} – ${end.time}`
    : `${from} – ${vietnameseDate(end.date)} ${end.time}`;
}

/**
 * The last day before an exclusive end instant, as `30/7/2025`: a link that expires at
 * midnight starting 31/7 works through 30/7, which is what a person wants to read.
 */
export function formatLastDay(endInstant: string, timeZone: string): string {
  try {
    return vietnameseDate(lastLocalDateOf(endInstant, timeZone));
  } catch {
    return endInstant;
  }
}

/** The local day of the last moment before an exclusive end instant. */
export function lastLocalDateOf(endInstant: string, timeZone: string): string {
  const last = Temporal.Instant.from(endInstant).subtract({ milliseconds: 1 });
  return localDateOf(toStoredInstant(last), timeZone);
}

/** Whether an instant (with its offset or in UTC) is now or past. */
export function hasPassed(instant: string, clock: Clock = systemClock): boolean {
  return Temporal.Instant.compare(Temporal.Instant.from(instant), clock()) <= 0;
}

/** Milliseconds since 1970 now, for a widget (FullCalendar) that counts time in Date values. */
export function epochMillisecondsNow(clock: Clock = systemClock): number {
  return clock().epochMilliseconds;
}

const typedForms = ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'yyyy-M-d'];

/**
 * A date typed by a person, as `YYYY-MM-DD`; null when it is not a real date. Accepts the
 * way it is shown (`30/7/2025`, also with `.` or `-`) and the ISO form (`2025-07-30`).
 */
export function parseDayInput(text: string): string | null {
  const value = text.trim();
  if (!/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(value)) return null;
  for (const form of typedForms) {
    const parsed = parse(value, form, new Date(2000, 0, 1));
    // date-fns rejects 31/2 as an invalid date; a four-digit year keeps `1/1/25` out.
    if (isValid(parsed) && parsed.getFullYear() >= 1000) return format(parsed, 'yyyy-MM-dd');
  }
  return null;
}
