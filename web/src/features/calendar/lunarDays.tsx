// The lunar date under each day of the calendar, when the user asks for it. The day is the
// calendar's own (the deployment's zone, which FullCalendar formats the date in), never the
// browser's: a coordinator abroad must see the lunar date of the province's day.
import type { DayCellInfo, DayHeaderInfo } from '@fullcalendar/react';
import type { Translate } from '../../i18n/context';
import { type LunarDate, lunarDateOfIso, yearName } from '../../lib/lunar';

/** What a day shows: its lunar day alone, or day/month on the first and the full moon of a month. */
function lunarLabel(lunar: LunarDate, t: Translate): string {
  const leap = lunar.leap ? ` ${t('calendar.lunar.leap')}` : '';
  if (lunar.day === 1 && lunar.month === 1) return `1/1 ${t('calendar.lunar.tet')}`;
  if (lunar.day === 1) return `1/${lunar.month}${leap}`;
  return String(lunar.day);
}

/** The first of a lunar month and the full moon (rằm) stand out: festivals fall on them. */
function isNotable(lunar: LunarDate): boolean {
  return lunar.day === 1 || lunar.day === 15;
}

function LunarMark({ isoDate, t }: { isoDate: string; t: Translate }) {
  const lunar = lunarDateOfIso(isoDate);
  const leap = lunar.leap ? ` ${t('calendar.lunar.leap')}` : '';
  const title = t('calendar.lunar.title', {
    date: `${lunar.day}/${lunar.month}${leap}`,
    year: yearName(lunar.year),
  });
  const notable = isNotable(lunar) ? ' lunar-date--notable' : '';
  return (
    <span className={`lunar-date${notable}`} title={title} data-lunar={`${lunar.day}/${lunar.month}`}>
      {lunarLabel(lunar, t)}
    </span>
  );
}

/** The day's `YYYY-MM-DD` in the calendar's zone. */
function isoDayOf(info: { date: Date; view: DayCellInfo['view'] }): string {
  return info.view.calendar.formatIso(info.date, true);
}

/** Month view cells: the day number and, under it, the lunar date. The year view is too small for it. */
export function lunarDayCell(t: Translate) {
  return (info: DayCellInfo) => {
    if (!info.text || info.view.type === 'multiMonthYear') return info.text;
    return (
      <span className="lunar-cell">
        <span>{info.text}</span>
        <LunarMark isoDate={isoDayOf(info)} t={t} />
      </span>
    );
  };
}

/** Week and day views name each day in their header: the lunar date goes beside it. */
export function lunarDayHeader(t: Translate) {
  return (info: DayHeaderInfo) => {
    if (!info.view.type.startsWith('timeGrid')) return info.text;
    return (
      <span className="lunar-header">
        <span>{info.text}</span>
        <LunarMark isoDate={isoDayOf(info)} t={t} />
      </span>
    );
  };
}
