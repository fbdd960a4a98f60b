import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { type Activity, getActivity } from '../../api/activities';
import { getAgency } from '../../api/agencies';
import { listAudit } from '../../api/audit';
import { listUsers } from '../../api/users';
import { can } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Tabs } from '../../components/Tabs';
import { useLanguage, useT } from '../../i18n/context';
import { formatActivityTime } from '../../i18n/dates';
import { agencyName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { AuditTable } from '../audit/AuditRows';
import { ActivityActions, type ActivityStep, DeleteStep, StatusStep } from './ActivityActions';
import { seriesPositionText } from './series';

type TabId = 'details' | 'history';

type Props = {
  activity: Activity;
  onClose: () => void;
  /** The form, to edit the activity or to make a copy of it; the dialog gives way to it. */
  onEdit: (activity: Activity) => void;
  onDuplicate: (activity: Activity) => void;
  /** Copies to several dates or places; the dialog gives way to that one. */
  onCopyMany?: ((activity: Activity) => void) | undefined;
  /** Said after a postponement, a cancellation or a deletion, for the calendar to show it. */
  onChanged: (message: string) => void;
};

/**
 * An activity opened from the calendar: what it is, what the user may do with it (edit, copy,
 * postpone, cancel, delete), and for those who read the audit trail (admins, coordinators),
 * who changed what and when. Postponing, cancelling and deleting ask their question in the
 * same dialog rather than in a second one over it.
 */
export function ActivityDialog({
  activity: initial,
  onClose,
  onEdit,
  onDuplicate,
  onCopyMany,
  onChanged,
}: Props) {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const [tab, setTab] = useState<TabId>('details');
  const [step, setStep] = useState<ActivityStep>('view');
  const withHistory = can.readAudit(user.role);

  // The calendar's copy shows at once; the fresh one (its version, the lead agency's name) follows.
  const load = useCallback(
    async (signal: AbortSignal) => {
      const activity = await getActivity(initial.id, signal);
      const lead = await getAgency(activity.leadAgencyId, signal);
      return { activity, lead };
    },
    [initial.id],
  );
  const fresh = useLoad(['activities', initial.id], load);
  const activity = fresh.data?.activity ?? initial;

  if (step === 'postponed' || step === 'cancelled') {
    return (
      <StatusStep
        activity={activity}
        status={step}
        onBack={() => setStep('view')}
        onDone={(saved) => {
          onChanged(t(`activityActions.${step}Done`, { title: saved.title }));
          fresh.reload();
          setStep('view');
        }}
      />
    );
  }
  if (step === 'delete') {
    return (
      <DeleteStep
        activity={activity}
        onBack={() => setStep('view')}
        onDone={(note) => {
          onChanged(note ?? t('activityActions.deleted', { title: activity.title }));
          onClose();
        }}
      />
    );
  }

  const details = (
    <div className="activity-details">
      {fresh.error ? (
        <ErrorAlert title={t('activity.loadFailed')} error={fresh.error} onRetry={fresh.reload} />
      ) : null}
      <ActivityFacts activity={activity} timeZone={timeZone} lead={<LeadName data={fresh.data} />} />
      <ActivityActions
        activity={activity}
        onEdit={() => onEdit(activity)}
        onDuplicate={() => onDuplicate(activity)}
        onCopyMany={onCopyMany ? () => onCopyMany(activity) : undefined}
        onAsk={setStep}
      />
    </div>
  );
  return (
    <Dialog title={activity.title} onClose={onClose} wide>
      {withHistory ? (
        <Tabs
          label={t('activity.sections')}
          tabs={[
            { id: 'details', label: t('activity.details') },
            { id: 'history', label: t('activity.history') },
          ]}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'details' ? details : <ActivityHistory activityId={activity.id} />}
        </Tabs>
      ) : (
        details
      )}
    </Dialog>
  );
}

function LeadName({ data }: { data: { lead: Parameters<typeof agencyName>[0] } | undefined }) {
  const t = useT();
  const [language] = useLanguage();
  return data ? agencyName(data.lead, language) : <span className="muted">{t('common.loading')}</span>;
}

/**
 * What an activity is, as a list of facts: when, its status, where, what. `lead` is the
 * lead agency's name when the reader may look it up (the shared page's reader may not).
 */
export function ActivityFacts({
  activity,
  timeZone,
  lead,
}: {
  activity: Activity;
  timeZone: string;
  lead?: ReactNode;
}) {
  const t = useT();
  return (
    <dl className="details-list">
      <dt>{t('activity.when')}</dt>
      <dd>{formatActivityTime(activity, timeZone)}</dd>
      <dt>{t('activity.status')}</dt>
      <dd>
        <span className={`status-chip status--${activity.status}`}>{t(`status.${activity.status}`)}</span>
        {activity.overdue ? (
          <span className="status-chip status--overdue">{t('calendar.overdue')}</span>
        ) : null}
      </dd>
      {activity.statusNote && (activity.status === 'postponed' || activity.status === 'cancelled') ? (
        <>
          <dt>{t('activity.statusNote')}</dt>
          <dd className="details-list__text">{activity.statusNote}</dd>
        </>
      ) : null}
      {lead === undefined ? null : (
        <>
          <dt>{t('activity.lead')}</dt>
          <dd>{lead}</dd>
        </>
      )}
      {activity.seriesId === null ? null : (
        <>
          <dt>{t('series.member')}</dt>
          <dd>{seriesPositionText(activity, t)}</dd>
        </>
      )}
      <dt>{t('activity.venue')}</dt>
      <dd>{activity.venue || <span className="muted">{t('activity.noVenue')}</span>}</dd>
      {activity.description ? (
        <>
          <dt>{t('activity.description')}</dt>
          <dd className="details-list__text">{activity.description}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ActivityHistory({ activityId }: { activityId: number }) {
  const t = useT();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [page, users] = await Promise.all([
        listAudit({ entityType: 'activity', entityId: activityId, limit: 200 }, signal),
        listUsers(signal),
      ]);
      return { page, users };
    },
    [activityId],
  );
  const { data, error, loading, reload } = useLoad(['audit', 'activity', activityId], load);
  const userName = useMemo(() => namesById(data?.users ?? [], (user) => user.displayName), [data]);

  if (error) return <ErrorAlert title={t('activity.historyFailed')} error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  return (
    <AuditTable
      label={t('activity.history')}
      caption={
        data.page.total > data.page.items.length
          ? t('activity.historyPartial', { shown: data.page.items.length, total: data.page.total })
          : t('activity.historyCount', { count: data.page.total })
      }
      entries={data.page.items}
      userName={userName}
      showTarget={false}
    />
  );
}
