// Exam and festival periods on the calendar: coordinators mark them, for the whole province or
// one area, and the activity form reminds a planner who places an activity in one. A mark is
// deleted softly; the activities already placed never change with it.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { z } from 'zod';
import { CalendarMarkInput, calendarMarkKinds } from '../../../../server/contracts/calendar-marks';
import {
  type CalendarMark,
  createCalendarMark,
  deleteCalendarMark,
  listCalendarMarks,
  updateCalendarMark,
} from '../../api/calendarMarks';
import { listUnits, type Unit } from '../../api/units';
import { DateField, dayText, SelectField, saveRecord, TextField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { EditButton, RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, ConfirmDialog, LoadState } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useT } from '../../i18n/context';
import { chosenId, intoContract, neededDay, typedText } from '../../lib/form-values';
import { periodText } from '../../lib/format';
import { byName, namesById } from '../../lib/names';

type Reference = { marks: CalendarMark[]; units: Unit[] };
type Editing = { kind: 'edit'; mark: CalendarMark | null } | { kind: 'remove'; mark: CalendarMark };

export function CalendarMarksPage() {
  const t = useT();
  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [marks, units] = await Promise.all([listCalendarMarks(signal), listUnits({ signal })]);
    return { marks, units };
  }, []);
  const list = useAdminList<Reference, Editing>(['calendar-marks'], load);
  const { data, editing } = list;
  const unitName = useMemo(() => namesById(data?.units ?? [], (unit) => unit.name), [data]);
  const removing = useMutation({
    mutationFn: (mark: CalendarMark) => deleteCalendarMark(mark.id),
    onSuccess: (mark) => list.done(t('marks.removed', { name: mark.name })),
  });

  return (
    <AdminPage
      title={t('marks.title')}
      notice={list.notice}
      actions={
        <button
          type="button"
          className="button"
          onClick={() => list.setEditing({ kind: 'edit', mark: null })}
        >
          {t('marks.create')}
        </button>
      }
    >
      <p className="page__intro">{t('marks.intro')}</p>
      <LoadState loaded={list} failedTitle={t('marks.loadFailed')}>
        {(reference) => (
          <RecordTable
            label={t('marks.list')}
            rows={reference.marks}
            rowKey={(mark) => mark.id}
            columns={[
              { label: t('marks.period'), cell: (mark) => periodText(mark.startDate, mark.endDate) },
              { label: t('marks.name'), cell: (mark) => mark.name },
              { label: t('marks.kind'), cell: (mark) => t(`marks.kind.${mark.kind}`) },
              {
                label: t('marks.unit'),
                cell: (mark) => (mark.unitId ? unitName(mark.unitId) : t('marks.wholeProvince')),
              },
            ]}
            actions={(mark) => (
              <div className="row-actions">
                <EditButton
                  label={t('marks.editOne', { name: mark.name })}
                  onClick={() => list.setEditing({ kind: 'edit', mark })}
                />
                <RowButton
                  danger
                  label={t('marks.removeOne', { name: mark.name })}
                  onClick={() => list.setEditing({ kind: 'remove', mark })}
                >
                  {t('marks.remove')}
                </RowButton>
              </div>
            )}
            empty={t('marks.none')}
          />
        )}
      </LoadState>

      {data && editing?.kind === 'edit' ? (
        <MarkForm
          mark={editing.mark}
          units={data.units}
          onClose={list.close}
          onSaved={(saved) =>
            list.done(t(editing.mark ? 'marks.saved' : 'marks.created', { name: saved.name }))
          }
        />
      ) : null}
      {editing?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('marks.removeTitle', { name: editing.mark.name })}
          message={t('marks.removeMessage')}
          confirmLabel={t('marks.remove')}
          onClose={list.close}
          onConfirm={async () => {
            await removing.mutateAsync(editing.mark);
          }}
        />
      ) : null}
    </AdminPage>
  );
}

const markFields = ['kind', 'name', 'startDate', 'endDate', 'unitId'] as const;

/** The form's fields as typed: both dates needed and in order, said in the page's words. */
function markValues(t: Translate) {
  return intoContract(
    z
      .object({
        kind: z.enum(calendarMarkKinds),
        name: typedText,
        startDate: neededDay(t('marks.dayNeeded')),
        endDate: neededDay(t('marks.dayNeeded')),
        unitId: chosenId,
      })
      .refine((mark) => mark.endDate >= mark.startDate, {
        path: ['endDate'],
        message: t('marks.endBeforeStart'),
      }),
    CalendarMarkInput,
  );
}

/** Districts and the province's towns first, then communes: festivals are mostly a district's. */
const byTierThenName = (a: Unit, b: Unit) => a.tier - b.tier || byName(a, b);

function MarkForm({
  mark,
  units,
  onClose,
  onSaved,
}: {
  mark: CalendarMark | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (mark: CalendarMark) => void;
}) {
  const t = useT();
  const schema = useMemo(() => markValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: {
      kind: mark?.kind ?? 'exam',
      name: mark?.name ?? '',
      startDate: dayText(mark?.startDate),
      endDate: dayText(mark?.endDate),
      unitId: mark?.unitId ? String(mark.unitId) : '',
    },
    fields: markFields,
    save: (values) => saveRecord(mark, values, createCalendarMark, updateCalendarMark),
    onSaved,
  });
  const { bind } = editor;
  const offered = units
    .filter((unit) => unit.validTo === null || unit.id === mark?.unitId)
    .sort(byTierThenName);

  return (
    <EditorDialog
      title={mark ? t('marks.editTitle', { name: mark.name }) : t('marks.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
    >
      <div className="form__grid">
        <TextField label={t('marks.name')} {...bind('name')} required maxLength={300} />
        <SelectField
          label={t('marks.kind')}
          {...bind('kind')}
          onChange={(value) => bind('kind').onChange(value === 'festival' ? 'festival' : 'exam')}
          required
        >
          {calendarMarkKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`marks.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <DateField label={t('marks.startDate')} {...bind('startDate')} required />
        <DateField label={t('marks.endDate')} {...bind('endDate')} required />
        <SelectField label={t('marks.unit')} {...bind('unitId')} hint={t('marks.unitHint')}>
          <option value="">{t('marks.wholeProvince')}</option>
          {offered.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
      </div>
    </EditorDialog>
  );
}
