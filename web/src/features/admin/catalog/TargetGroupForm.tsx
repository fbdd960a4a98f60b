import { z } from 'zod';
import { catalogWrites } from '../../../../../server/contracts/catalog';
import { useRecordForm } from '../../../components/useRecordForm';
import { intoContract } from '../../../lib/form-values';
import { EntryDialog, NameFields } from './EntryDialog';
import { type EntryFormProps, namedEntryDefaults, namedEntryValues, saveEntry } from './entry-values';
import type { EntryOf } from './kinds';

const fields = ['code', 'name', 'nameEn'] as const;

/** A target group's form, as typed, checked and turned into the contract's input. */
const TargetGroupValues = intoContract(z.object(namedEntryValues), catalogWrites['target-groups'].input);

/** A group of people that activities are for: its code and names only. */
export function TargetGroupForm({
  entry,
  onClose,
  onSaved,
}: Omit<EntryFormProps<EntryOf['target-groups']>, 'catalog'>) {
  const editor = useRecordForm({
    schema: TargetGroupValues,
    defaultValues: namedEntryDefaults(entry),
    fields,
    save: (values) => saveEntry('target-groups', entry, values),
    onSaved,
  });
  const { bind } = editor;

  return (
    <EntryDialog kind="target-groups" entry={entry} editor={editor} onClose={onClose}>
      <div className="form__grid">
        <NameFields
          code={bind('code')}
          name={bind('name')}
          nameEn={bind('nameEn')}
          codeFixed={entry !== null}
        />
      </div>
    </EntryDialog>
  );
}
