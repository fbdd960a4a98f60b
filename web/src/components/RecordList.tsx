// The skeleton of a list screen (the Admin screens, the personal tokens): its data loaded,
// a search box, a table that becomes one card a row on a phone, and the editor it opens.
// Each screen keeps its own columns, filters and forms.

import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import { useT } from '../i18n/context';
import { type Loaded, useLoad } from '../lib/useLoad';
import { normaliseSearch, TextField } from './form';
import { LoadState } from './records';
import { TableRegion } from './Table';

/**
 * What a list screen holds: its data (`load` must be stable, see useLoad), what is typed in
 * its search box, the editor or question open (`editing`), and what the last change did.
 */
export function useAdminList<Data, Editing>(key: QueryKey, load: (signal: AbortSignal) => Promise<Data>) {
  const loaded = useLoad(key, load);
  const { reload } = loaded;
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = useCallback(() => setEditing(null), []);
  /** After a change: close the editor, say what was done (null: nothing), and load the list again. */
  const done = useCallback(
    (message: string | null) => {
      setEditing(null);
      setNotice(message);
      reload();
    },
    [reload],
  );
  return { ...loaded, search, setSearch, editing, setEditing, close, notice, setNotice, done };
}

/** The rows whose text holds what was typed (without case or diacritics); all of them for an empty search. */
export function searchRows<Row>(rows: Row[], search: string, text: (row: Row) => string): Row[] {
  const needle = normaliseSearch(search);
  return needle ? rows.filter((row) => normaliseSearch(text(row)).includes(needle)) : rows;
}

/** A column of a list: its heading, which also labels its cells on a phone, and what a row shows in it. */
export type Column<Row> = { label: string; cell: (row: Row) => ReactNode; className?: string };

type RecordTableProps<Row> = {
  /** The scrolling region's name. */
  label: string;
  caption?: ReactNode;
  columns: [Column<Row>, ...Column<Row>[]];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowClassName?: (row: Row) => string | undefined;
  actions?: (row: Row) => ReactNode;
  /** Said instead of the rows when there are none. */
  empty: string;
};

/**
 * A list as a table, one card a row on a phone (`.table--stack`): the first column names the
 * row (its header cell), the others are cells labelled by their heading, and `actions` (if any)
 * are the buttons at the end of each row.
 */
export function RecordTable<Row>({
  label,
  caption,
  columns: [first, ...others],
  rows,
  rowKey,
  rowClassName,
  actions,
  empty,
}: RecordTableProps<Row>) {
  const t = useT();
  return (
    <TableRegion label={label}>
      <table className="table table--stack">
        {caption === undefined ? null : <caption className="table__caption">{caption}</caption>}
        <thead>
          <tr>
            {[first, ...others].map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
            {actions ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              <th scope="row">{first.cell(row)}</th>
              {others.map((column) => (
                <td key={column.label} data-label={column.label} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
              {actions ? <td className="table__actions">{actions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="table__empty">{empty}</p> : null}
    </TableRegion>
  );
}

/**
 * A list with a search box: the box and the screen's own `filters`, then what `list` loaded
 * (its failure, a spinner, or the table of the `rows` that match, counted against `total`).
 */
export function SearchableList<Data, Row>({
  list,
  filters,
  failedTitle,
  total,
  ...table
}: {
  list: Loaded<Data> & { search: string; setSearch: (text: string) => void };
  filters?: ReactNode;
  failedTitle: string;
  /** How many rows there are before the search. */
  total: (data: Data) => number;
} & Omit<RecordTableProps<Row>, 'caption' | 'empty'>) {
  const t = useT();
  return (
    <>
      <div className="filters">
        <TextField label={t('common.search')} type="search" value={list.search} onChange={list.setSearch} />
        {filters}
      </div>
      <LoadState loaded={list} failedTitle={failedTitle}>
        {(data) => (
          <RecordTable
            {...table}
            caption={t('common.count', { shown: table.rows.length, total: total(data) })}
            empty={t('common.noMatch')}
          />
        )}
      </LoadState>
    </>
  );
}

/** A row's edit button, named for its record (`Sửa cơ quan Công an thành phố Huế`). */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return (
    <RowButton label={label} onClick={onClick}>
      {t('common.edit')}
    </RowButton>
  );
}

/** A small button in a row, named for the record it acts on (`Sửa người dùng Nguyễn Thị Lan`). */
export function RowButton({
  label,
  onClick,
  danger = false,
  children,
}: {
  label: string;
  onClick: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button--small button--danger' : 'button button--small button--secondary'}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
