import { type FormEvent, useCallback, useMemo, useState } from 'react';
import {
  type Agency,
  type AgencyKind,
  type AgencyPatch,
  agencyKinds,
  createAgency,
  listAgencies,
  updateAgency,
} from '../../api/agencies';
import { listUnits, type Unit } from '../../api/units';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  DateField,
  dayText,
  type FieldErrors,
  FormErrors,
  MultiPicker,
  normaliseSearch,
  readDays,
  SelectField,
  splitErrors,
  TextField,
  useFocusOnInvalid,
} from '../../components/form';
import { TableRegion } from '../../components/Table';
import { useLoad } from '../../components/useLoad';
import { useLanguage, useT } from '../../i18n/context';
import { AdminPage, FormActions, Loading, ValidityText } from './common';
import { AsOfFilter } from './filters';
import { agencyName, byName, namesById } from './names';

type Reference = { shown: Agency[]; all: Agency[]; units: Unit[] };

export function AgenciesPage() {
  const t = useT();
  const [language] = useLanguage();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ agency: Agency | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
  const { data, error, loading, reload } = useLoad(load);

  const nameOf = useMemo(
    () => namesById(data?.all ?? [], (agency) => agencyName(agency, language)),
    [data, language],
  );
  const unitOf = useMemo(() => namesById(data?.units ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(() => {
    const needle = normaliseSearch(search);
    const rows = [...(data?.shown ?? [])].sort(byName);
    if (!needle) return rows;
    return rows.filter((agency) =>
      normaliseSearch(`${agency.code} ${agency.name} ${agency.shortName} ${agency.nameEn}`).includes(needle),
    );
  }, [data, search]);

  return (
    <AdminPage
      title={t('admin.agencies')}
      notice={notice}
      actions={
        <button type="button" className="button" onClick={() => setEditing({ agency: null })}>
          {t('agencies.create')}
        </button>
      }
    >
      <div className="filters">
        <TextField label={t('common.search')} type="search" value={search} onChange={setSearch} />
        <AsOfFilter onChange={setAsOf} />
      </div>

      {error ? <ErrorAlert title={t('agencies.loadFailed')} error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}

      {data ? (
        <TableRegion label={t('agencies.list')}>
          <table className="table table--stack">
            <caption className="table__caption">
              {t('common.count', { shown: shown.length, total: data.shown.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('agencies.kind')}</th>
                <th scope="col">{t('agencies.unit')}</th>
                <th scope="col">{t('common.validity')}</th>
                <th scope="col">{t('agencies.successors')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((agency) => (
                <tr key={agency.id}>
                  <th scope="row">
                    {agencyName(agency, language)}
                    {agency.shortName ? <span className="table__sub">{agency.shortName}</span> : null}
                  </th>
                  <td data-label={t('common.code')} className="table__code">
                    {agency.code}
                  </td>
                  <td data-label={t('agencies.kind')}>{t(`agencyKind.${agency.kind}`)}</td>
                  <td data-label={t('agencies.unit')}>{unitOf(agency.unitId)}</td>
                  <td data-label={t('common.validity')}>
                    <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />
                  </td>
                  <td data-label={t('agencies.successors')}>{agency.successorIds.map(nameOf).join(', ')}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t('agencies.editOne', { name: agency.name })}
                      onClick={() => setEditing({ agency })}
                    >
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="table__empty">{t('common.noMatch')}</p> : null}
        </TableRegion>
      ) : null}

      {data && editing ? (
        <AgencyForm
          agency={editing.agency}
          agencies={data.all}
          units={data.units}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t(editing.agency ? 'common.savedOne' : 'common.createdOne', { name: saved.name }));
            reload();
          }}
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { byField, general } = splitErrors(error, agencyFields, t);
  const errors = { ...byField, ...ownErrors };

  const successorOptions = useMemo(
    () =>
      agencies
        .filter((other) => other.id !== agency?.id)
        .sort(byName)
        .map((other) => ({ value: other.id, label: agencyName(other, language), detail: other.code })),
    [agencies, agency, language],
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const days = readDays({ validFrom, validTo }, t);
    setOwnErrors(days.ok ? {} : days.errors);
    if (!days.ok) {
      refused();
      return;
    }
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
    setBusy(true);
    try {
      if (!agency) {
        onSaved(await createAgency(values));
      } else {
        const patch: Omit<AgencyPatch, 'version'> = {};
        if (values.code !== agency.code) patch.code = values.code;
        if (values.name !== agency.name) patch.name = values.name;
        if (values.shortName !== agency.shortName) patch.shortName = values.shortName;
        if (values.nameEn !== agency.nameEn) patch.nameEn = values.nameEn;
        if (values.kind !== agency.kind) patch.kind = values.kind;
        if (values.unitId !== agency.unitId) patch.unitId = values.unitId;
        if (values.validFrom !== agency.validFrom) patch.validFrom = values.validFrom;
        if (values.validTo !== agency.validTo) patch.validTo = values.validTo;
        if (values.successorIds.join(',') !== agency.successorIds.join(','))
          patch.successorIds = values.successorIds;
        onSaved(
          Object.keys(patch).length > 0 ? await updateAgency(agency.id, agency.version, patch) : agency,
        );
      }
    } catch (failure) {
      setError(failure);
      refused();
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.createTitle')}
      onClose={onClose}
      wide
    >
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormErrors messages={general} />
        <div className="form__grid">
          <TextField
            label={t('agencies.name')}
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
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
          <DateField
            label={t('common.validTo')}
            value={validTo}
            onChange={setValidTo}
            error={errors.validTo}
          />
        </div>
        <MultiPicker
          label={t('agencies.successors')}
          hint={t('agencies.successorsHint')}
          options={successorOptions}
          selected={successorIds}
          onChange={setSuccessorIds}
          error={errors.successorIds}
        />
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
