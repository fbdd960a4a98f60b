import { useCallback, useMemo, useState } from 'react';
import {
  type Agency,
  type AgencyKind,
  agencyKinds,
  createAgency,
  listAgencies,
  updateAgency,
} from '../../api/agencies';
import { listUnits, type Unit } from '../../api/units';
import {
  DateField,
  dayText,
  MultiPicker,
  readDays,
  SelectField,
  saveRecord,
  TextField,
} from '../../components/form';
import { EditorDialog, useEditor } from '../../components/RecordEditor';
import { EditButton, SearchableList, searchRows, useAdminList } from '../../components/RecordList';
import { AdminPage, ValidityText } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { agencyName, byName, namesById } from '../../lib/names';
import { AsOfFilter } from './filters';

type Reference = { shown: Agency[]; all: Agency[]; units: Unit[] };

export function AgenciesPage() {
  const t = useT();
  const [language] = useLanguage();
  const [asOf, setAsOf] = useState<string | null>(null);

  const load = useCallback(
    async (signal: AbortSignal): Promise<Reference> => {
      // Every agency too, not only those in force on the date: successors are named from them.
      const [shown, all, units] = await Promise.all([
        listAgencies({ asOf: asOf ?? undefined, signal }),
        listAgencies({ signal }),
        listUnits({ signal }),
      ]);
      return { shown, all, units };
    },
    [asOf],
  );
  const list = useAdminList<Reference, { agency: Agency | null }>(['admin-agencies', asOf], load);
  const { data, search, editing } = list;

  const nameOf = useMemo(
    () => namesById(data?.all ?? [], (agency) => agencyName(agency, language)),
    [data, language],
  );
  const unitOf = useMemo(() => namesById(data?.units ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(
    () =>
      searchRows(
        [...(data?.shown ?? [])].sort(byName),
        search,
        (agency) => `${agency.code} ${agency.name} ${agency.shortName} ${agency.nameEn}`,
      ),
    [data, search],
  );

  return (
    <AdminPage
      title={t('admin.agencies')}
      notice={list.notice}
      actions={
        <button type="button" className="button" onClick={() => list.setEditing({ agency: null })}>
          {t('agencies.create')}
        </button>
      }
    >
      <SearchableList
        list={list}
        filters={<AsOfFilter onChange={setAsOf} />}
        failedTitle={t('agencies.loadFailed')}
        total={(reference) => reference.shown.length}
        label={t('agencies.list')}
        rows={shown}
        rowKey={(agency) => agency.id}
        columns={[
          {
            label: t('agencies.name'),
            cell: (agency) => (
              <>
                {agencyName(agency, language)}
                {agency.shortName ? <span className="table__sub">{agency.shortName}</span> : null}
              </>
            ),
          },
          { label: t('common.code'), className: 'table__code', cell: (agency) => agency.code },
          { label: t('agencies.kind'), cell: (agency) => t(`agencyKind.${agency.kind}`) },
          { label: t('agencies.unit'), cell: (agency) => unitOf(agency.unitId) },
          {
            label: t('common.validity'),
            cell: (agency) => <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />,
          },
          {
            label: t('agencies.successors'),
            cell: (agency) => agency.successorIds.map(nameOf).join(', '),
          },
        ]}
        actions={(agency) => (
          <EditButton
            label={t('agencies.editOne', { name: agency.name })}
            onClick={() => list.setEditing({ agency })}
          />
        )}
      />

      {data && editing ? (
        <AgencyForm
          agency={editing.agency}
          agencies={data.all}
          units={data.units}
          onClose={list.close}
          onSaved={(saved) =>
            list.done(t(editing.agency ? 'common.savedOne' : 'common.createdOne', { name: saved.name }))
          }
        />
      ) : null}
    </AdminPage>
  );
}

const agencyFields = [
  'code',
  'name',
  'shortName',
  'nameEn',
  'kind',
  'unitId',
  'validFrom',
  'validTo',
  'successorIds',
] as const;

function AgencyForm({
  agency,
  agencies,
  units,
  onClose,
  onSaved,
}: {
  agency: Agency | null;
  agencies: Agency[];
  units: Unit[];
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const [code, setCode] = useState(agency?.code ?? '');
  const [name, setName] = useState(agency?.name ?? '');
  const [shortName, setShortName] = useState(agency?.shortName ?? '');
  const [nameEn, setNameEn] = useState(agency?.nameEn ?? '');
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'department');
  const [unitId, setUnitId] = useState(agency?.unitId ? String(agency.unitId) : '');
  const [validFrom, setValidFrom] = useState(dayText(agency?.validFrom));
  const [validTo, setValidTo] = useState(dayText(agency?.validTo));
  const [successorIds, setSuccessorIds] = useState<number[]>(agency?.successorIds ?? []);
  const editor = useEditor(agencyFields);
  const { errors } = editor;

  const successorOptions = useMemo(
    () =>
      agencies
        .filter((other) => other.id !== agency?.id)
        .sort(byName)
        .map((other) => ({ value: other.id, label: agencyName(other, language), detail: other.code })),
    [agencies, agency, language],
  );

  const submit = editor.submit(() => {
    const days = readDays({ validFrom, validTo }, t);
    if (!days.ok) return days.errors;
    const values = {
      code: code.trim(),
      name: name.trim(),
      shortName: shortName.trim(),
      nameEn: nameEn.trim(),
      kind,
      unitId: unitId ? Number(unitId) : null,
      validFrom: days.values.validFrom,
      validTo: days.values.validTo,
      successorIds,
    };
    return async () => onSaved(await saveRecord(agency, values, createAgency, updateAgency));
  });

  return (
    <EditorDialog
      title={agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.createTitle')}
      editor={editor}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form__grid">
        <TextField label={t('agencies.name')} value={name} onChange={setName} error={errors.name} required />
        <TextField
          label={t('common.code')}
          value={code}
          onChange={setCode}
          error={errors.code}
          hint={t('common.codeHint')}
          spellCheck={false}
          required
        />
        <TextField
          label={t('agencies.shortName')}
          value={shortName}
          onChange={setShortName}
          error={errors.shortName}
        />
        <TextField
          label={t('common.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          error={errors.nameEn}
          lang="en"
        />
        <SelectField
          label={t('agencies.kind')}
          value={kind}
          onChange={(value) => setKind(value as AgencyKind)}
          error={errors.kind}
          required
        >
          {agencyKinds.map((option) => (
            <option key={option} value={option}>
              {t(`agencyKind.${option}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('agencies.unit')} value={unitId} onChange={setUnitId} error={errors.unitId}>
          <option value="">{t('common.none')}</option>
          {[...units]
            .sort((a, b) => a.tier - b.tier || byName(a, b))
            .map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
                {unit.validTo ? ` (${t('validity.untilShort', { date: dayText(unit.validTo) })})` : ''}
              </option>
            ))}
        </SelectField>
        <DateField
          label={t('common.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          error={errors.validFrom}
        />
        <DateField label={t('common.validTo')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      </div>
      <MultiPicker
        label={t('agencies.successors')}
        hint={t('agencies.successorsHint')}
        options={successorOptions}
        selected={successorIds}
        onChange={setSuccessorIds}
        error={errors.successorIds}
      />
    </EditorDialog>
  );
}
