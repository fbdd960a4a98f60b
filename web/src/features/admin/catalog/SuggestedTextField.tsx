import { useId } from 'react';
import { TextField } from '../../../components/form';
import type { Bound } from './EntryDialog';

/**
 * A text field that suggests the values already in use (a channel's group, an indicator's
 * unit), so that one thing is not written two ways, while still taking a new one.
 */
export function SuggestedTextField({
  label,
  hint,
  suggestions,
  required = false,
  ...bound
}: Bound<string> & { label: string; hint: string; suggestions: readonly string[]; required?: boolean }) {
  const listId = useId();
  return (
    <div>
      <TextField
        label={label}
        hint={hint}
        required={required}
        {...bound}
        list={suggestions.length > 0 ? listId : undefined}
      />
      {suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

/** The distinct values of a list, sorted, as suggestions. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
