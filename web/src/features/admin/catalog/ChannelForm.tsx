import { z } from 'zod';
import { catalogWrites } from '../../../../../server/contracts/catalog';
import { useRecordForm } from '../../../components/useRecordForm';
import { useT } from '../../../i18n/context';
import { intoContract, typedText } from '../../../lib/form-values';
import { EntryDialog, NameFields } from './EntryDialog';
import { type EntryFormProps, namedEntryDefaults, namedEntryValues, saveEntry } from './entry-values';
import type { EntryOf } from './kinds';
import { distinct, SuggestedTextField } from './SuggestedTextField';

const fields = ['code', 'name', 'nameEn', 'kind'] as const;

/** A channel's form, as typed, checked and turned into the contract's input. */
const ChannelValues = intoContract(
  z.object({ ...namedEntryValues, kind: typedText }),
  catalogWrites.channels.input,
);

/** A communication channel, in its group of channels (`kind`, a code such as `online`). */
export function ChannelForm({ entry, catalog, onClose, onSaved }: EntryFormProps<EntryOf['channels']>) {
  const t = useT();
  const editor = useRecordForm({
    schema: ChannelValues,
    defaultValues: {
      ...namedEntryDefaults(entry),
      kind: entry?.kind ?? '',
    },
    fields,
    save: (values) => saveEntry('channels', entry, values),
    onSaved,
  });
  const { bind } = editor;

  return (
    <EntryDialog kind="channels" entry={entry} editor={editor} onClose={onClose}>
      <div className="form__grid">
        <NameFields
          code={bind('code')}
          name={bind('name')}
          nameEn={bind('nameEn')}
          codeFixed={entry !== null}
        />
        <SuggestedTextField
          label={t('catalog.channelKind')}
          hint={t('common.codeHint')}
          {...bind('kind')}
          suggestions={distinct(catalog.channels.map((channel) => channel.kind))}
          required
        />
      </div>
    </EntryDialog>
  );
}
