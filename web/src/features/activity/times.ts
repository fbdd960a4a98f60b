// Activity times as the API writes them (DESIGN §3) and as people type them. A timed activity
// is entered on the deployment's clock, whatever the browser's zone: 08:00 means 08:00 in Huế
// for a coordinator travelling abroad too.
import { Temporal } from 'temporal-polyfill';

/** `2026-07-30` + `08:00` on the zone's clock → `2026-07-30T08:00:00+07:00`, as the server wants it. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** An instant with an offset, read on the zone's clock: `{ date: '2026-07-30', time: '08:00' }`. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}

/**
 * A time typed by a person, as `HH:MM`; null when it is not one. Accepts `8:00`, `08:00`,
 * `8h30`, `8h`, `8.30` and `0830`, the ways times are written in Vietnamese offices.
 */
export function parseTimeInput(text: string): string | null {
  const value = text.trim().toLowerCase();
  const match = /^(\d{1,2})(?:[:h.]?(\d{2})|h)?$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A planned figure as typed: `1200`, `1.200` or `1 200` (thousands grouped, as Vietnamese write
 * them) → 1200. A decimal or a negative number is passed on for the server to refuse with its
 * own message; undefined for an empty field, NaN for text that is no number at all.
 */
export function parseFigure(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^\d{1,3}([. ]\d{3})+$/.test(value)) return Number(value.replace(/[. ]/g, ''));
  if (/^-?\d+([.,]\d+)?$/.test(value)) return Number(value.replace(',', '.'));
  return Number.NaN;
}
