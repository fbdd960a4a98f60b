// The report's filters: the calendar's own (same names, same values), whether only accepted
// results count, and whether units and agencies are rolled up to those of today.
import { Fragment, useId } from 'react';
import { type ActivityFilters, activityFilterNames } from '../../api/activities';
import { CheckboxField } from '../../components/form';
import { useT } from '../../i18n/context';
import { formatIsoDay } from '../../i18n/dates';
import type { FilterName } from './address';

export type Option = { value: string; label: string; group?: string | undefined };

export function ReportFilters({
  filters,
  options,
  acceptedOnly,
  rollUpTo,
  open,
  onFilter,
  onAcceptedOnly,
  onRollUp,
  onClear,
}: {
  filters: ActivityFilters;
  options: Record<FilterName, Option[]>;
  acceptedOnly: boolean;
  rollUpTo: string | undefined;
  open: boolean;
  onFilter: (name: FilterName, value: string) => void;
  onAcceptedOnly: (on: boolean) => void;
  onRollUp: (on: boolean) => void;
  onClear: () => void;
}) {
  const t = useT();
  const tr = useT();
  const active = Object.keys(filters).length + (acceptedOnly ? 1 : 0) + (rollUpTo ? 1 : 0);
  return (
    <details className="report-filters" open={open}>
      <summary className="report-filters__summary">
        {active > 0 ? tr('reports.filters.active', { count: active }) : tr('reports.filters.title')}
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
            label={tr('reports.filters.acceptedOnly')}
            checked={acceptedOnly}
            onChange={onAcceptedOnly}
          />
          <CheckboxField
            label={tr('reports.filters.rollUp')}
            checked={rollUpTo !== undefined}
            onChange={onRollUp}
          />
          {rollUpTo ? (
            <p className="field__hint">
              {tr('reports.filters.rollUpHint', { date: formatIsoDay(rollUpTo) })}
            </p>
          ) : null}
        </div>
        <div className="report-filters__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={onClear}
            disabled={active === 0}
          >
            {tr('reports.filters.clear')}
          </button>
        </div>
      </div>
    </details>
  );
}

function FilterSelect({
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  allLabel: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  // A value from the address that the list does not hold (out of force, still loading) stays chosen.
  const known = value === '' || options.some((option) => option.value === value);
  const groups = new Map<string | undefined, Option[]>();
  for (const option of options) groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {known ? null : <option value={value}>#{value}</option>}
        {[...groups].map(([group, entries]) => {
          const rendered = entries.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ));
          return group === undefined ? (
            <Fragment key="">{rendered}</Fragment>
          ) : (
            <optgroup key={group} label={group}>
              {rendered}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
