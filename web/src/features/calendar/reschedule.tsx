// Rescheduling by dragging or resizing an activity. The drop is optimistic: FullCalendar shows
// the new place at once; the save follows, and a refusal puts the activity back where it was
// and says why. A stale version (someone else saved the activity since the page loaded it) is
// said in words a person can act on, and the calendar reloads so that their version shows.
import type { EventDropInfo, EventResizeDoneInfo } from '@fullcalendar/react';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Activity } from '../../api/activities';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { formatActivityTime } from '../../i18n/dates';
import { activityOf, eventTimes } from './events';

export type ActivityTimes = ReturnType<typeof eventTimes>;

/** Saves an activity's new times with the version it was read at; answers the saved activity. */
export type Rescheduling = (activity: Activity, times: ActivityTimes) => Promise<Activity>;

type State =
  | { kind: 'idle' }
  | { kind: 'moved'; message: string }
  | { kind: 'refused'; title: string; message: string };

export function useReschedule(reschedule: Rescheduling | undefined, refetch: () => void, timeZone: string) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { mutateAsync: save } = useMutation({
    mutationFn: ({
      activity,
      times,
      write,
    }: {
      activity: Activity;
      times: ActivityTimes;
      write: Rescheduling;
    }) => write(activity, times),
  });

  const persist = useCallback(
    async (info: EventDropInfo | EventResizeDoneInfo) => {
      const activity = activityOf(info.event);
      if (!reschedule) {
        info.revert();
        return;
      }
      setState({ kind: 'idle' });
      try {
        const saved = await save({ activity, times: eventTimes(info.event), write: reschedule });
        // The next drag, before the reload below arrives, must carry the new version.
        info.event.setExtendedProp('activity', saved);
        setState({
          kind: 'moved',
          message: t('calendarEdit.moved', { title: saved.title, when: formatActivityTime(saved, timeZone) }),
        });
      } catch (error) {
        info.revert();
        const stale = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
        setState({
          kind: 'refused',
          title: t('calendarEdit.moveFailed', { title: activity.title }),
          message: stale ? t('calendarEdit.conflict') : describeError(error, t),
        });
      } finally {
        refetch();
      }
    },
    [reschedule, save, refetch, t, timeZone],
  );

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, persist, dismiss };
}

/**
 * What the last drag did. Both regions are always in the page, so that a screen reader hears
 * what appears in them: politely for a success, at once for a refusal.
 */
export function RescheduleMessages({ state, onDismiss }: { state: State; onDismiss: () => void }) {
  const t = useT();
  return (
    <>
      <p className="notice notice--success calendar-page__notice" role="status">
        {state.kind === 'moved' ? state.message : null}
      </p>
      <div className="calendar-page__alert" role="alert">
        {state.kind === 'refused' ? (
          <div className="error-box error-alert">
            <p className="error-alert__title">{state.title}</p>
            <p className="error-alert__message">{state.message}</p>
            <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
              {t('common.close')}
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}
