// Dates as Vietnamese users write them (30/7/2025, 08:00), always in the deployment's
// time zone rather than the browser's: a coordinator abroad must see the province's day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** `30/7/2025`: day and month without leading zeros, as written by hand and in official documents. */
export function formatDay({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${day}/${month}/${year}`;
}

export function formatTime({ hour, minute }: { hour: number; minute: number }): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` calendar date, which has no zone: read it as written. */
export function parseDay(date: string): { year: number; month: number; day: number } {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return { year, month, day };
}

/** A `YYYY-MM-DD` date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDay(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The day before a `YYYY-MM-DD` date: all-day ends are exclusive, people read the last day. */
export function previousDay(date: string): string {
  return addDays(date, -1);
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
    const first = formatDay(parseDay(activity.start));
    const last = formatDay(parseDay(previousDay(activity.end)));
    return first === last ? first : `${first} – ${last}`;
  }
  const start = wallClock(new Date(activity.start), timeZone);
  const end = wallClock(new Date(activity.end), timeZone);
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  const from = `${formatDay(start)} ${formatTime(start)}`;
  return sameDay ? `${from} – ${formatTime(end)}` : `${from} – ${formatDay(end)} ${formatTime(end)}`;
}

/** `30/7/2025 14:05`: a stored instant (an audit row, a sign-in) on the deployment's clock. */
export function formatInstant(instant: string, timeZone: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant;
  const clock = wallClock(time, timeZone);
  return `${formatDay(clock)} ${formatTime(clock)}`;
}

/**
 * The last day before an exclusive end instant, as `30/7/2025`: a link that expires at
 * midnight starting 31/7 works through 30/7, which is what a person wants to read.
 */
export function formatLastDay(endInstant: string, timeZone: string): string {
  const end = Date.parse(endInstant);
  return Number.isNaN(end) ? endInstant : formatDay(wallClock(new Date(end - 1), timeZone));
}

/** A `YYYY-MM-DD` date for display, or the empty string for none. */
export function formatIsoDay(date: string | null | undefined): string {
  return date ? formatDay(parseDay(date)) : '';
}

/** Today's `YYYY-MM-DD` in the deployment's zone. */
export function todayIn(timeZone: string): string {
  const { year, month, day } = wallClock(new Date(), timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date typed by a person, as `YYYY-MM-DD`; null when it is not a real date. Accepts the
 * way it is shown (`30/7/2025`, also with `.` or `-`) and the ISO form (`2025-07-30`).
 */
export function parseDayInput(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/2 over into March: a date that does not come back unchanged does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}
