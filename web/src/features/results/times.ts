// When a result says the activity really took place: a day and a time typed on the
// deployment's clock (08:00 in Huế, whatever the browser's zone), sent with its offset.
import { Temporal } from 'temporal-polyfill';
import { parseDayInput } from '../../i18n/dates';

/** A time as typed: `8:00`, `08:00`, `8h30`, `8h` → `08:00`; null when it is no time. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:h.](\d{2})|h)?$/i.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** `2026-07-30` + `08:00` on the zone's clock → `2026-07-30T08:00:00+07:00`. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

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
 * fault when they cannot be read. A day without a time is read as its first minute.
 */
export function readMoment(
  day: string,
  time: string,
  timeZone: string,
): { ok: true; value: string | null } | { ok: false; field: 'day' | 'time' } {
  if (day.trim() === '' && time.trim() === '') return { ok: true, value: null };
  const date = parseDayInput(day);
  if (!date) return { ok: false, field: 'day' };
  const clock = time.trim() === '' ? '00:00' : parseTime(time);
  if (!clock) return { ok: false, field: 'time' };
  return { ok: true, value: zonedIso(date, clock, timeZone) };
}
