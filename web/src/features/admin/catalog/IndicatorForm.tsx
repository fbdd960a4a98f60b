import { z } from 'zod';
import { catalogWrites, Indicator } from '../../../../../server/contracts/catalog';
import { SelectField, TextField } from '../../../components/form';
import { useRecordForm } from '../../../components/useRecordForm';
import { useLanguage, useT } from '../../../i18n/context';
import { intoContract, typedText } from '../../../lib/form-values';
import { entryName } from '../../../lib/names';
import { type Bound, EntryDialog, NameFields } from './EntryDialog';
import {
  chosenCode,
  type EntryFormProps,
  namedEntryDefaults,
  namedEntryValues,
  saveEntry,
} from './entry-values';
import type { EntryOf } from './kinds';
import { distinct, SuggestedTextField } from './SuggestedTextField';

const fields = [
  'code',
  'name',
  'nameEn',
  'unit',
  'unitWord',
  'unitWordEn',
  'aggregation',
  'parentCode',
] as const;

/** How an indicator's figures add up across activities: the contract's own list. */
const Aggregation = Indicator.shape.aggregation;
type Aggregation = z.infer<typeof Aggregation>;

/** An indicator's form, as typed, checked and turned into the contract's input. */
const IndicatorValues = intoContract(
  z.object({
    ...namedEntryValues,
    unit: typedText,
    unitWord: typedText,
    unitWordEn: typedText,
    aggregation: Aggregation,
    parentCode: chosenCode,
  }),
  catalogWrites.indicators.input,
);

/**
 * An indicator that results are counted by: its unit, how its figures add up, and the
 * indicator it breaks down (women among the attendances), if any.
 */
export function IndicatorForm({ entry, catalog, onClose, onSaved }: EntryFormProps<EntryOf['indicators']>) {
  const t = useT();
  const [language] = useLanguage();
  const editor = useRecordForm({
    schema: IndicatorValues,
    defaultValues: {
      ...namedEntryDefaults(entry),
      unit: entry?.unit ?? '',
      unitWord: entry?.unitWord ?? '',
      unitWordEn: entry?.unitWordEn ?? '',
      // The select shows its first choice for a new indicator: that is what it holds.
      aggregation: entry?.aggregation ?? 'sum',
      parentCode: entry?.parentCode ?? '',
    },
    fields,
    save: (values) => saveEntry('indicators', entry, values),
    onSaved,
  });
  const { bind } = editor;

  return (
    <EntryDialog kind="indicators" entry={entry} editor={editor} onClose={onClose}>
      <div className="form__grid">
        <NameFields
          code={bind('code')}
          name={bind('name')}
          nameEn={bind('nameEn')}
          codeFixed={entry !== null}
        />
        <SuggestedTextField
          label={t('catalog.unit')}
          hint={t('catalog.unitHint')}
          {...bind('unit')}
          suggestions={distinct(catalog.indicators.map((indicator) => indicator.unit))}
          required
        />
        <TextField label={t('catalog.unitWord')} hint={t('catalog.unitWordHint')} {...bind('unitWord')} />
        <TextField label={t('catalog.unitWordEn')} lang="en" {...bind('unitWordEn')} />
        <AggregationField {...bind('aggregation')} />
        <SelectField label={t('catalog.parent')} {...bind('parentCode')}>
          <option value="">{t('common.none')}</option>
          {catalog.indicators.map((indicator) => (
            <option key={indicator.code} value={indicator.code}>
              {entryName(indicator, language)}
            </option>
          ))}
        </SelectField>
      </div>
    </EntryDialog>
  );
}

/** The choice of how figures add up; a select gives text, taken only when it is one of them. */
function AggregationField({ onChange, ...bound }: Bound<Aggregation>) {
  const t = useT();
  const choose = (text: string) => {
    const chosen = Aggregation.safeParse(text);
    if (chosen.success) onChange(chosen.data);
  };
  return (
    <SelectField
      label={t('catalog.aggregation')}
      hint={t('catalog.aggregationHint')}
      {...bound}
      onChange={choose}
      required
    >
      {Aggregation.options.map((option) => (
        <option key={option} value={option}>
          {t(`aggregation.${option}`)}
        </option>
      ))}
    </SelectField>
  );
}
