import type { LocaleInput } from '@fullcalendar/react';
import viLocale from '@fullcalendar/react/locales/vi';

/**
 * A copy of `value` with every string in NFC, including the strings its functions return.
 * FullCalendar's `vi` locale writes "Tuần" in decomposed form; the rest of the app (and the
 * database) use NFC, and text that looks identical would otherwise not match.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (typeof value === 'function') {
    const original = value as (...args: unknown[]) => unknown;
    return function (this: unknown, ...args: unknown[]) {
      return toNfc(original.apply(this, args));
    } as T;
  }
  if (Array.isArray(value)) return value.map((entry: unknown) => toNfc(entry)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toNfc(entry)])) as T;
  }
  return value;
}

export const vietnamese: LocaleInput = toNfc(viLocale);
