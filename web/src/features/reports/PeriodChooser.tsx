// Choosing the report's period: a year and one of its usual periods (the official half-year
// and year, the 30/7 peak, the calendar year, a quarter, a month), or two dates typed the
// Vietnamese way (15/12/2024 – 14/6/2025).
import { type FormEvent, useId, useState } from 'react';
import type { ReportPeriod } from '../../api/reports';
import { DateField, dayText, readDay, SelectField } from '../../components/form';
import { useLanguage, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/vi';
import type { Loaded } from '../../lib/useLoad';

export type Period = { startDate: string; endDate: string };

const CUSTOM = 'custom';

/** The periods as the chooser groups them: the reporting cycles first, then the calendar's. */
const groups: { title: MessageKey; kinds: readonly ReportPeriod['kind'][] }[] = [
  { title: 'reports.period.group.official', kinds: ['official-half-year', 'official-year', 'peak'] },
  { title: 'reports.period.group.calendar', kinds: ['year', 'quarter'] },
  { title: 'reports.period.group.months', kinds: ['month'] },
];

export function PeriodChooser({
  year,
  years,
  periods,
  period,
  onYear,
  onPeriod,
}: {
  year: number;
  years: readonly number[];
  periods: Loaded<{ year: number; items: ReportPeriod[] }>;
  period: Period | null;
  onYear: (year: number) => void;
  onPeriod: (period: Period) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  const items = periods.data?.year === year ? periods.data.items : [];
  const chosen = period
    ? items.find((item) => item.startDate === period.startDate && item.endDate === period.endDate)
    : undefined;

  // The typed dates follow the chosen period until the user types other ones.
  const [typed, setTyped] = useState({ start: '', end: '', of: '' });
  const periodKey = period ? `${period.startDate}/${period.endDate}` : '';
  const texts =
    typed.of === periodKey
      ? typed
      : { start: dayText(period?.startDate), end: dayText(period?.endDate), of: periodKey };
  const [error, setError] = useState<{ start?: string; end?: string }>({});

  const applyDates = (event: FormEvent) => {
    event.preventDefault();
    const startDate = readDay(texts.start);
    const endDate = readDay(texts.end);
    const errors: { start?: string; end?: string } = {};
    if (!startDate) errors.start = t('reports.period.badDate');
    if (!endDate) errors.end = t('reports.period.badDate');
    if (startDate && endDate && endDate < startDate) errors.end = t('reports.period.endBeforeStart');
    setError(errors);
    if (startDate && endDate && endDate >= startDate) onPeriod({ startDate, endDate });
  };

  return (
    <section className="report-period" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="report-period__title">
        {t('reports.period.title')}
      </h3>
      <div className="report-period__presets">
        <SelectField
          label={t('reports.period.year')}
          value={String(year)}
          onChange={(value) => onYear(Number(value))}
        >
          {years.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('reports.period.preset')}
          value={chosen?.code ?? CUSTOM}
          onChange={(code) => {
            const item = items.find((entry) => entry.code === code);
            if (item) onPeriod({ startDate: item.startDate, endDate: item.endDate });
          }}
          disabled={items.length === 0}
        >
          {groups.map((group) => (
            <optgroup key={group.title} label={t(group.title)}>
              {items
                .filter((item) => group.kinds.includes(item.kind))
                .map((item) => (
                  <option key={item.code} value={item.code}>
                    {language === 'en' ? item.labelEn : item.label}
                  </option>
                ))}
            </optgroup>
          ))}
          <option value={CUSTOM}>{t('reports.period.custom')}</option>
        </SelectField>
      </div>
      <form className="report-period__dates" onSubmit={applyDates} noValidate>
        <DateField
          label={t('reports.period.from')}
          value={texts.start}
          onChange={(start) => setTyped({ ...texts, start })}
          error={error.start}
        />
        <DateField
          label={t('reports.period.to')}
          value={texts.end}
          onChange={(end) => setTyped({ ...texts, end })}
          error={error.end}
        />
        <div className="report-period__apply">
          <button type="submit" className="button button--secondary">
            {t('reports.period.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}
