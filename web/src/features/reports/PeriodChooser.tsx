// Choosing the report's period: a year and one of its usual periods (the official half-year
// and year, the 30/7 peak, the calendar year, a quarter, a month), or two dates typed the
// Vietnamese way (15/12/2024 – 14/6/2025).
import { useEffect, useId, useMemo } from 'react';
import { z } from 'zod';
import { SummaryQuery } from '../../../../server/contracts/reports';
import type { ReportPeriod } from '../../api/reports';
import { DateField, dayText, readDay, SelectField } from '../../components/form';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/vi';
import { intoContract } from '../../lib/form-values';
import type { Loaded } from '../../lib/useLoad';

export type Period = { startDate: string; endDate: string };

const CUSTOM = 'custom';

/** The periods as the chooser groups them: the reporting cycles first, then the calendar's. */
const groups: { title: MessageKey; kinds: readonly ReportPeriod['kind'][] }[] = [
  { title: 'reports.period.group.official', kinds: ['official-half-year', 'official-year', 'peak'] },
  { title: 'reports.period.group.calendar', kinds: ['year', 'quarter'] },
  { title: 'reports.period.group.months', kinds: ['month'] },
];

/**
 * A date as typed here (`30/7/2025`), as `YYYY-MM-DD`; an empty or unreadable one is refused
 * with `message`.
 */
function typedReportDay(message: string) {
  return z.string().transform((text, context): string => {
    const day = readDay(text);
    if (day) return day;
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/**
 * The two dates as typed, in the chooser's own words (hence made of `t`), then checked as the
 * report's query takes them.
 */
function periodValues(t: Translate) {
  return intoContract(
    z
      .object({
        startDate: typedReportDay(t('reports.period.badDate')),
        endDate: typedReportDay(t('reports.period.badDate')),
      })
      .refine((period) => period.endDate >= period.startDate, {
        path: ['endDate'],
        message: t('reports.period.endBeforeStart'),
      }),
    SummaryQuery,
  );
}

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

  const schema = useMemo(() => periodValues(t), [t]);
  const dates = useRecordForm({
    schema,
    defaultValues: { startDate: dayText(period?.startDate), endDate: dayText(period?.endDate) },
    fields: ['startDate', 'endDate'],
    // Nothing is sent from here: the reports page asks for the period it is given.
    save: async ({ startDate, endDate }) => ({ startDate, endDate }),
    onSaved: onPeriod,
  });

  // Whenever the chosen period changes (a preset, another year), the typed dates show it again.
  const { change } = dates;
  const startDate = period?.startDate;
  const endDate = period?.endDate;
  useEffect(() => {
    change({ startDate: dayText(startDate), endDate: dayText(endDate) });
  }, [startDate, endDate, change]);

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
      <form ref={dates.form} className="report-period__dates" onSubmit={dates.submit} noValidate>
        <DateField label={t('reports.period.from')} {...dates.bind('startDate')} />
        <DateField label={t('reports.period.to')} {...dates.bind('endDate')} />
        <div className="report-period__apply">
          <button type="submit" className="button button--secondary">
            {t('reports.period.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}
