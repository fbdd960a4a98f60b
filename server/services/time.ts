// Time rules of DESIGN §3, in one place. Every conversion names the deployment zone
// explicitly, so the server's own TZ never leaks into an answer.
import { Temporal } from 'temporal-polyfill';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** A stored instant: UTC, fixed width, so that SQLite's text comparison is time order. */
export function toStoredInstant(instant: Temporal.Instant): string {
  return instant.toString({ fractionalSecondDigits: 3 });
}

/** Now, in the stored form (UTC instant text) that compares with stored instants. */
export function nowStored(): string {
  return toStoredInstant(Temporal.Now.instant());
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

/** The local calendar date of a stored instant in the zone. */
export function localDateOf(stored: string, timeZone: string): string {
  return remembered(`date|${timeZone}|${stored}`, () =>
    Temporal.Instant.from(stored).toZonedDateTimeISO(timeZone).toPlainDate().toString(),
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

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function addHoursToInstant(stored: string, hours: number): string {
  return toStoredInstant(Temporal.Instant.from(stored).add({ hours }));
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `2025-07-30` as Vietnamese write it: `30/7/2025`. */
export function vietnameseDate(date: string): string {
  return `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;
}
