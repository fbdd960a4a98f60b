// One campaign: its window, theme and lead, the plan tasks it serves, how its activities
// stand, and the activities themselves.
import { useCallback, useMemo } from 'react';
import { activityStatuses } from '../../api/activities';
import { listActivitiesWhere } from '../../api/activity-lists';
import { listAgencies } from '../../api/agencies';
import { getCampaign, listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { getTask } from '../../api/plans';
import { Link } from '../../app/router';
import { useTimeZone } from '../../app/timeZone';
import { ActivityCounts, ActivityTable, PageFrame } from '../../components/ActivityParts';
import { LoadState } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { periodText, taskTitle } from '../../lib/format';
import { agencyName, entryName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { campaignColour } from './colour';

async function loadCampaign(id: number, signal: AbortSignal) {
  const [campaign, campaigns, activities, agencies, catalog] = await Promise.all([
    getCampaign(id, signal),
    listCampaigns(signal),
    listActivitiesWhere({ campaignId: id }, { signal }),
    listAgencies({ signal }),
    getCatalog(signal),
  ]);
  const tasks = await Promise.all(campaign.taskIds.map((taskId) => getTask(taskId, signal)));
  return { campaign, campaigns, activities, agencies, catalog, tasks };
}
type LoadedCampaign = Awaited<ReturnType<typeof loadCampaign>>;

/** The calendar filtered by the campaign, opened on its window unless today is in it. */
function calendarHref(campaign: { id: number; startDate: string; endDate: string }, today: string): string {
  const params = new URLSearchParams({ campaignId: String(campaign.id) });
  if (today < campaign.startDate || today > campaign.endDate) params.set('date', campaign.startDate);
  return `/?${params}`;
}

export function CampaignPage({ id }: { id: number }) {
  const t = useT();
  const timeZone = useTimeZone();
  const load = useCallback((signal: AbortSignal) => loadCampaign(id, signal), [id]);
  const loaded = useLoad(['campaigns', id], load);
  const campaign = loaded.data?.campaign;
  const href = campaign ? calendarHref(campaign, todayIn(timeZone)) : `/?campaignId=${id}`;

  return (
    <PageFrame
      title={campaign?.name ?? t('campaigns.campaignTitle')}
      back={{ href: '/campaigns', label: t('campaigns.backToCampaigns') }}
      actions={
        <Link href={href} className="work-page__button">
          {t('campaigns.openCalendar')}
        </Link>
      }
    >
      <LoadState loaded={loaded} failedTitle={t('campaigns.campaignLoadFailed')}>
        {(data) => <CampaignContent data={data} />}
      </LoadState>
    </PageFrame>
  );
}

function CampaignContent({ data }: { data: LoadedCampaign }) {
  const t = useT();
  const [language] = useLanguage();
  const { campaign, campaigns, activities, agencies, catalog, tasks } = data;
  const nameOf = useMemo(
    () => namesById(agencies, (agency) => agencyName(agency, language)),
    [agencies, language],
  );
  const observance = catalog.observances.find((entry) => entry.code === campaign.observanceCode);
  const list = activities.activities;
  const byStatus = activityStatuses.map((status) => ({
    key: status,
    label: t(`status.${status}`),
    value: list.filter((activity) => activity.status === status).length,
  }));
  const overdue = list.filter((activity) => activity.overdue).length;

  return (
    <>
      <div className="work-page__panel">
        <dl className="details-list">
          <dt>{t('campaigns.window')}</dt>
          <dd>{periodText(campaign.startDate, campaign.endDate)}</dd>
          <dt>{t('campaigns.theme')}</dt>
          <dd className="details-list__text">
            {campaign.theme || <span className="muted">{t('campaigns.noTheme')}</span>}
          </dd>
          <dt>{t('campaigns.lead')}</dt>
          <dd>
            {campaign.leadAgencyId ? (
              nameOf(campaign.leadAgencyId)
            ) : (
              <span className="muted">{t('plans.notNamed')}</span>
            )}
          </dd>
          {observance ? (
            <>
              <dt>{t('campaigns.observance')}</dt>
              <dd>{entryName(observance, language)}</dd>
            </>
          ) : null}
          <dt>{t('campaigns.colour')}</dt>
          <dd>
            <span
              className="colour-swatch"
              aria-hidden="true"
              style={{ background: campaignColour(campaign, campaigns) }}
            />
            {campaign.color ?? t('campaigns.paletteColour')}
          </dd>
          <dt>{t('campaigns.tasks')}</dt>
          <dd>
            {tasks.length === 0 ? (
              <span className="muted">{t('campaigns.noTasks')}</span>
            ) : (
              <ul className="plain-list">
                {tasks.map((task) => (
                  <li key={task.id}>
                    <Link href={`/tasks/${task.id}`}>
                      {task.code} {taskTitle(task, language)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <ActivityCounts
          label={t('campaigns.counts')}
          counts={[...byStatus, { key: 'overdue', label: t('plans.overdue'), value: overdue, alert: true }]}
        />
      </div>

      <section className="work-section" aria-label={t('plans.activities')}>
        <h3>{t('plans.activities')}</h3>
        <ActivityTable
          label={t('plans.activitiesOf', { name: campaign.name })}
          activities={list}
          total={activities.total}
          agencyName={nameOf}
          catalog={catalog}
          empty={t('campaigns.noActivities')}
        />
      </section>
    </>
  );
}
