// When a result says the activity really took place: a day and a time typed on the
// deployment's clock (08:00 in Huế, whatever the browser's zone), sent with its offset.
import { Temporal } from 'temporal-polyfill';
import { addDays, parseDayInput } from '../../i18n/dates';
import { parseTimeInput, zonedIso } from '../activity/times';

/** An instant with an offset as the day (`30/7/2026`) and the time (`08:00`) on the zone's clock. */
export function zonedTexts(iso: string | null, timeZone: string): { day: string; time: string } {
  if (!iso) return { day: '', time: '' };
  const zoned = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return {
    day: `${zoned.day}/${zoned.month}/${zoned.year}`,
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}

/**
 * A typed day and time as an instant with an offset: null when both are empty; the field at
 * fault when they cannot be read. A day without a time is read as its first minute, or, for
 * the end (`isEnd`), as the end of that day: the next day's 00:00, an exclusive end as the
 * calendar keeps it.
 */
export function readMoment(
  day: string,
  time: string,
  timeZone: string,
  isEnd = false,
): { ok: true; value: string | null } | { ok: false; field: 'day' | 'time' } {
  if (day.trim() === '' && time.trim() === '') return { ok: true, value: null };
  const date = parseDayInput(day);
  if (!date) return { ok: false, field: 'day' };
  if (time.trim() === '') {
    const whole = isEnd ? addDays(date, 1) : date;
    return { ok: true, value: zonedIso(whole, '00:00', timeZone) };
  }
  const clock = parseTimeInput(time);
  if (!clock) return { ok: false, field: 'time' };
  return { ok: true, value: zonedIso(date, clock, timeZone) };
}
