// Activity times (DESIGN §3): what is stored and what is shown. An all-day activity is
// stored as local midnights; a timed one as UTC instants; the API shows both in the zone.

import type { activities } from '../../../db/schema';
import type { Activity, ActivityInput } from '../../contracts/activities';
import {
  addDays,
  addHoursToInstant,
  daysBetween,
  instantFromOffsetDateTime,
  isDateOnly,
  localDateOf,
  shiftTimedEnd,
  startOfLocalDay,
  toZonedIso,
} from '../../domain/time';

type ActivityRow = typeof activities.$inferSelect;

export type StoredTimes = { allDay: boolean; startAt: string; endAt: string; startDate: string };

/** DESIGN §3: dates become local midnights, date-times become UTC; a missing end is one day or one hour on. */
export function storedTimes(
  input: Pick<ActivityInput, 'allDay' | 'start' | 'end'>,
  timeZone: string,
): StoredTimes {
  const allDay = input.allDay ?? isDateOnly(input.start);
  if (allDay) {
    const endDate = input.end ?? addDays(input.start, 1);
    return {
      allDay,
      startAt: startOfLocalDay(input.start, timeZone),
      endAt: startOfLocalDay(endDate, timeZone),
      startDate: input.start,
    };
  }
  const startAt = instantFromOffsetDateTime(input.start);
  const endAt = input.end ? instantFromOffsetDateTime(input.end) : addHoursToInstant(startAt, 1);
  return { allDay, startAt, endAt, startDate: localDateOf(startAt, timeZone) };
}

export function shownTimes(row: ActivityRow, timeZone: string): { start: string; end: string } {
  if (row.allDay) return { start: localDateOf(row.startAt, timeZone), end: localDateOf(row.endAt, timeZone) };
  return { start: toZonedIso(row.startAt, timeZone), end: toZonedIso(row.endAt, timeZone) };
}

/**
 * Moving the start keeps the duration: a two-day event dragged by a week stays two days.
 * Undefined when the new start is of the other kind (a date for a timed activity): the end
 * is then derived again from the new start.
 */
export function shiftEnd(current: Activity, newStart: string): string | undefined {
  if (current.allDay)
    return isDateOnly(newStart) ? addDays(newStart, daysBetween(current.start, current.end)) : undefined;
  return isDateOnly(newStart) ? undefined : shiftTimedEnd(current, newStart);
}
