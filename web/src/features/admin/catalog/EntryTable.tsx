import { useMemo } from 'react';
import type { Catalog, CatalogKind } from '../../../api/catalog';
import { EditButton, RowButton } from '../../../components/RecordList';
import { TableRegion } from '../../../components/Table';
import { type Language, useLanguage, useT } from '../../../i18n/context';
import { entryName } from '../../../lib/names';
import { type Column, columnsOf } from './columns';
import { type Editing, tabLabels } from './kinds';

/** The entries of the kind of the selected tab, each with its edit button. */
export function CatalogTable({
  kind,
  catalog,
  onEdit,
  onThemes,
}: {
  kind: CatalogKind;
  catalog: Catalog;
  onEdit: (editing: Editing) => void;
  onThemes: (code: string) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const columns = useMemo(() => columnsOf(catalog, t, language), [catalog, t, language]);
  switch (kind) {
    case 'activity-types':
      return (
        <EntryTable
          kind={kind}
          entries={catalog.activityTypes}
          columns={columns[kind]}
          onEdit={(entry) => onEdit({ kind, entry })}
        />
      );
    case 'channels':
      return (
        <EntryTable
          kind={kind}
          entries={catalog.channels}
          columns={columns[kind]}
          onEdit={(entry) => onEdit({ kind, entry })}
        />
      );
    case 'target-groups':
      return (
        <EntryTable
          kind={kind}
          entries={catalog.targetGroups}
          columns={columns[kind]}
          onEdit={(entry) => onEdit({ kind, entry })}
        />
      );
    case 'indicators':
      return (
        <EntryTable
          kind={kind}
          entries={catalog.indicators}
          columns={columns[kind]}
          onEdit={(entry) => onEdit({ kind, entry })}
        />
      );
    case 'observances':
      return (
        <EntryTable
          kind={kind}
          entries={catalog.observances}
          columns={columns[kind]}
          onEdit={(entry) => onEdit({ kind, entry })}
          onThemes={(entry) => onThemes(entry.code)}
          englishName={false}
        />
      );
  }
}

type NamedEntry = { code: string; name: string; nameEn: string };

/**
 * One kind's entries: name, code, the kind's own columns and the actions (an observance's
 * also open its yearly themes). `englishName`: the English name under the Vietnamese one,
 * for a Vietnamese reader; observances leave it out, their long names fill the cell already.
 */
function EntryTable<Entry extends NamedEntry>({
  kind,
  entries,
  columns,
  onEdit,
  onThemes,
  englishName = true,
}: {
  kind: CatalogKind;
  entries: readonly Entry[];
  columns: ReadonlyArray<Column<Entry>>;
  onEdit: (entry: Entry) => void;
  onThemes?: (entry: Entry) => void;
  englishName?: boolean;
}) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <TableRegion label={t(tabLabels[kind])}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('catalog.name')}</th>
            <th scope="col">{t('common.code')}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {t(column.label)}
              </th>
            ))}
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.code}>
              <th scope="row">
                <EntryName entry={entry} language={language} withEnglish={englishName} />
              </th>
              <td className="table__code">{entry.code}</td>
              {columns.map((column) => (
                <td key={column.label}>{column.cell(entry)}</td>
              ))}
              <td>
                <EntryActions entry={entry} onEdit={onEdit} onThemes={onThemes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The name in the reader's language, and under it, for a Vietnamese reader, the English one. */
function EntryName({
  entry,
  language,
  withEnglish,
}: {
  entry: NamedEntry;
  language: Language;
  withEnglish: boolean;
}) {
  return (
    <>
      {entryName(entry, language)}
      {withEnglish && language === 'vi' && entry.nameEn ? (
        <span className="table__sub" lang="en">
          {entry.nameEn}
        </span>
      ) : null}
    </>
  );
}

function EntryActions<Entry extends NamedEntry>({
  entry,
  onEdit,
  onThemes,
}: {
  entry: Entry;
  onEdit: (entry: Entry) => void;
  onThemes: ((entry: Entry) => void) | undefined;
}) {
  const t = useT();
  const edit = (
    <EditButton label={t('catalog.editOne', { name: entry.name })} onClick={() => onEdit(entry)} />
  );
  if (!onThemes) return edit;
  return (
    <div className="row-actions">
      {edit}
      <RowButton label={t('catalog.themesOf', { name: entry.name })} onClick={() => onThemes(entry)}>
        {t('catalog.themes')}
      </RowButton>
    </div>
  );
}
