import { type ActivityFilters, activityFilterNames } from '../../api/activities';
import { FilterSelect, type Option } from '../../components/FilterSelect';
import { CheckboxField } from '../../components/form';
import { useT } from '../../i18n/context';
import { formatIsoDay } from '../../i18n/dates';
import type { FilterName } from './address';

export type { Option };

export function ReportFilters({
  filters,
  options,
  acceptedOnly,
  rollUpTo,
  open,
  onFilter,
  onRollUp,
  onClear,
}: {
  filters: ActivityFilters;
  options: Record<FilterName, Option[]>;
  acceptedOnly: boolean;
  rollUpTo: string | undefined;
  open: boolean;
  onFilter: (name: FilterName, value: string) => void;
  onRollUp: (on: boolean) => void;
  onClear: () => void;
}) {
  const t = useT();
  const active = Object.keys(filters).length + (acceptedOnly ? 1 : 0) + (rollUpTo ? 1 : 0);
  return (
    <details className="report-filters" open={open}>
      <summary className="report-filters__summary">
        {active > 0 ? t('reports.filters.active', { count: active }) : t('reports.filters.title')}
      </summary>
      <div className="filters report-filters__fields">
        {activityFilterNames.map((name) => (
          <FilterSelect
            key={name}
            label={t(`calendar.filter.${name}`)}
            allLabel={t('calendar.filter.all')}
            value={filters[name] ?? ''}
            options={options[name]}
            onChange={(value) => onFilter(name, value)}
          />
        ))}
        <div className="report-filters__checks">
          <CheckboxField
            label={t('reports.filters.rollUp')}
            checked={rollUpTo !== undefined}
            onChange={onRollUp}
          />
          {rollUpTo ? (
            <p className="field__hint">{t('reports.filters.rollUpHint', { date: formatIsoDay(rollUpTo) })}</p>
          ) : null}
        </div>
        <div className="report-filters__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={onClear}
            disabled={active === 0}
          >
            {t('reports.filters.clear')}
          </button>
        </div>
      </div>
    </details>
  );
}
