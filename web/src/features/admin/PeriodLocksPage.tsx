// Period locks: once a reporting period is approved, coordinators lock it, and its activities
// and results become read-only until someone unlocks it. Both are asked twice; an unlocked
// lock stays in the history with who lifted it and when.
import { useCallback, useMemo, useState } from 'react';
import {
  createPeriodLock,
  listPeriodLocks,
  type PeriodLock,
  type PeriodLockInput,
  unlockPeriod,
} from '../../api/periodLocks';
import { listUsers, type User } from '../../api/users';
import { useTimeZone } from '../../app/timeZone';
import {
  CheckboxField,
  DateField,
  dayText,
  type FieldErrors,
  readDays,
  TextAreaField,
} from '../../components/form';
import { EditorDialog, useEditor } from '../../components/RecordEditor';
import { RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, ConfirmDialog, LoadState } from '../../components/records';
import { useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { periodText } from '../../lib/format';
import { namesById } from '../../lib/names';
import './period-locks.css';

type Reference = { locks: PeriodLock[]; users: User[] };

type Editing =
  | { kind: 'create'; input: PeriodLockInput | null }
  | { kind: 'confirm'; input: PeriodLockInput }
  | { kind: 'unlock'; lock: PeriodLock };

export function PeriodLocksPage() {
  const t = useT();
  const timeZone = useTimeZone();
  const [history, setHistory] = useState(false);
  const load = useCallback(
    async (signal: AbortSignal): Promise<Reference> => {
      const [locks, users] = await Promise.all([
        listPeriodLocks({ includeUnlocked: history, signal }),
        listUsers(signal),
      ]);
      return { locks, users };
    },
    [history],
  );
  const list = useAdminList<Reference, Editing>(['period-locks', history], load);
  const { data, editing } = list;
  const userName = useMemo(() => namesById(data?.users ?? [], (user) => user.displayName), [data]);

  return (
    <AdminPage
      title={t('locks.title')}
      notice={list.notice}
      actions={
        <button
          type="button"
          className="button"
          onClick={() => list.setEditing({ kind: 'create', input: null })}
        >
          {t('locks.create')}
        </button>
      }
    >
      <p className="page__intro">{t('locks.intro')}</p>
      <div className="locks-history">
        <CheckboxField label={t('locks.showHistory')} checked={history} onChange={setHistory} />
      </div>
      <LoadState loaded={list} failedTitle={t('locks.loadFailed')}>
        {(reference) => (
          <RecordTable
            label={t('locks.list')}
            caption={history ? t('locks.captionHistory') : t('locks.captionInForce')}
            rows={reference.locks}
            rowKey={(lock) => lock.id}
            rowClassName={(lock) => (lock.unlockedAt ? 'table__row--muted' : undefined)}
            columns={[
              { label: t('locks.period'), cell: (lock) => periodText(lock.startDate, lock.endDate) },
              {
                label: t('locks.note'),
                cell: (lock) => lock.note || <span className="muted">{t('locks.noNote')}</span>,
              },
              {
                label: t('locks.lockedBy'),
                cell: (lock) => (
                  <>
                    {lock.createdBy ? userName(lock.createdBy) : t('audit.system')}
                    <span className="table__sub">{formatInstant(lock.createdAt, timeZone)}</span>
                  </>
                ),
              },
              {
                label: t('locks.state'),
                cell: (lock) =>
                  lock.unlockedAt ? (
                    <>
                      <span className="badge badge--off">{t('locks.unlocked')}</span>
                      <span className="table__sub">
                        {t('locks.unlockedBy', {
                          name: lock.unlockedBy ? userName(lock.unlockedBy) : t('audit.system'),
                          at: formatInstant(lock.unlockedAt, timeZone),
                        })}
                      </span>
                    </>
                  ) : (
                    <span className="badge badge--on">{t('locks.inForce')}</span>
                  ),
              },
            ]}
            actions={(lock) =>
              lock.unlockedAt ? null : (
                <RowButton
                  danger
                  label={t('locks.unlockOne', { period: periodText(lock.startDate, lock.endDate) })}
                  onClick={() => list.setEditing({ kind: 'unlock', lock })}
                >
                  {t('locks.unlock')}
                </RowButton>
              )
            }
            empty={history ? t('locks.noneEver') : t('locks.none')}
          />
        )}
      </LoadState>

      {editing?.kind === 'create' ? (
        <LockForm
          initial={editing.input}
          onClose={list.close}
          onReady={(input) => list.setEditing({ kind: 'confirm', input })}
        />
      ) : null}
      {editing?.kind === 'confirm' ? (
        <ConfirmDialog
          title={t('locks.confirmTitle', {
            period: periodText(editing.input.startDate, editing.input.endDate),
          })}
          message={t('locks.confirmMessage')}
          confirmLabel={t('locks.confirmLock')}
          onClose={() => list.setEditing({ kind: 'create', input: editing.input })}
          onConfirm={async () => {
            await createPeriodLock(editing.input);
            list.done(
              t('locks.locked', { period: periodText(editing.input.startDate, editing.input.endDate) }),
            );
          }}
        />
      ) : null}
      {editing?.kind === 'unlock' ? (
        <ConfirmDialog
          title={t('locks.unlockTitle', {
            period: periodText(editing.lock.startDate, editing.lock.endDate),
          })}
          message={t('locks.unlockMessage')}
          confirmLabel={t('locks.unlock')}
          onClose={list.close}
          onConfirm={async () => {
            await unlockPeriod(editing.lock.id);
            list.done(
              t('locks.unlockedDone', { period: periodText(editing.lock.startDate, editing.lock.endDate) }),
            );
          }}
        />
      ) : null}
    </AdminPage>
  );
}

const lockFields = ['startDate', 'endDate', 'note'] as const;

/** The period and why it is locked; checked here, then asked once more before it is sent. */
function LockForm({
  initial,
  onClose,
  onReady,
}: {
  initial: PeriodLockInput | null;
  onClose: () => void;
  onReady: (input: PeriodLockInput) => void;
}) {
  const t = useT();
  const [startDate, setStartDate] = useState(dayText(initial?.startDate));
  const [endDate, setEndDate] = useState(dayText(initial?.endDate));
  const [note, setNote] = useState(initial?.note ?? '');
  const editor = useEditor(lockFields);
  const { errors } = editor;

  const submit = editor.submit(() => {
    const days = readDays({ startDate, endDate }, t);
    if (!days.ok) return days.errors;
    const own: FieldErrors = {};
    if (!days.values.startDate) own.startDate = t('locks.dayNeeded');
    if (!days.values.endDate) own.endDate = t('locks.dayNeeded');
    const start = days.values.startDate;
    const end = days.values.endDate;
    if (start && end && end < start) own.endDate = t('locks.endBeforeStart');
    if (!start || !end || Object.keys(own).length > 0) return own;
    const input: PeriodLockInput = { startDate: start, endDate: end };
    if (note.trim()) input.note = note.trim();
    return async () => onReady(input);
  });

  return (
    <EditorDialog
      title={t('locks.createTitle')}
      editor={editor}
      onSubmit={submit}
      onClose={onClose}
      intro={t('locks.formIntro')}
      saveLabel={t('locks.next')}
    >
      <div className="form__grid">
        <DateField
          label={t('locks.startDate')}
          value={startDate}
          onChange={setStartDate}
          error={errors.startDate}
          required
        />
        <DateField
          label={t('locks.endDate')}
          value={endDate}
          onChange={setEndDate}
          error={errors.endDate}
          required
        />
      </div>
      <TextAreaField
        label={t('locks.note')}
        hint={t('locks.noteHint')}
        value={note}
        onChange={setNote}
        error={errors.note}
        rows={2}
        maxLength={1000}
      />
    </EditorDialog>
  );
}
