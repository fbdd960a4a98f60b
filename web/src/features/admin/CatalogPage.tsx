import { useCallback, useState } from 'react';
import {
  type Catalog,
  type CatalogKind,
  createCatalogEntry,
  getCatalog,
  type ObservanceEntry,
  type ObservanceThemeEntry,
  updateCatalogEntry,
} from '../../api/catalog';
import { MultiPicker, type PickerOption, SelectField, TextField } from '../../components/form';
import { EditorDialog, useEditor } from '../../components/RecordEditor';
import { EditButton, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, LoadState } from '../../components/records';
import { TableRegion } from '../../components/Table';
import { Tabs } from '../../components/Tabs';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/vi';
import { entryName } from '../../lib/names';
import { ThemesDialog } from './catalog/ThemesDialog';

/** The catalogue's lists by the kind named in the API path. */
const listKeys = {
  'activity-types': 'activityTypes',
  channels: 'channels',
  'target-groups': 'targetGroups',
  indicators: 'indicators',
  observances: 'observances',
} as const satisfies Record<CatalogKind, keyof Catalog>;

const kinds = Object.keys(listKeys) as CatalogKind[];

type Entry = { code: string; name: string; nameEn: string } & Record<string, unknown>;

/** A form field of one kind of entry, held as text (or a list of codes) while edited. */
type FieldSpec = {
  name: string;
  label: MessageKey;
  required?: boolean;
  hint?: MessageKey;
} & (
  | { type: 'text'; suggestions?: (catalog: Catalog) => string[] }
  | { type: 'number'; min: number; max: number }
  | {
      type: 'select';
      options: (catalog: Catalog, t: Translate, language: Language) => PickerOption[];
      none?: boolean;
    }
  | { type: 'codes'; options: (catalog: Catalog, language: Language) => PickerOption[] }
);

const names: FieldSpec[] = [
  { name: 'name', label: 'catalog.name', type: 'text', required: true },
  { name: 'nameEn', label: 'common.nameEn', type: 'text' },
];

const distinct = (values: string[]) => [...new Set(values)].sort();

const fieldsOf: Record<CatalogKind, FieldSpec[]> = {
  'activity-types': [
    ...names,
    {
      name: 'channelCodes',
      label: 'catalog.channels',
      type: 'codes',
      options: (catalog, language) =>
        catalog.channels.map((channel) => ({ value: channel.code, label: entryName(channel, language) })),
    },
    {
      name: 'indicatorCodes',
      label: 'catalog.indicators',
      type: 'codes',
      options: (catalog, language) =>
        catalog.indicators.map((indicator) => ({
          value: indicator.code,
          label: entryName(indicator, language),
        })),
    },
  ],
  channels: [
    ...names,
    {
      name: 'kind',
      label: 'catalog.channelKind',
      type: 'text',
      required: true,
      hint: 'common.codeHint',
      suggestions: (catalog) => distinct(catalog.channels.map((channel) => channel.kind)),
    },
  ],
  'target-groups': names,
  indicators: [
    ...names,
    {
      name: 'unit',
      label: 'catalog.unit',
      type: 'text',
      required: true,
      hint: 'catalog.unitHint',
      suggestions: (catalog) => distinct(catalog.indicators.map((indicator) => indicator.unit)),
    },
    {
      name: 'aggregation',
      label: 'catalog.aggregation',
      type: 'select',
      required: true,
      hint: 'catalog.aggregationHint',
      options: (_catalog, t) => [
        { value: 'sum', label: t('aggregation.sum') },
        { value: 'max', label: t('aggregation.max') },
      ],
    },
    {
      name: 'parentCode',
      label: 'catalog.parent',
      type: 'select',
      none: true,
      options: (catalog, _t, language) =>
        catalog.indicators.map((indicator) => ({
          value: indicator.code,
          label: entryName(indicator, language),
        })),
    },
  ],
  observances: [
    ...names,
    { name: 'day', label: 'catalog.day', type: 'number', min: 1, max: 31, required: true },
    { name: 'month', label: 'catalog.month', type: 'number', min: 1, max: 12, required: true },
    { name: 'endDay', label: 'catalog.endDay', type: 'number', min: 1, max: 31, hint: 'catalog.endHint' },
    { name: 'endMonth', label: 'catalog.endMonth', type: 'number', min: 1, max: 12 },
  ],
};

const tabLabels: Record<CatalogKind, MessageKey> = {
  'activity-types': 'catalog.activityTypes',
  channels: 'catalog.channels',
  'target-groups': 'catalog.targetGroups',
  indicators: 'catalog.indicators',
  observances: 'catalog.observances',
};

export function CatalogPage() {
  const t = useT();
  const [kind, setKind] = useState<CatalogKind>('activity-types');
  const [themesOf, setThemesOf] = useState<string | null>(null);
  const load = useCallback((signal: AbortSignal) => getCatalog(signal), []);
  const list = useAdminList<Catalog, { kind: CatalogKind; entry: Entry | null }>(['admin-catalog'], load);
  const { data, editing } = list;

  const observance = themesOf ? data?.observances.find((entry) => entry.code === themesOf) : undefined;

  return (
    <AdminPage title={t('admin.catalog')} notice={list.notice}>
      <LoadState loaded={list} failedTitle={t('catalog.loadFailed')}>
        {(catalog) => (
          <Tabs
            label={t('admin.catalog')}
            tabs={kinds.map((id) => ({ id, label: t(tabLabels[id]) }))}
            selected={kind}
            onSelect={setKind}
          >
            <div className="page__head page__head--sub">
              <p className="table__caption">
                {t('catalog.count', { count: catalog[listKeys[kind]].length })}
              </p>
              <button type="button" className="button" onClick={() => list.setEditing({ kind, entry: null })}>
                {t('catalog.create')}
              </button>
            </div>
            <EntryTable
              kind={kind}
              catalog={catalog}
              onEdit={(entry) => list.setEditing({ kind, entry })}
              onThemes={(code) => setThemesOf(code)}
            />
          </Tabs>
        )}
      </LoadState>

      {data && editing ? (
        <EntryForm
          kind={editing.kind}
          entry={editing.entry}
          catalog={data}
          onClose={list.close}
          onSaved={(name) => list.done(t(editing.entry ? 'common.savedOne' : 'common.createdOne', { name }))}
        />
      ) : null}
      {observance ? (
        <ThemesDialog
          observance={observance}
          onClose={() => setThemesOf(null)}
          onSaved={(year) => {
            list.setNotice(t('catalog.themeSaved', { year, name: observance.name }));
            list.reload();
          }}
        />
      ) : null}
    </AdminPage>
  );
}

/** `30/7`, or `1/7 – 30/9` for an observance that lasts. */
function observanceDays(entry: ObservanceEntry): string {
  const start = `${entry.day}/${entry.month}`;
  const end = `${entry.endDay}/${entry.endMonth}`;
  return start === end ? start : `${start} – ${end}`;
}

function latestTheme(entry: ObservanceEntry): ObservanceThemeEntry | undefined {
  return [...entry.themes].sort((a, b) => b.year - a.year)[0];
}

function EntryTable({
  kind,
  catalog,
  onEdit,
  onThemes,
}: {
  kind: CatalogKind;
  catalog: Catalog;
  onEdit: (entry: Entry) => void;
  onThemes: (code: string) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const nameOf = (list: Array<{ code: string; name: string; nameEn: string }>) => {
    const map = new Map(list.map((entry) => [entry.code, entryName(entry, language)]));
    return (code: string | null) => (code === null ? '' : (map.get(code) ?? code));
  };
  const channel = nameOf(catalog.channels);
  const indicator = nameOf(catalog.indicators);

  // Each kind's own columns after name and code.
  const columns: Record<CatalogKind, Array<{ label: MessageKey; cell: (entry: Entry) => string }>> = {
    'activity-types': [
      { label: 'catalog.channels', cell: (e) => codes(e.channelCodes).map(channel).join(', ') },
      { label: 'catalog.indicators', cell: (e) => codes(e.indicatorCodes).map(indicator).join(', ') },
    ],
    channels: [{ label: 'catalog.channelKind', cell: (e) => String(e.kind) }],
    'target-groups': [],
    indicators: [
      { label: 'catalog.unit', cell: (e) => String(e.unit) },
      {
        label: 'catalog.aggregation',
        cell: (e) => t(e.aggregation === 'max' ? 'aggregation.max' : 'aggregation.sum'),
      },
      {
        label: 'catalog.parent',
        cell: (e) => indicator(typeof e.parentCode === 'string' ? e.parentCode : null),
      },
    ],
    observances: [],
  };
  const entries: Entry[] = catalog[listKeys[kind]];

  return (
    <TableRegion label={t(tabLabels[kind])}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('catalog.name')}</th>
            <th scope="col">{t('common.code')}</th>
            {kind === 'observances' ? (
              <>
                <th scope="col">{t('catalog.days')}</th>
                <th scope="col">{t('catalog.latestTheme')}</th>
              </>
            ) : null}
            {columns[kind].map((column) => (
              <th key={column.label} scope="col">
                {t(column.label)}
              </th>
            ))}
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {kind === 'observances'
            ? catalog.observances.map((entry) => {
                const theme = latestTheme(entry);
                return (
                  <tr key={entry.code}>
                    <th scope="row">{entryName(entry, language)}</th>
                    <td className="table__code">{entry.code}</td>
                    <td>{observanceDays(entry)}</td>
                    <td>
                      {theme ? (
                        <>
                          <span className="table__sub table__sub--lead">{theme.year}</span>
                          {language === 'en' && theme.themeEn ? theme.themeEn : theme.theme}
                        </>
                      ) : null}
                    </td>
                    <td>
                      <div className="row-actions">
                        <EditButton
                          label={t('catalog.editOne', { name: entry.name })}
                          onClick={() => onEdit(entry)}
                        />
                        <RowButton
                          label={t('catalog.themesOf', { name: entry.name })}
                          onClick={() => onThemes(entry.code)}
                        >
                          {t('catalog.themes')}
                        </RowButton>
                      </div>
                    </td>
                  </tr>
                );
              })
            : entries.map((entry) => (
                <tr key={entry.code}>
                  <th scope="row">
                    {entryName(entry, language)}
                    {language === 'vi' && entry.nameEn ? (
                      <span className="table__sub" lang="en">
                        {entry.nameEn}
                      </span>
                    ) : null}
                  </th>
                  <td className="table__code">{entry.code}</td>
                  {columns[kind].map((column) => (
                    <td key={column.label}>{column.cell(entry)}</td>
                  ))}
                  <td>
                    <EditButton
                      label={t('catalog.editOne', { name: entry.name })}
                      onClick={() => onEdit(entry)}
                    />
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function codes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
}

type FormValue = string | string[];

/** An entry's fields as the form holds them. */
function formValues(fields: FieldSpec[], entry: Entry | null): Record<string, FormValue> {
  const values: Record<string, FormValue> = { code: entry?.code ?? '' };
  for (const field of fields) {
    const value = entry?.[field.name];
    values[field.name] =
      field.type === 'codes' ? codes(value) : value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** The form's values as the API takes them; an empty optional field is left out (or null for "none"). */
function requestBody(fields: FieldSpec[], values: Record<string, FormValue>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (Array.isArray(value)) body[field.name] = value;
    else if (field.type === 'number') {
      if (value.trim() !== '') body[field.name] = Number(value);
    } else if (field.type === 'select' && field.none && value === '') body[field.name] = null;
    else if (value.trim() !== '' || field.required || field.name === 'nameEn')
      body[field.name] = value.trim();
  }
  return body;
}

function EntryForm({
  kind,
  entry,
  catalog,
  onClose,
  onSaved,
}: {
  kind: CatalogKind;
  entry: Entry | null;
  catalog: Catalog;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const fields = fieldsOf[kind];
  const [values, setValues] = useState(() => formValues(fields, entry));
  const editor = useEditor(['code', ...fields.map((field) => field.name)]);
  const { errors } = editor;
  const set = (name: string) => (value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };

  const submit = editor.submit(() => {
    const body = requestBody(fields, values);
    return async () => {
      // The server names any field that does not fit its contract; the form shows it there.
      if (entry) await updateCatalogEntry(kind, entry.code, body);
      else await createCatalogEntry(kind, { ...body, code: text('code').trim() });
      onSaved(String(body.name ?? entry?.name ?? ''));
    };
  });

  const title = entry
    ? t('catalog.editTitle', { name: entry.name })
    : t('catalog.createTitle', { kind: t(tabLabels[kind]).toLocaleLowerCase(language) });

  return (
    <EditorDialog title={title} editor={editor} onSubmit={submit} onClose={onClose}>
      <div className="form__grid">
        <TextField
          label={t('common.code')}
          value={text('code')}
          onChange={set('code')}
          error={errors.code}
          hint={entry ? t('catalog.codeFixed') : t('common.codeHint')}
          readOnly={entry !== null}
          spellCheck={false}
          required
        />
        {fields
          .filter((field) => field.type !== 'codes')
          .map((field) => {
            const common = {
              label: t(field.label),
              value: text(field.name),
              onChange: set(field.name),
              error: errors[field.name],
              hint: field.hint ? t(field.hint) : undefined,
              required: field.required ?? false,
            };
            if (field.type === 'select') {
              return (
                <SelectField key={field.name} {...common}>
                  {field.none ? <option value="">{t('common.none')}</option> : null}
                  {field.options(catalog, t, language).map((option) => (
                    <option key={String(option.value)} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </SelectField>
              );
            }
            if (field.type === 'number') {
              return (
                <TextField
                  key={field.name}
                  {...common}
                  type="number"
                  min={field.min}
                  max={field.max}
                  inputMode="numeric"
                />
              );
            }
            const listId = `catalog-${kind}-${field.name}`;
            const suggestions = field.type === 'text' ? (field.suggestions?.(catalog) ?? []) : [];
            return (
              <div key={field.name}>
                <TextField
                  {...common}
                  list={suggestions.length > 0 ? listId : undefined}
                  lang={field.name === 'nameEn' ? 'en' : undefined}
                />
                {suggestions.length > 0 ? (
                  <datalist id={listId}>
                    {suggestions.map((suggestion) => (
                      <option key={suggestion} value={suggestion} />
                    ))}
                  </datalist>
                ) : null}
              </div>
            );
          })}
      </div>
      {fields.map((field) =>
        field.type === 'codes' ? (
          <MultiPicker
            key={field.name}
            label={t(field.label)}
            options={field
              .options(catalog, language)
              .map((option) => ({ ...option, value: String(option.value) }))}
            selected={codes(values[field.name])}
            onChange={set(field.name)}
            error={errors[field.name]}
          />
        ) : null,
      )}
    </EditorDialog>
  );
}
