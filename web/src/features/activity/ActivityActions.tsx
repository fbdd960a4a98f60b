// What a user may do with an activity opened from the calendar, and the questions asked
// before the changes that need a word: why it is postponed or cancelled, whether to delete it.
import './activity.css';
import { type FormEvent, useState } from 'react';
import { type Activity, deleteActivity, updateActivity } from '../../api/activities';
import { canCreateActivities, canEditActivity } from '../../app/permissions';
import { useUser } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { FormErrors, splitErrors, TextAreaField, useFocusOnInvalid } from '../../components/form';
import { useT } from '../../i18n/context';

/** The details, or the question of one of the actions. */
export type ActivityStep = 'view' | 'postponed' | 'cancelled' | 'delete';

export function ActivityActions({
  activity,
  onEdit,
  onDuplicate,
  onAsk,
}: {
  activity: Activity;
  onEdit: () => void;
  onDuplicate: () => void;
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
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const { byField, general } = splitErrors(error, ['statusNote'], t);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await updateActivity(activity.id, { status, statusNote: reason }, activity.version));
    } catch (failure) {
      setError(failure);
      setBusy(false);
      refused();
    }
  };

  const name = { title: activity.title };
  return (
    <Dialog title={t(`activityActions.${status}Title`, name)} onClose={onBack}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <p className="form__intro">{t(`activityActions.${status}Intro`)}</p>
        <FormErrors messages={general} />
        <TextAreaField
          label={t('activityActions.reason')}
          value={reason}
          onChange={setReason}
          error={byField.statusNote}
          hint={t('activityActions.reasonHint')}
          required
          autoFocus
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t(`activityActions.${status}Submit`)}
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
  onDone: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { general } = splitErrors(error, [], t);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteActivity(activity.id, activity.version);
      onDone();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('activityActions.deleteTitle', { title: activity.title })} onClose={onBack}>
      <FormErrors messages={general} />
      <p>{t('activityActions.deleteMessage')}</p>
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={remove}>
          {t('activityActions.deleteSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('activityActions.back')}
        </button>
      </div>
    </Dialog>
  );
}
