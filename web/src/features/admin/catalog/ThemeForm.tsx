import { z } from 'zod';
import { ObservanceThemeInput, ThemeParams } from '../../../../../server/contracts/catalog';
import { type ObservanceThemeEntry, putObservanceTheme } from '../../../api/catalog';
import { DateField, dayText, FormErrors, TextField } from '../../../components/form';
import { useRecordForm } from '../../../components/useRecordForm';
import { useT } from '../../../i18n/context';
import { intoContract, typedDay, typedText } from '../../../lib/form-values';
import { numberText, typedNumber } from './entry-values';

const fields = ['year', 'theme', 'themeEn', 'peakStartDate', 'peakEndDate'] as const;

/**
 * A year's theme, as typed, checked and turned into what its request takes: the year in its
 * address (the address's own rule) and the theme in its body (the body's contract).
 */
const ThemeValues = intoContract(
  z.object({
    year: typedNumber,
    theme: typedText,
    themeEn: typedText,
    peakStartDate: typedDay,
    peakEndDate: typedDay,
  }),
  ObservanceThemeInput.safeExtend({ year: ThemeParams.shape.year }),
);

/** Saving one year's theme: `theme` null adds a year, else corrects that year's theme. */
export function ThemeForm({
  code,
  theme,
  nextYear,
  onCancel,
  onSaved,
}: {
  code: string;
  theme: ObservanceThemeEntry | null;
  /** The year a new theme is for unless another is typed. */
  nextYear: number;
  onCancel: () => void;
  onSaved: (year: number) => void;
}) {
  const t = useT();
  const editor = useRecordForm({
    schema: ThemeValues,
    defaultValues: {
      year: numberText(theme?.year ?? nextYear),
      theme: theme?.theme ?? '',
      themeEn: theme?.themeEn ?? '',
      peakStartDate: dayText(theme?.peakStartDate),
      peakEndDate: dayText(theme?.peakEndDate),
    },
    fields,
    save: async ({ year, ...input }) => {
      await putObservanceTheme(code, year, input);
      return year;
    },
    onSaved,
  });
  const { bind } = editor;
  // Whatever is wrong with the year, the form says which years it takes.
  const year = bind('year');

  return (
    <form ref={editor.form} className="form form--boxed" onSubmit={editor.submit} noValidate>
      <h3 className="form__title">
        {theme ? t('catalog.editTheme', { year: theme.year }) : t('catalog.addTheme')}
      </h3>
      <FormErrors messages={editor.general} />
      <div className="form__grid">
        <TextField
          label={t('catalog.year')}
          type="number"
          inputMode="numeric"
          {...year}
          error={year.error && t('catalog.badYear')}
          readOnly={theme !== null}
          required
        />
        <TextField label={t('catalog.theme')} {...bind('theme')} required />
        <TextField label={t('catalog.themeEn')} {...bind('themeEn')} lang="en" />
        <DateField label={t('catalog.peakStart')} {...bind('peakStartDate')} />
        <DateField label={t('catalog.peakEnd')} {...bind('peakEndDate')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={editor.busy}>
          {editor.busy ? t('common.saving') : t('catalog.saveTheme')}
        </button>
        {theme ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
