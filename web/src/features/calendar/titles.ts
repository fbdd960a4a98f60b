// The calendar's titles as Vietnamese write dates, rather than as Intl's `vi` locale does
// ("tháng 7 năm 2026", "27 thg 7 – 2 thg 8, 2026"): "Tháng 7/2026", "27/7 – 2/8/2026",
// "Thứ năm, 30/7/2026". FullCalendar hands each title function the range's days on the
// calendar's own zone, months counted from 0, and the end inclusive.
import type { Translate } from '../../i18n/context';
import { dateOf, englishMonthName, weekdayOf } from '../../i18n/dates';

type Day = { year: number; month: number; day: number };
type TitleInfo = { date: Day; start: Day; end?: Day | null | undefined };

const weekdayKeys = [
  'calendarEdit.weekday.0',
  'calendarEdit.weekday.1',
  'calendarEdit.weekday.2',
  'calendarEdit.weekday.3',
  'calendarEdit.weekday.4',
  'calendarEdit.weekday.5',
  'calendarEdit.weekday.6',
] as const;

export function monthTitle(t: Translate) {
  return ({ date }: TitleInfo) =>
    t('calendar.monthTitle', {
      month: date.month + 1,
      monthName: englishMonthName(date.month + 1),
      year: date.year,
    });
}

/** `27/7 – 2/8/2026`; the year on both sides only when the week straddles New Year. */
export function weekTitle({ start, end }: TitleInfo): string {
  const last = end ?? start;
  const first =
    start.year === last.year
      ? `${start.day}/${start.month + 1}`
      : `${start.day}/${start.month + 1}/${start.year}`;
  return `${first} – ${last.day}/${last.month + 1}/${last.year}`;
}

/** `Thứ năm, 30/7/2026`. */
export function dayTitle(t: Translate) {
  return ({ date }: TitleInfo) => {
    // Monday 1 … Sunday 7, and the words count from Sunday 0.
    const weekday = weekdayOf(dateOf(date.year, date.month + 1, date.day) ?? '2000-01-02') % 7;
    return t('calendarEdit.dayTitle', {
      weekday: t(weekdayKeys[weekday] ?? weekdayKeys[0]),
      date: `${date.day}/${date.month + 1}/${date.year}`,
    });
  };
}
