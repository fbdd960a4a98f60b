// What a user may do with an activity opened from the calendar, and the questions asked
// before the changes that need a word: why it is postponed or cancelled, whether to delete it.
import './activity.css';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ActivityPatch, checkStatusNote } from '../../../../server/contracts/activities';
import { type Activity, deleteActivity, type SeriesScope, updateActivity } from '../../api/activities';
import { canCreateActivities, canEditActivity } from '../../app/permissions';
import { useUser } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorAlert';
import { FormErrors, TextAreaField } from '../../components/form';
import { useRecordForm } from '../../components/useRecordForm';
import { useT } from '../../i18n/context';
import { intoContract } from '../../lib/form-values';
import { ScopeQuestion, seriesOutcomeText } from './series';

/** The details, or the question of one of the actions. */
export type ActivityStep = 'view' | 'postponed' | 'cancelled' | 'delete';

export function ActivityActions({
  activity,
  onEdit,
  onDuplicate,
  onCopyMany,
  onAsk,
}: {
  activity: Activity;
  onEdit: () => void;
  onDuplicate: () => void;
  /** Copies to several dates or places at once, when the page offers it. */
  onCopyMany?: (() => void) | undefined;
  onAsk: (step: ActivityStep) => void;
}) {
  const t = useT();
  const user = useUser();
  const mayEdit = canEditActivity(user, activity) && !activity.deletedAt;
  // A copy is a new activity: led by the user's own agency when they are not province-wide.
  const mayCopy = canCreateActivities(user);
  if (!mayEdit && !mayCopy) return null;
  // A held activity has its result: there is nothing left to postpone or cancel.
  const open = activity.status !== 'done';
  return (
    <div className="activity-actions">
      {mayEdit ? (
        <button type="button" className="button" onClick={onEdit}>
          {t('common.edit')}
        </button>
      ) : null}
      {mayCopy ? (
        <button type="button" className="button button--secondary" onClick={onDuplicate}>
          {t('activityActions.duplicate')}
        </button>
      ) : null}
      {mayCopy && onCopyMany ? (
        <button type="button" className="button button--secondary" onClick={onCopyMany}>
          {t('bulk.open')}
        </button>
      ) : null}
      {mayEdit && open && activity.status !== 'postponed' ? (
        <button type="button" className="button button--secondary" onClick={() => onAsk('postponed')}>
          {t('activityActions.postpone')}
        </button>
      ) : null}
      {mayEdit && open && activity.status !== 'cancelled' ? (
        <button type="button" className="button button--secondary" onClick={() => onAsk('cancelled')}>
          {t('activityActions.cancel')}
        </button>
      ) : null}
      {mayEdit ? (
        <button type="button" className="button button--danger" onClick={() => onAsk('delete')}>
          {t('activityActions.delete')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The status change as the form holds it, checked with the contract's patch and the rule the
 * server applies to the activity it makes of it: a postponement or a cancellation says why.
 */
const StatusValues = intoContract(
  z.object({ status: z.enum(['postponed', 'cancelled']), statusNote: z.string() }),
  ActivityPatch.superRefine(checkStatusNote),
);

/** Postponing or cancelling: the reason is what a leader asks first, so it is asked here. */
export function StatusStep({
  activity,
  status,
  onBack,
  onDone,
}: {
  activity: Activity;
  status: 'postponed' | 'cancelled';
  onBack: () => void;
  onDone: (saved: Activity) => void;
}) {
  const t = useT();
  const editor = useRecordForm({
    schema: StatusValues,
    defaultValues: { status, statusNote: '' },
    fields: ['statusNote'],
    save: (change) => updateActivity(activity.id, change, activity.version),
    onSaved: onDone,
  });

  const name = { title: activity.title };
  return (
    <Dialog title={t(`activityActions.${status}Title`, name)} onClose={onBack}>
      <form ref={editor.form} className="form" onSubmit={editor.submit} noValidate>
        <p className="form__intro">{t(`activityActions.${status}Intro`)}</p>
        <FormErrors messages={editor.general} />
        <TextAreaField
          label={t('activityActions.reason')}
          {...editor.bind('statusNote')}
          hint={t('activityActions.reasonHint')}
          required
          autoFocus
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={editor.busy}>
            {editor.busy ? t('common.saving') : t(`activityActions.${status}Submit`)}
          </button>
          <button type="button" className="button button--secondary" onClick={onBack}>
            {t('activityActions.back')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A soft delete, after a question: the activity leaves the calendar and every report. */
export function DeleteStep({
  activity,
  onBack,
  onDone,
}: {
  activity: Activity;
  onBack: () => void;
  /** `note` says what a delete of series occurrences did, and what it left. */
  onDone: (note: string | null) => void;
}) {
  const t = useT();
  const inSeries = activity.seriesId !== null;
  const [scope, setScope] = useState<SeriesScope>('this');
  const remove = useMutation({
    mutationFn: () => deleteActivity(activity.id, activity.version, inSeries ? scope : undefined),
    onSuccess: (deleted) => onDone(scope === 'this' ? null : seriesOutcomeText(deleted, t, 'series.deleted')),
  });
  return (
    <Dialog title={t('activityActions.deleteTitle', { title: activity.title })} onClose={onBack}>
      <FormErrors messages={remove.error ? [describeError(remove.error, t)] : []} />
      <p>{t('activityActions.deleteMessage')}</p>
      {inSeries ? (
        <ScopeQuestion activity={activity} intro="series.deleteIntro" value={scope} onChange={setScope} />
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t('activityActions.deleteSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('activityActions.back')}
        </button>
      </div>
    </Dialog>
  );
}
