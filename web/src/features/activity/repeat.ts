// The "Lặp lại" section's state and what it means, without React: the rule it says (as the
// contract's Recurrence), its one-line summary and how many occurrences it makes, counted by
// the server's own expansion (server/domain/recurrence.ts) so that the form and the server
// never disagree.
import { expandRecurrence } from '../../../../server/domain/recurrence';
import type { Recurrence } from '../../api/activities';
import { readDay } from '../../components/form';
import type { Translate } from '../../i18n/context';
import { formatIsoDay, parseDay } from '../../i18n/dates';

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
type Weekday = (typeof weekdays)[number];

/** The section as typed: texts while they are typed, read into a rule when saved. */
export type Repeat = {
  freq: 'none' | 'weekly' | 'monthly';
  interval: string;
  weekdays: number[];
  monthDay: string;
  endKind: 'until' | 'count';
  until: string;
  count: string;
};

export const noRepeat: Repeat = {
  freq: 'none',
  interval: '1',
  weekdays: [],
  monthDay: '',
  endKind: 'until',
  until: '',
  count: '10',
};

/** The weekday (Monday 1) of a `YYYY-MM-DD` date, read without any zone. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDay(date);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

const whole = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

/**
 * The rule the section says, from the activity's first day; undefined while something in it
 * cannot be read, null when the activity does not repeat.
 */
export function recurrenceOf(repeat: Repeat, firstDay: string | null): Recurrence | null | undefined {
  if (repeat.freq === 'none') return null;
  const interval = whole(repeat.interval);
  if (interval === undefined || interval < 1 || firstDay === null) return undefined;
  const until = readDay(repeat.until);
  const count = whole(repeat.count);
  const end = repeat.endKind === 'until' ? (until ? { until } : undefined) : count ? { count } : undefined;
  if (!end) return undefined;
  if (repeat.freq === 'weekly') {
    const days = repeat.weekdays.length > 0 ? repeat.weekdays : [weekdayOf(firstDay)];
    return { freq: 'weekly', interval, byWeekday: [...days].sort((a, b) => a - b), ...end };
  }
  const monthDay = whole(repeat.monthDay) ?? parseDay(firstDay).day;
  if (monthDay < 1 || monthDay > 31) return undefined;
  return { freq: 'monthly', interval, byMonthDay: monthDay, ...end };
}

/** "Thứ Sáu hằng tuần, đến 31/12/2027 — 40 lần": what the rule does, counted as the server will. */
export function repeatSummary(rule: Recurrence, firstDay: string, t: Translate): string {
  const n = rule.interval;
  const what =
    rule.freq === 'weekly'
      ? t(n === 1 ? 'series.everyWeek' : 'series.everyWeeks', {
          days: (rule.byWeekday ?? []).map((day) => t(`series.dayName.${day as Weekday}`)).join(', '),
          n,
        })
      : t(n === 1 ? 'series.everyMonth' : 'series.everyMonths', { day: rule.byMonthDay ?? '', n });
  const until = rule.until ? t('series.untilText', { date: formatIsoDay(rule.until) }) : '';
  const expansion = expandRecurrence(firstDay, rule);
  const times =
    'dates' in expansion
      ? t('series.times', { count: expansion.dates.length })
      : t(expansion.refused === 'tooMany' ? 'series.tooMany' : 'series.none');
  return `${what}${until}${times}`;
}

/** How many activities the section will create, when its rule can be read and is allowed. */
export function repeatCount(repeat: Repeat, firstDay: string | null): number | null {
  const rule = recurrenceOf(repeat, firstDay);
  if (!rule || !firstDay) return null;
  const expansion = expandRecurrence(firstDay, rule);
  return 'dates' in expansion ? expansion.dates.length : null;
}
