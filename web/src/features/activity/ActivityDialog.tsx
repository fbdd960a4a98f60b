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
import { useLoad } from '../../components/useLoad';
import { useLanguage, useT } from '../../i18n/context';
import { formatActivityTime } from '../../i18n/dates';
import { agencyName, namesById } from '../admin/names';
import { AuditTable } from '../audit/AuditRows';

type TabId = 'details' | 'history';

/**
 * An activity opened from the calendar: what it is, and for those who read the audit
 * trail (admins, coordinators), who changed what and when.
 */
export function ActivityDialog({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const t = useT();
  const user = useUser();
  const [tab, setTab] = useState<TabId>('details');
  const withHistory = can.readAudit(user.role);

  const details = <ActivityDetails initial={activity} />;
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

function ActivityDetails({ initial }: { initial: Activity }) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  // The calendar's copy shows at once; the fresh one (and the lead agency's name) follows.
  const load = useCallback(
    async (signal: AbortSignal) => {
      const activity = await getActivity(initial.id, signal);
      const lead = await getAgency(activity.leadAgencyId, signal);
      return { activity, lead };
    },
    [initial.id],
  );
  const { data, error, reload } = useLoad(load);
  const activity = data?.activity ?? initial;

  return (
    <div className="activity-details">
      {error ? <ErrorAlert title={t('activity.loadFailed')} error={error} onRetry={reload} /> : null}
      <ActivityFacts
        activity={activity}
        timeZone={timeZone}
        lead={data ? agencyName(data.lead, language) : <span className="muted">{t('common.loading')}</span>}
      />
    </div>
  );
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
  const { data, error, loading, reload } = useLoad(load);
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
