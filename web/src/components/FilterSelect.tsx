// A filter's select: "all" first, options grouped under their heading, and a value that
// the list does not hold (out of force, still loading, typed into the address) kept chosen.
// The calendar's filters and the reports' share it.
import { Fragment, useId } from 'react';

export type Option = { value: string; label: string; group?: string | undefined };

export function FilterSelect({
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
