import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { UnitInput } from '../../../../server/contracts/units';
import { createUnit, listUnits, type Unit, type UnitLevel, unitLevels, updateUnit } from '../../api/units';
import { DateField, dayText, SelectField, saveRecord, TextField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { EditButton, SearchableList, searchRows, useAdminList } from '../../components/RecordList';
import { AdminPage, ValidityText } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { useT } from '../../i18n/context';
import { chosenId, intoContract, typedDay, typedText } from '../../lib/form-values';
import { byName, namesById } from '../../lib/names';
import { AsOfFilter } from './filters';

/** Province first, then districts, then communes; alphabetical within a tier. */
const byTierThenName = (a: Unit, b: Unit) => a.tier - b.tier || byName(a, b);

export function UnitsPage() {
  const t = useT();
  const [asOf, setAsOf] = useState<string | null>(null);

  const load = useCallback(
    async (signal: AbortSignal) => {
      // Every unit too: a parent may have ended before the date asked about.
      const [shown, all] = await Promise.all([
        listUnits({ asOf: asOf ?? undefined, signal }),
        listUnits({ signal }),
      ]);
      return { shown, all };
    },
    [asOf],
  );
  const list = useAdminList<{ shown: Unit[]; all: Unit[] }, { unit: Unit | null }>(
    ['admin-units', asOf],
    load,
  );
  const { data, search, editing } = list;
  const nameOf = useMemo(() => namesById(data?.all ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(
    () =>
      searchRows(
        [...(data?.shown ?? [])].sort(byTierThenName),
        search,
        (unit) => `${unit.code} ${unit.name} ${unit.shortName} ${unit.tags.join(' ')}`,
      ),
    [data, search],
  );

  return (
    <AdminPage
      title={t('admin.units')}
      notice={list.notice}
      actions={
        <button type="button" className="button" onClick={() => list.setEditing({ unit: null })}>
          {t('units.create')}
        </button>
      }
    >
      <SearchableList
        list={list}
        filters={<AsOfFilter onChange={setAsOf} />}
        failedTitle={t('units.loadFailed')}
        total={(reference) => reference.shown.length}
        label={t('units.list')}
        rows={shown}
        rowKey={(unit) => unit.id}
        columns={[
          { label: t('units.name'), cell: (unit) => unit.name },
          { label: t('common.code'), className: 'table__code', cell: (unit) => unit.code },
          { label: t('units.level'), cell: (unit) => t(`unitLevel.${unit.level}`) },
          { label: t('units.parent'), cell: (unit) => nameOf(unit.parentId) },
          {
            label: t('common.validity'),
            cell: (unit) => <ValidityText validFrom={unit.validFrom} validTo={unit.validTo} />,
          },
          { label: t('units.tags'), cell: (unit) => unit.tags.join(', ') },
        ]}
        actions={(unit) => (
          <EditButton
            label={t('units.editOne', { name: unit.name })}
            onClick={() => list.setEditing({ unit })}
          />
        )}
      />

      {data && editing ? (
        <UnitForm
          unit={editing.unit}
          units={data.all}
          onClose={list.close}
          onSaved={(saved) =>
            list.done(t(editing.unit ? 'common.savedOne' : 'common.createdOne', { name: saved.name }))
          }
        />
      ) : null}
    </AdminPage>
  );
}

const unitFields = [
  'code',
  'name',
  'shortName',
  'level',
  'parentId',
  'validFrom',
  'validTo',
  'tags',
] as const;

/** Tags are typed as a list separated by commas or spaces: `urban, coastal`. */
function readTags(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** The unit form's fields, as typed, checked and turned into the contract's input. */
const UnitValues = intoContract(
  z.object({
    code: typedText,
    name: typedText,
    shortName: typedText,
    level: z.enum(unitLevels),
    parentId: chosenId,
    validFrom: typedDay,
    validTo: typedDay,
    tags: z.string().transform(readTags),
  }),
  UnitInput,
);

function UnitForm({
  unit,
  units,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const t = useT();
  const editor = useRecordForm({
    schema: UnitValues,
    defaultValues: {
      code: unit?.code ?? '',
      name: unit?.name ?? '',
      shortName: unit?.shortName ?? '',
      level: unit?.level ?? 'commune',
      parentId: unit?.parentId ? String(unit.parentId) : '',
      validFrom: dayText(unit?.validFrom),
      validTo: dayText(unit?.validTo),
      tags: unit?.tags.join(', ') ?? '',
    },
    fields: unitFields,
    save: (values) => saveRecord(unit, values, createUnit, updateUnit),
    onSaved,
  });
  const { bind } = editor;

  return (
    <EditorDialog
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
    >
      <div className="form__grid">
        <TextField label={t('units.name')} {...bind('name')} required />
        <TextField
          label={t('common.code')}
          {...bind('code')}
          hint={t('common.codeHint')}
          spellCheck={false}
          required
        />
        <TextField label={t('units.shortName')} {...bind('shortName')} />
        <SelectField
          label={t('units.level')}
          {...bind('level')}
          onChange={(value) => bind('level').onChange(value as UnitLevel)}
          required
        >
          {unitLevels.map((option) => (
            <option key={option} value={option}>
              {t(`unitLevel.${option}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('units.parent')} {...bind('parentId')}>
          <option value="">{t('common.none')}</option>
          {units
            .filter((other) => other.id !== unit?.id)
            .sort(byTierThenName)
            .map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
                {other.validTo ? ` (${t('validity.untilShort', { date: dayText(other.validTo) })})` : ''}
              </option>
            ))}
        </SelectField>
        <TextField label={t('units.tags')} {...bind('tags')} hint={t('units.tagsHint')} spellCheck={false} />
        <DateField label={t('common.validFrom')} {...bind('validFrom')} />
        <DateField label={t('common.validTo')} {...bind('validTo')} />
      </div>
    </EditorDialog>
  );
}
