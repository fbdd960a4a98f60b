// What every catalogue entry's form shares: its dialog and title, and the code and names
// each kind of entry has, before the kind's own fields.
import type { FormEvent, ReactNode, RefObject } from 'react';
import type { CatalogKind } from '../../../api/catalog';
import { TextField } from '../../../components/form';
import { EditorDialog } from '../../../components/RecordEditor';
import { useLanguage, useT } from '../../../i18n/context';
import { tabLabels } from './kinds';

/** What an entry's form gives a field: its value, its change handler and its error. */
export type Bound<Value> = {
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
};

/** The parts of a record form (useRecordForm) that its dialog uses. */
type DialogEditor = {
  form: RefObject<HTMLFormElement | null>;
  busy: boolean;
  general: string[];
  submit: (event: FormEvent<HTMLFormElement>) => void;
};

/** A kind's entry in its form's dialog, titled for the entry or for a new one of its kind. */
export function EntryDialog({
  kind,
  entry,
  editor,
  onClose,
  children,
}: {
  kind: CatalogKind;
  entry: { name: string } | null;
  editor: DialogEditor;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const [language] = useLanguage();
  const title = entry
    ? t('catalog.editTitle', { name: entry.name })
    : t('catalog.createTitle', { kind: t(tabLabels[kind]).toLocaleLowerCase(language) });
  return (
    <EditorDialog title={title} editor={editor} onSubmit={editor.submit} onClose={onClose}>
      {children}
    </EditorDialog>
  );
}

/**
 * The code, the name and the English name, the first fields of every kind's grid. The code of
 * an entry that exists is shown but cannot be changed: activities and reports refer to it.
 */
export function NameFields({
  code,
  name,
  nameEn,
  codeFixed,
}: {
  code: Bound<string>;
  name: Bound<string>;
  nameEn: Bound<string>;
  codeFixed: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('common.code')}
        {...code}
        hint={codeFixed ? t('catalog.codeFixed') : t('common.codeHint')}
        readOnly={codeFixed}
        spellCheck={false}
        required
      />
      <TextField label={t('catalog.name')} {...name} required />
      <TextField label={t('common.nameEn')} {...nameEn} lang="en" />
    </>
  );
}
