import { type FormEvent, useCallback, useMemo, useState } from 'react';
import {
  createUnit,
  listUnits,
  type Unit,
  type UnitLevel,
  type UnitPatch,
  unitLevels,
  updateUnit,
} from '../../api/units';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  DateField,
  dayText,
  type FieldErrors,
  FormErrors,
  normaliseSearch,
  readDays,
  SelectField,
  splitErrors,
  TextField,
  useFocusOnInvalid,
} from '../../components/form';
import { TableRegion } from '../../components/Table';
import { useLoad } from '../../components/useLoad';
import { useT } from '../../i18n/context';
import { AdminPage, FormActions, Loading, ValidityText } from './common';
import { AsOfFilter } from './filters';
import { byName, namesById } from './names';

/** Province first, then districts, then communes; alphabetical within a tier. */
const byTierThenName = (a: Unit, b: Unit) => a.tier - b.tier || byName(a, b);

export function UnitsPage() {
  const t = useT();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
  const { data, error, loading, reload } = useLoad(load);
  const nameOf = useMemo(() => namesById(data?.all ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(() => {
    const needle = normaliseSearch(search);
    const rows = [...(data?.shown ?? [])].sort(byTierThenName);
    if (!needle) return rows;
    return rows.filter((unit) =>
      normaliseSearch(`${unit.code} ${unit.name} ${unit.shortName} ${unit.tags.join(' ')}`).includes(needle),
    );
  }, [data, search]);

  return (
    <AdminPage
      title={t('admin.units')}
      notice={notice}
      actions={
        <button type="button" className="button" onClick={() => setEditing({ unit: null })}>
          {t('units.create')}
        </button>
      }
    >
      <div className="filters">
        <TextField label={t('common.search')} type="search" value={search} onChange={setSearch} />
        <AsOfFilter onChange={setAsOf} />
      </div>

      {error ? <ErrorAlert title={t('units.loadFailed')} error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}

      {data ? (
        <TableRegion label={t('units.list')}>
          <table className="table table--stack">
            <caption className="table__caption">
              {t('common.count', { shown: shown.length, total: data.shown.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('units.name')}</th>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('units.level')}</th>
                <th scope="col">{t('units.parent')}</th>
                <th scope="col">{t('common.validity')}</th>
                <th scope="col">{t('units.tags')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">{unit.name}</th>
                  <td data-label={t('common.code')} className="table__code">
                    {unit.code}
                  </td>
                  <td data-label={t('units.level')}>{t(`unitLevel.${unit.level}`)}</td>
                  <td data-label={t('units.parent')}>{nameOf(unit.parentId)}</td>
                  <td data-label={t('common.validity')}>
                    <ValidityText validFrom={unit.validFrom} validTo={unit.validTo} />
                  </td>
                  <td data-label={t('units.tags')}>{unit.tags.join(', ')}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t('units.editOne', { name: unit.name })}
                      onClick={() => setEditing({ unit })}
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
        <UnitForm
          unit={editing.unit}
          units={data.all}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t(editing.unit ? 'common.savedOne' : 'common.createdOne', { name: saved.name }));
            reload();
          }}
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
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [shortName, setShortName] = useState(unit?.shortName ?? '');
  const [level, setLevel] = useState<UnitLevel>(unit?.level ?? 'commune');
  const [parentId, setParentId] = useState(unit?.parentId ? String(unit.parentId) : '');
  const [validFrom, setValidFrom] = useState(dayText(unit?.validFrom));
  const [validTo, setValidTo] = useState(dayText(unit?.validTo));
  const [tags, setTags] = useState(unit?.tags.join(', ') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { byField, general } = splitErrors(error, unitFields, t);
  const errors = { ...byField, ...ownErrors };

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
      level,
      parentId: parentId ? Number(parentId) : null,
      validFrom: days.values.validFrom,
      validTo: days.values.validTo,
      tags: readTags(tags),
    };
    setBusy(true);
    try {
      if (!unit) {
        onSaved(await createUnit(values));
      } else {
        const patch: Omit<UnitPatch, 'version'> = {};
        if (values.code !== unit.code) patch.code = values.code;
        if (values.name !== unit.name) patch.name = values.name;
        if (values.shortName !== unit.shortName) patch.shortName = values.shortName;
        if (values.level !== unit.level) patch.level = values.level;
        if (values.parentId !== unit.parentId) patch.parentId = values.parentId;
        if (values.validFrom !== unit.validFrom) patch.validFrom = values.validFrom;
        if (values.validTo !== unit.validTo) patch.validTo = values.validTo;
        if (values.tags.join(',') !== unit.tags.join(',')) patch.tags = values.tags;
        onSaved(Object.keys(patch).length > 0 ? await updateUnit(unit.id, unit.version, patch) : unit);
      }
    } catch (failure) {
      setError(failure);
      refused();
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      onClose={onClose}
      wide
    >
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormErrors messages={general} />
        <div className="form__grid">
          <TextField label={t('units.name')} value={name} onChange={setName} error={errors.name} required />
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
            label={t('units.shortName')}
            value={shortName}
            onChange={setShortName}
            error={errors.shortName}
          />
          <SelectField
            label={t('units.level')}
            value={level}
            onChange={(value) => setLevel(value as UnitLevel)}
            error={errors.level}
            required
          >
            {unitLevels.map((option) => (
              <option key={option} value={option}>
                {t(`unitLevel.${option}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('units.parent')}
            value={parentId}
            onChange={setParentId}
            error={errors.parentId}
          >
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
          <TextField
            label={t('units.tags')}
            value={tags}
            onChange={setTags}
            error={errors.tags}
            hint={t('units.tagsHint')}
            spellCheck={false}
          />
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
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
