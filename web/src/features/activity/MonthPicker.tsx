// A small month calendar whose days are toggled by a click: the dates a copy goes to.
import { useState } from 'react';
import { useT } from '../../i18n/context';
import { addDays, formatIsoDay, parseDay, weekdayOf } from '../../i18n/dates';

const pad = (value: number) => String(value).padStart(2, '0');

/** The days shown for a month: from the Monday on or before the 1st to the Sunday after its last. */
function monthDays(year: number, month: number): string[] {
  const first = `${year}-${pad(month)}-01`;
  const start = addDays(first, 1 - weekdayOf(first));
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  const days: string[] = [];
  for (let day = start; day < next || weekdayOf(day) !== 1; day = addDays(day, 1)) days.push(day);
  return days;
}

const weekdayKeys = [1, 2, 3, 4, 5, 6, 0] as const;

export function MonthPicker({
  first,
  chosen,
  onChange,
}: {
  /** The day whose month it opens on. */
  first: string;
  chosen: readonly string[];
  onChange: (dates: string[]) => void;
}) {
  const t = useT();
  const [shown, setShown] = useState(() => {
    const { year, month } = parseDay(first);
    return { year, month };
  });
  const move = (by: number) =>
    setShown(({ year, month }) => {
      const index = year * 12 + (month - 1) + by;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const toggle = (day: string) =>
    onChange(chosen.includes(day) ? chosen.filter((date) => date !== day) : [...chosen, day]);
  const prefix = `${shown.year}-${pad(shown.month)}`;
  return (
    <div className="month-picker">
      <div className="month-picker__head">
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('bulk.previousMonth')}
          onClick={() => move(-1)}
        >
          ‹
        </button>
        <span aria-live="polite">{t('bulk.month', { month: shown.month, year: shown.year })}</span>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('bulk.nextMonth')}
          onClick={() => move(1)}
        >
          ›
        </button>
      </div>
      <div className="month-picker__grid">
        {weekdayKeys.map((weekday) => (
          <span key={weekday} className="month-picker__weekday" aria-hidden="true">
            {t(`calendarEdit.weekday.${weekday}`).replace('Thứ ', 'T').replace('Chủ nhật', 'CN').slice(0, 3)}
          </span>
        ))}
        {monthDays(shown.year, shown.month).map((day) => {
          const inMonth = day.startsWith(prefix);
          const picked = chosen.includes(day);
          return (
            <button
              key={day}
              type="button"
              className={`month-picker__day${inMonth ? '' : ' month-picker__day--other'}${day === first ? ' month-picker__day--first' : ''}`}
              aria-pressed={picked}
              aria-label={formatIsoDay(day)}
              onClick={() => toggle(day)}
            >
              {parseDay(day).day}
            </button>
          );
        })}
      </div>
    </div>
  );
}
