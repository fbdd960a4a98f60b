import { z } from 'zod';
import { catalogWrites } from '../../../../../server/contracts/catalog';
import type { CatalogEntry } from '../../../api/catalog';
import { TextField } from '../../../components/form';
import { useRecordForm } from '../../../components/useRecordForm';
import { useT } from '../../../i18n/context';
import { intoContract, typedRequiredNumber } from '../../../lib/form-values';
import { type Bound, EntryDialog, NameFields } from './EntryDialog';
import { namedEntryDefaults, namedEntryValues, numberText, saveEntry, typedNumber } from './entry-values';
import type { EntryOf } from './kinds';

const fields = ['code', 'name', 'nameEn', 'day', 'month', 'endDay', 'endMonth'] as const;

/**
 * An observance's form, as typed, checked and turned into the contract's input. Its end may
 * be left empty: the server then ends it on the day it starts.
 */
const ObservanceValues = intoContract(
  z.object({
    ...namedEntryValues,
    day: typedRequiredNumber,
    month: typedRequiredNumber,
    endDay: typedNumber,
    endMonth: typedNumber,
  }),
  catalogWrites.observances.input,
);

/** A day (or a span of days) marked every year, such as 30/7; its themes are set year by year. */
export function ObservanceForm({
  entry,
  onClose,
  onSaved,
}: {
  entry: EntryOf['observances'] | null;
  onClose: () => void;
  onSaved: (saved: CatalogEntry) => void;
}) {
  const t = useT();
  const editor = useRecordForm({
    schema: ObservanceValues,
    defaultValues: {
      ...namedEntryDefaults(entry),
      day: numberText(entry?.day),
      month: numberText(entry?.month),
      endDay: numberText(entry?.endDay),
      endMonth: numberText(entry?.endMonth),
    },
    fields,
    save: (values) => saveEntry('observances', entry, values),
    onSaved,
  });
  const { bind } = editor;

  return (
    <EntryDialog kind="observances" entry={entry} editor={editor} onClose={onClose}>
      <div className="form__grid">
        <NameFields
          code={bind('code')}
          name={bind('name')}
          nameEn={bind('nameEn')}
          codeFixed={entry !== null}
        />
        <NumberField label={t('catalog.day')} max={31} {...bind('day')} required />
        <NumberField label={t('catalog.month')} max={12} {...bind('month')} required />
        <NumberField label={t('catalog.endDay')} max={31} hint={t('catalog.endHint')} {...bind('endDay')} />
        <NumberField label={t('catalog.endMonth')} max={12} {...bind('endMonth')} />
      </div>
    </EntryDialog>
  );
}

/** A day or a month, from 1. */
function NumberField({
  max,
  ...field
}: Bound<string> & { label: string; max: number; hint?: string; required?: boolean }) {
  return <TextField {...field} type="number" min={1} max={max} inputMode="numeric" />;
}
