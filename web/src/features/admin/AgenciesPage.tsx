import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { AgencyInput } from '../../../../server/contracts/agencies';
import {
  type Agency,
  type AgencyKind,
  agencyKinds,
  createAgency,
  listAgencies,
  updateAgency,
} from '../../api/agencies';
import { listUnits, type Unit } from '../../api/units';
import { DateField, dayText, MultiPicker, SelectField, saveRecord, TextField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { EditButton, SearchableList, searchRows, useAdminList } from '../../components/RecordList';
import { AdminPage, ValidityText } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { useLanguage, useT } from '../../i18n/context';
import { chosenId, intoContract, typedDay, typedText } from '../../lib/form-values';
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
          {
            label: t('agencies.onDocuments'),
            cell: (agency) => <DocumentLines agency={agency} />,
          },
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
  'documentSymbol',
  'parentLine',
] as const;

/** The agency form's fields, as typed, checked and turned into the contract's input. */
const AgencyValues = intoContract(
  z.object({
    code: typedText,
    name: typedText,
    shortName: typedText,
    nameEn: typedText,
    kind: z.enum(agencyKinds),
    unitId: chosenId,
    validFrom: typedDay,
    validTo: typedDay,
    successorIds: z.array(z.number()),
    documentSymbol: typedText,
    parentLine: typedText,
  }),
  AgencyInput,
);

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
  const editor = useRecordForm({
    schema: AgencyValues,
    defaultValues: {
      code: agency?.code ?? '',
      name: agency?.name ?? '',
      shortName: agency?.shortName ?? '',
      nameEn: agency?.nameEn ?? '',
      kind: agency?.kind ?? 'department',
      unitId: agency?.unitId ? String(agency.unitId) : '',
      validFrom: dayText(agency?.validFrom),
      validTo: dayText(agency?.validTo),
      successorIds: agency?.successorIds ?? [],
      documentSymbol: agency?.documentSymbol ?? '',
      parentLine: agency?.parentLine ?? '',
    },
    fields: agencyFields,
    save: (values) =>
      saveRecord(agency, agency ? values : withoutBlankLines(values), createAgency, updateAgency),
    onSaved,
  });
  const { bind } = editor;

  const successorOptions = useMemo(
    () =>
      agencies
        .filter((other) => other.id !== agency?.id)
        .sort(byName)
        .map((other) => ({ value: other.id, label: agencyName(other, language), detail: other.code })),
    [agencies, agency, language],
  );

  return (
    <EditorDialog
      title={agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
    >
      <div className="form__grid">
        <TextField label={t('agencies.name')} {...bind('name')} required />
        <TextField
          label={t('common.code')}
          {...bind('code')}
          hint={t('common.codeHint')}
          spellCheck={false}
          required
        />
        <TextField label={t('agencies.shortName')} {...bind('shortName')} />
        <TextField label={t('common.nameEn')} {...bind('nameEn')} lang="en" />
        <SelectField
          label={t('agencies.kind')}
          {...bind('kind')}
          onChange={(value) => bind('kind').onChange(value as AgencyKind)}
          required
        >
          {agencyKinds.map((option) => (
            <option key={option} value={option}>
              {t(`agencyKind.${option}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('agencies.unit')} {...bind('unitId')}>
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
        <DateField label={t('common.validFrom')} {...bind('validFrom')} />
        <DateField label={t('common.validTo')} {...bind('validTo')} />
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t('agencies.documentLines')}</legend>
        <p className="field__hint">{t('agencies.documentLinesHint')}</p>
        <div className="form__grid">
          <TextField
            label={t('agencies.documentSymbol')}
            {...bind('documentSymbol')}
            hint={t(agency ? 'agencies.documentSymbolHint' : 'agencies.documentSymbolNewHint')}
            spellCheck={false}
            autoComplete="off"
            maxLength={20}
          />
          <TextField
            label={t('agencies.parentLine')}
            {...bind('parentLine')}
            hint={t(agency ? 'agencies.parentLineHint' : 'agencies.parentLineNewHint')}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <MultiPicker
        label={t('agencies.successors')}
        hint={t('agencies.successorsHint')}
        options={successorOptions}
        {...bind('successorIds')}
        selected={bind('successorIds').value}
      />
    </EditorDialog>
  );
}

/**
 * A new agency's document lines left empty are not sent, so that the server fills them by its
 * rules (the letters of its short name, the line its kind of agency is headed by); an edited
 * agency's empty parent line is "none", as the admin says.
 */
function withoutBlankLines(values: AgencyInput): AgencyInput {
  const { documentSymbol, parentLine, ...rest } = values;
  return {
    ...rest,
    ...(documentSymbol ? { documentSymbol } : {}),
    ...(parentLine ? { parentLine } : {}),
  };
}

/** What the agency's documents print: the line above its name, and the letters of its ký hiệu. */
function DocumentLines({ agency }: { agency: Agency }) {
  const t = useT();
  return (
    <>
      {agency.parentLine}
      {agency.documentSymbol ? (
        <span className="table__sub">{t('agencies.symbolShort', { symbol: agency.documentSymbol })}</span>
      ) : null}
    </>
  );
}
