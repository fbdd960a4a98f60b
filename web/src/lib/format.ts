// How plans, tasks, figures and activity dates read on the plan, campaign and "my work"
// screens: numbers the Vietnamese way (1.234), units in words, dates in the deployment's zone.
import { useMemo } from 'react';
import { unitWord, type WordedIndicator } from '../../../server/domain/indicators';
import type { Activity } from '../api/activities';
import type { Plan, Task } from '../api/plans';
import { type Language, type Translate, useLanguage } from '../i18n/context';
import { addDays, formatDay, lastLocalDateOf, localDateOf, parseDay } from '../i18n/dates';

/** Numbers and shares in the interface's language: `1.234` and `30%` in Vietnamese, `1,234` in English. */
export function useNumbers() {
  const [language] = useLanguage();
  return useMemo(() => {
    const locale = language === 'vi' ? 'vi-VN' : 'en';
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      number: (value: number) => whole.format(value),
      /** `part` of `whole` as a percentage; null when there is nothing to measure against. */
      percent: (part: number, of: number) => (of > 0 ? share.format(part / of) : null),
    };
  }, [language]);
}

/** The word after an indicator's figure (`lượt người`, `tấm`), in the reader's language. */
export function unitText(indicator: WordedIndicator, t: Translate): string {
  return unitWord(indicator, t.language);
}

export function planTitle(plan: Pick<Plan, 'title' | 'titleEn'>, language: Language): string {
  return language === 'en' && plan.titleEn ? plan.titleEn : plan.title;
}

export function taskTitle(task: Pick<Task, 'title' | 'titleEn'>, language: Language): string {
  return language === 'en' && task.titleEn ? task.titleEn : task.title;
}

/** `30/7/2026 – 30/9/2026` for an inclusive period. */
export function periodText(startDate: string, endDate: string): string {
  const first = formatDay(parseDay(startDate));
  const last = formatDay(parseDay(endDate));
  return first === last ? first : `${first} – ${last}`;
}

/**
 * Who leads or joins a task: the named agencies, and "every department, board, sector and
 * locality" when the plan says so (alone or beside named ones).
 */
export function agenciesText(
  ids: readonly number[],
  everyAgency: boolean,
  nameOf: (id: number) => string,
  t: Translate,
): string {
  const names = ids.map(nameOf);
  if (everyAgency) names.unshift(t('plans.allAgencies'));
  return names.join('; ');
}

/** The local day an activity starts on. */
export function startDayOf(activity: Pick<Activity, 'allDay' | 'start'>, timeZone: string): string {
  return activity.allDay ? activity.start : localDateOf(activity.start, timeZone);
}

/** The last local day an activity runs on (its end is exclusive). */
export function lastDayOf(activity: Pick<Activity, 'allDay' | 'end'>, timeZone: string): string {
  return activity.allDay ? addDays(activity.end, -1) : lastLocalDateOf(activity.end, timeZone);
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  const day = (date: string) => {
    const { year, month, day: dayOfMonth } = parseDay(date);
    return Date.UTC(year, month - 1, dayOfMonth);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** The calendar's day view on `date`: where a person sees an activity among that day's others. */
export function calendarDayHref(date: string): string {
  return `/?${new URLSearchParams({ date, view: 'day' })}`;
}
