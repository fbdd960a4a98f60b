// The figures of a result, one field a indicator of the activity's type: big numeric fields
// that a phone opens with its number pad, each breakdown ("of which female") indented under
// its parent, the planned figure as a hint, the server's message or warning at the field.
import { useId } from 'react';
import { useLanguage, useT } from '../../i18n/context';
import { unitText, useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';
import type { PathMessages } from './errors';
import type { FigureField } from './figures';
import './results.css';

export function ResultFigures({
  fields,
  texts,
  onChange,
  errors = {},
  warnings = {},
  expected = {},
  legend,
}: {
  fields: readonly FigureField[];
  texts: Record<string, string>;
  onChange: (code: string, text: string) => void;
  /** By path, `values.<code>`, as the server names them. */
  errors?: PathMessages;
  warnings?: PathMessages;
  /** Planned figures, said under each field. */
  expected?: Record<string, number>;
  legend: string;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const id = useId();

  return (
    <fieldset className="fieldset result-figures">
      <legend className="field__label">{legend}</legend>
      {fields.length === 0 ? <p className="field__hint">{t('results.noIndicators')}</p> : null}
      {fields.map(({ indicator, depth }) => {
        const code = indicator.code;
        const fieldId = `${id}-${code}`;
        const error = errors[`values.${code}`];
        const warning = error ? undefined : warnings[`values.${code}`];
        const unit = unitText(indicator, t);
        const planned = expected[code];
        const hint =
          planned === undefined
            ? indicator.aggregation === 'max'
              ? t('results.maxHint')
              : undefined
            : t('results.plannedHint', { value: number(planned) });
        const describedBy =
          [hint ? `${fieldId}-hint` : null, error || warning ? `${fieldId}-message` : null]
            .filter(Boolean)
            .join(' ') || undefined;
        const classes = ['field', 'result-figure', depth === 1 ? 'result-figure--breakdown' : ''];
        if (error) classes.push('field--invalid');
        if (warning) classes.push('result-figure--warning');
        return (
          <div key={code} className={classes.filter(Boolean).join(' ')} data-indicator={code}>
            <label className="field__label" htmlFor={fieldId}>
              {entryName(indicator, language)}
              {unit ? <span className="result-figure__unit"> ({unit})</span> : null}
            </label>
            <input
              id={fieldId}
              className="input result-figure__input"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              enterKeyHint="next"
              value={texts[code] ?? ''}
              onChange={(event) => onChange(code, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
            {hint ? (
              <p id={`${fieldId}-hint`} className="field__hint">
                {hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${fieldId}-message`} className="field__error">
                {error}
              </p>
            ) : null}
            {warning ? (
              <p id={`${fieldId}-message`} className="result-figure__warning">
                <span aria-hidden="true">⚠ </span>
                {warning}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
