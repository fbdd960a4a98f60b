// Period locks: once a reporting period is approved, coordinators lock it, and its activities
// and results become read-only until someone unlocks it. Both are asked twice; an unlocked
// lock stays in the history with who lifted it and when.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { PeriodLockInput as LockContract } from '../../../../server/contracts/period-locks';
import {
  createPeriodLock,
  listPeriodLocks,
  type PeriodLock,
  type PeriodLockInput,
  unlockPeriod,
} from '../../api/periodLocks';
import { listUsers, type User } from '../../api/users';
import { useTimeZone } from '../../app/timeZone';
import { CheckboxField, DateField, dayText, TextAreaField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, ConfirmDialog, LoadState } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { intoContract, neededDay, typedText } from '../../lib/form-values';
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
  const periodOf = (period: { startDate: string; endDate: string }) => ({
    period: periodText(period.startDate, period.endDate),
  });
  // The question's dialog shows a refusal itself (mutateAsync rejects to it).
  const locking = useMutation({
    mutationFn: createPeriodLock,
    onSuccess: (_, input) => list.done(t('locks.locked', periodOf(input))),
  });
  const unlocking = useMutation({
    mutationFn: (lock: PeriodLock) => unlockPeriod(lock.id),
    onSuccess: (_, lock) => list.done(t('locks.unlockedDone', periodOf(lock))),
  });

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
            await locking.mutateAsync(editing.input);
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
            await unlocking.mutateAsync(editing.lock);
          }}
        />
      ) : null}
    </AdminPage>
  );
}

const lockFields = ['startDate', 'endDate', 'note'] as const;

/**
 * The lock form's fields, as typed: both dates needed and in order, said in the page's words
 * (hence made of `t`), then the contract's own check.
 */
function lockValues(t: Translate) {
  return intoContract(
    z
      .object({
        startDate: neededDay(t('locks.dayNeeded')),
        endDate: neededDay(t('locks.dayNeeded')),
        note: typedText,
      })
      .refine((period) => period.endDate >= period.startDate, {
        path: ['endDate'],
        message: t('locks.endBeforeStart'),
      })
      .transform(({ note, ...period }) => ({ ...period, note: note || undefined })),
    LockContract,
  );
}

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
  const schema = useMemo(() => lockValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: {
      startDate: dayText(initial?.startDate),
      endDate: dayText(initial?.endDate),
      note: initial?.note ?? '',
    },
    fields: lockFields,
    // Nothing is sent yet: the lock is asked about once more, and made by that question.
    save: async (input) => input,
    onSaved: onReady,
  });
  const { bind } = editor;

  return (
    <EditorDialog
      title={t('locks.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
      intro={t('locks.formIntro')}
      saveLabel={t('locks.next')}
    >
      <div className="form__grid">
        <DateField label={t('locks.startDate')} {...bind('startDate')} required />
        <DateField label={t('locks.endDate')} {...bind('endDate')} required />
      </div>
      <TextAreaField
        label={t('locks.note')}
        hint={t('locks.noteHint')}
        {...bind('note')}
        rows={2}
        maxLength={1000}
      />
    </EditorDialog>
  );
}
