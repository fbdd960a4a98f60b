// Form building blocks: every field has a visible label, its error right under it (named
// by aria-describedby, so a screen reader reads it with the field), and the same look.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { ApiError } from '../api/client';
import { type Translate, useT } from '../i18n/context';
import { formatIsoDay, parseDayInput } from '../i18n/dates';
import { describeError } from './ErrorAlert';

export type FieldErrors = Partial<Record<string, string>>;

/**
 * A failed save, split for the form: server validation messages by the field they name
 * (the longest of `fields` that `path` is or starts with: `unitIds.2` belongs to `unitIds`,
 * `filter.agencyId` to `filter.agencyId` if the form has such a field, else to `filter`),
 * and what no field of this form shows, to be shown above it.
 */
export function splitErrors(
  error: unknown,
  fields: readonly string[],
  t: Translate,
): { byField: FieldErrors; general: string[] } {
  if (!error) return { byField: {}, general: [] };
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || error.details.length === 0) {
    return { byField: {}, general: [describeError(error, t)] };
  }
  const byField: FieldErrors = {};
  const general: string[] = [];
  for (const detail of error.details) {
    const field = fields
      .filter((name) => detail.path === name || detail.path.startsWith(`${name}.`))
      .reduce((longest, name) => (name.length > longest.length ? name : longest), '');
    if (field) {
      // Several messages for one field (two bad unit ids) read as one sentence each.
      const words = t.refusal(detail);
      byField[field] = byField[field] ? `${byField[field]} ${words}` : words;
    } else {
      general.push(detail.path ? `${detail.path}: ${t.refusal(detail)}` : t.refusal(detail));
    }
  }
  return { byField, general };
}

/**
 * After a refused save, the first field marked invalid gets the focus, so that a keyboard
 * or screen-reader user lands where there is something to fix. `form` goes on the <form>;
 * `refused()` is called with the state update that marks the fields, and the focus moves
 * once they are marked.
 */
export function useFocusOnInvalid() {
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const refused = useCallback(() => setRefusals((count) => count + 1), []);
  return { form, refused };
}

/** The entries of `values` that differ from the record's (lists by their items, in order). */
function changedFields<V extends Record<string, unknown>>(values: V, record: V): Partial<V> {
  const patch: Partial<V> = {};
  for (const key of Object.keys(values) as (keyof V)[]) {
    if (JSON.stringify(values[key]) !== JSON.stringify(record[key])) patch[key] = values[key];
  }
  return patch;
}

/**
 * Saves a form's `values`: a new record (`record` null) is created; an existing one gets only
 * the fields that changed, with its version (If-Match), or no request at all when none did.
 * Answers the record as saved.
 */
export async function saveRecord<
  R extends { id: number; version: number },
  V extends Record<string, unknown>,
>(
  record: (R & V) | null,
  values: V,
  create: (values: V) => Promise<R>,
  update: (id: number, version: number, patch: Partial<V>) => Promise<R>,
): Promise<R> {
  return record === null ? create(values) : saveChanges(record, values, update);
}

/** Saves the fields of `values` that differ from `record`'s, as saveRecord does an existing record. */
export async function saveChanges<
  R extends { id: number; version: number },
  V extends Record<string, unknown>,
>(
  record: R & V,
  values: V,
  update: (id: number, version: number, patch: Partial<V>) => Promise<R>,
): Promise<R> {
  const patch = changedFields(values, record);
  return Object.keys(patch).length > 0 ? update(record.id, record.version, patch) : record;
}

/** The messages that belong to no field, above the form, read out when they appear. */
export function FormErrors({ messages }: { messages: string[] }) {
  const t = useT();
  if (messages.length === 0) return null;
  return (
    <div className="error-box form-errors" role="alert">
      <p className="form-errors__title">{t('form.failed')}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

type ControlProps = {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
};

/** A label, a control, an optional hint and the field's error. */
export function Field({
  label,
  error,
  hint,
  required = false,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {/* The control's `required` already tells a screen reader; the star is for the eye. */}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What a field whose control holds text takes, beside its control's own attributes. */
type ValueFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
};

/**
 * A text-valued control (an input, a text area, a select) in its `Field`: `children` gets the
 * control's own attributes from `field`, with its value, change handler, `required`, id and ARIA.
 */
function ValueField<P extends ValueFieldProps>({
  field: { label, value, onChange, error, hint, required, ...own },
  children,
}: {
  field: P;
  children: (
    control: Omit<P, keyof ValueFieldProps> &
      ControlProps & {
        value: string;
        onChange: (event: { target: { value: string } }) => void;
        required: boolean | undefined;
      },
  ) => ReactNode;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required ?? false}>
      {(props) =>
        children({ ...own, value, onChange: (event) => onChange(event.target.value), required, ...props })
      }
    </Field>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> &
  ValueFieldProps & { ref?: Ref<HTMLInputElement> };

export function TextField(field: TextFieldProps) {
  return <ValueField field={field}>{(control) => <input className="input" {...control} />}</ValueField>;
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> &
  ValueFieldProps;

export function TextAreaField(field: TextAreaFieldProps) {
  return (
    <ValueField field={field}>
      {(control) => <textarea className="input input--area" {...control} />}
    </ValueField>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> &
  ValueFieldProps & { children: ReactNode };

export function SelectField({ children, ...field }: SelectFieldProps) {
  return (
    <ValueField field={field}>
      {(control) => (
        <select className="input" {...control}>
          {children}
        </select>
      )}
    </ValueField>
  );
}

/** A checkbox with its label to its right, as people expect to click either. */
export function CheckboxField({
  label,
  checked,
  onChange,
  error,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field--check field--invalid' : 'field field--check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------- dates

/** What a date field holds: the text as typed, so that a half-typed date is not lost. */
export function dayText(date: string | null | undefined): string {
  return formatIsoDay(date);
}

/** A typed date as `YYYY-MM-DD`, null for an empty field, undefined when it is not a date. */
export function readDay(text: string): string | null | undefined {
  if (text.trim() === '') return null;
  return parseDayInput(text) ?? undefined;
}

/**
 * Dates are typed as they are written and shown everywhere (30/7/2025), whatever the
 * browser's language, rather than in a native date input that would follow the browser.
 *
 * `checkOnBlur` is for a filter, which has no save button: a date that cannot be read is
 * said when the user leaves the field. A form checks its dates when it is saved instead
 * (readDays): a message appearing on blur would move the save button away between the
 * press and the release of the click that blurred the field, and the click would be lost.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  checkOnBlur = false,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  /** Said before the example of how to type a date. */
  hint?: string | undefined;
  required?: boolean;
  checkOnBlur?: boolean;
}) {
  const t = useT();
  const [touched, setTouched] = useState(false);
  const ownError = checkOnBlur && touched && readDay(value) === undefined ? t('form.badDate') : undefined;
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      onBlur={() => setTouched(true)}
      error={error ?? ownError}
      hint={hint ? `${hint} ${t('form.dateHint')}` : t('form.dateHint')}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('form.datePlaceholder')}
      required={required}
    />
  );
}

// ---------------------------------------------------------------- many of a list

export type PickerOption = { value: number | string; label: string; detail?: string | undefined };

/**
 * Choosing several entries of a list of up to a few hundred (units, agencies, channels):
 * the chosen ones stay in view as removable chips, the list can be narrowed by typing.
 */
export function MultiPicker<V extends number | string>({
  label,
  options,
  selected,
  onChange,
  error,
  hint,
}: {
  label: string;
  options: ReadonlyArray<PickerOption & { value: V }>;
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const needle = normaliseSearch(search);
  const shown = needle
    ? options.filter((option) => normaliseSearch(`${option.label} ${option.detail ?? ''}`).includes(needle))
    : options;
  const labelOf = (value: V) => options.find((option) => option.value === value)?.label ?? String(value);
  const toggle = (value: V, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((chosen) => chosen !== value));

  return (
    <fieldset
      className={error ? 'fieldset picker field--invalid' : 'fieldset picker'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field__label">{label}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {selected.length > 0 ? (
        <ul className="picker__chips" aria-label={t('picker.chosen')}>
          {selected.map((value) => (
            <li key={String(value)} className="chip">
              {labelOf(value)}
              <button
                type="button"
                className="chip__remove"
                aria-label={t('picker.remove', { name: labelOf(value) })}
                onClick={() => toggle(value, false)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="picker__none">{t('picker.none')}</p>
      )}
      <input
        className="input picker__search"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        aria-label={t('picker.search', { label })}
        placeholder={t('picker.searchPlaceholder')}
      />
      <ul className="picker__list">
        {shown.map((option) => {
          const optionId = `${id}-${String(option.value)}`;
          return (
            <li key={String(option.value)}>
              <input
                id={optionId}
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.detail ? <span className="picker__detail"> · {option.detail}</span> : null}
              </label>
            </li>
          );
        })}
        {shown.length === 0 ? <li className="picker__empty">{t('picker.noMatch')}</li> : null}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Text for matching what a person types: lower case, without diacritics, so that "hue"
 * finds "Huế" and "dong" finds "Đông" (đ is a letter of its own, not a d with a mark).
 */
export function normaliseSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim();
}
