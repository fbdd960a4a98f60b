import { useMemo } from 'react';
import { z } from 'zod';
import { catalogWrites } from '../../../../../server/contracts/catalog';
import { MultiPicker } from '../../../components/form';
import { useRecordForm } from '../../../components/useRecordForm';
import { useLanguage, useT } from '../../../i18n/context';
import { intoContract } from '../../../lib/form-values';
import { entryName } from '../../../lib/names';
import { EntryDialog, NameFields } from './EntryDialog';
import { type EntryFormProps, namedEntryDefaults, namedEntryValues, saveEntry } from './entry-values';
import type { EntryOf } from './kinds';

const fields = ['code', 'name', 'nameEn', 'channelCodes', 'indicatorCodes'] as const;

/** An activity type's form, as typed, checked and turned into the contract's input. */
const ActivityTypeValues = intoContract(
  z.object({
    ...namedEntryValues,
    channelCodes: z.array(z.string()),
    indicatorCodes: z.array(z.string()),
  }),
  catalogWrites['activity-types'].input,
);

/** A type of activity: the channels it goes through and the indicators its results count. */
export function ActivityTypeForm({
  entry,
  catalog,
  onClose,
  onSaved,
}: EntryFormProps<EntryOf['activity-types']>) {
  const t = useT();
  const [language] = useLanguage();
  const editor = useRecordForm({
    schema: ActivityTypeValues,
    defaultValues: {
      ...namedEntryDefaults(entry),
      channelCodes: entry?.channelCodes ?? [],
      indicatorCodes: entry?.indicatorCodes ?? [],
    },
    fields,
    save: (values) => saveEntry('activity-types', entry, values),
    onSaved,
  });
  const { bind } = editor;

  const channelOptions = useMemo(
    () => catalog.channels.map((channel) => ({ value: channel.code, label: entryName(channel, language) })),
    [catalog, language],
  );
  const indicatorOptions = useMemo(
    () =>
      catalog.indicators.map((indicator) => ({
        value: indicator.code,
        label: entryName(indicator, language),
      })),
    [catalog, language],
  );

  return (
    <EntryDialog kind="activity-types" entry={entry} editor={editor} onClose={onClose}>
      <div className="form__grid">
        <NameFields
          code={bind('code')}
          name={bind('name')}
          nameEn={bind('nameEn')}
          codeFixed={entry !== null}
        />
      </div>
      <MultiPicker
        label={t('catalog.channels')}
        options={channelOptions}
        {...bind('channelCodes')}
        selected={bind('channelCodes').value}
      />
      <MultiPicker
        label={t('catalog.indicators')}
        options={indicatorOptions}
        {...bind('indicatorCodes')}
        selected={bind('indicatorCodes').value}
      />
    </EntryDialog>
  );
}
