// Recurring series (issue 12 point 3, DESIGN §4.1): a rule `{ freq, interval, byWeekday?,
// byMonthDay?, until? | count? }` expanded into the local dates of its occurrences. Pure:
// calendar dates in, calendar dates out; the zone only matters to the caller, which reads
// the first date in APP_TIMEZONE (Asia/Ho_Chi_Minh) and places each occurrence on its date.
//
// Rules chosen here (and shown in the form's summary):
// - occurrences are the dates on or after the first activity's date that fit the rule; the
//   first date itself counts only when it fits (a Wednesday start of a "Fridays" series
//   begins on that week's Friday);
// - weekly: every `interval`-th week, weeks counted Monday to Sunday from the week of the
//   first date; without `byWeekday`, the weekday of the first date;
// - monthly: every `interval`-th month from the first date's month, on `byMonthDay` (else the
//   first date's day). A month without that day (the 31st in April, the 30th in February) is
//   SKIPPED, not clamped to its last day: "on the 31st" never silently means the 30th, and a
//   count then counts only real occurrences (as RFC 5545 does);
// - `until` is included; `count` counts occurrences. Exactly one of the two is given.
import { addDays, addMonths, dateOf, dateParts, weekdayOf } from './time';

export type Recurrence = {
  freq: 'weekly' | 'monthly';
  interval: number;
  /** Monday 1 … Sunday 7. */
  byWeekday?: number[] | undefined;
  byMonthDay?: number | undefined;
  until?: string | undefined;
  count?: number | undefined;
};

/** More occurrences than a year of days is a mistake in the rule, not a plan. */
export const seriesLimit = 366;

export type Expansion = { dates: string[] } | { refused: 'tooMany' | 'none' };

/** The Monday of a date's week. */
const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date));

/** Candidate dates in order, without end: the expansion stops them. */
function* weeklyCandidates(first: string, rule: Recurrence): Generator<string> {
  const weekdays = [...new Set(rule.byWeekday?.length ? rule.byWeekday : [weekdayOf(first)])].sort();
  for (let monday = mondayOf(first); ; monday = addDays(monday, 7 * rule.interval)) {
    for (const weekday of weekdays) {
      const date = addDays(monday, weekday - 1);
      if (date >= first) yield date;
    }
  }
}

function* monthlyCandidates(first: string, rule: Recurrence): Generator<string> {
  const { year, month, day } = dateParts(first);
  const monthDay = rule.byMonthDay ?? day;
  const firstOfMonth = dateOf(year, month, 1) ?? first;
  // Bounded: a rule whose day rarely or never exists in its months (the 30th of every
  // twelfth month from February) must end, not loop for ever.
  for (let n = 0; n < (seriesLimit + 1) * 4; n++) {
    const step = n * rule.interval;
    const { year: y, month: m } = dateParts(addMonths(firstOfMonth, step));
    // null when the month has no such day: skipped (see the rules above).
    const date = dateOf(y, m, monthDay);
    if (date !== null && date >= first) yield date;
  }
}

/**
 * The dates of a series beginning on `first`. Refuses a rule that gives more than
 * `seriesLimit` occurrences, or none at all (an `until` before the first fitting date).
 */
export function expandRecurrence(first: string, rule: Recurrence): Expansion {
  const candidates = rule.freq === 'weekly' ? weeklyCandidates(first, rule) : monthlyCandidates(first, rule);
  const dates: string[] = [];
  for (const date of candidates) {
    if (rule.until !== undefined && date > rule.until) break;
    if (rule.count !== undefined && dates.length >= rule.count) break;
    // Also ends a rule without either bound (the contract refuses one, this stays safe).
    if (dates.length >= seriesLimit) return { refused: 'tooMany' };
    dates.push(date);
  }
  return dates.length === 0 ? { refused: 'none' } : { dates };
}
