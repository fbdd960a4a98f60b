// One campaign: its window, theme and lead, the plan tasks it serves, how its activities
// stand, and the activities themselves.
import { useCallback, useMemo, useState } from 'react';
import { activityStatuses } from '../../api/activities';
import { listActivitiesWhere } from '../../api/activity-lists';
import { listAgencies } from '../../api/agencies';
import {
  type Campaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { getTask } from '../../api/plans';
import { mayEditCampaign } from '../../app/permissions';
import { Link, navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { ActivityCounts, ActivityTable, PageFrame } from '../../components/ActivityParts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadState } from '../../components/records';
import { TableRegion } from '../../components/Table';
import { useLanguage, useT } from '../../i18n/context';
import { formatInstant, formatIsoDay, todayIn } from '../../i18n/dates';
import { periodText, taskTitle, useNumbers } from '../../lib/format';
import { agencyName, entryName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { ApplyKitButton, KitApplications } from '../kits/KitApplications';
import { type AgencyWeeks, agencyWeeks, type Tally } from './agency-weeks';
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
  const user = useUser();
  const load = useCallback((signal: AbortSignal) => loadCampaign(id, signal), [id]);
  const loaded = useLoad(['campaigns', id], load);
  const campaign = loaded.data?.campaign;
  const href = campaign ? calendarHref(campaign, todayIn(timeZone)) : `/?campaignId=${id}`;
  const mayEdit = campaign ? mayEditCampaign(user, campaign) : false;

  return (
    <PageFrame
      title={campaign?.name ?? t('campaigns.campaignTitle')}
      back={{ href: '/campaigns', label: t('campaigns.backToCampaigns') }}
      actions={
        <>
          <Link href={href} className="work-page__button">
            {t('campaigns.openCalendar')}
          </Link>
          {campaign ? <ApplyKitButton campaign={campaign} onChanged={loaded.reload} /> : null}
          {campaign && mayEdit ? <CampaignLifecycle campaign={campaign} onChanged={loaded.reload} /> : null}
        </>
      }
    >
      <LoadState loaded={loaded} failedTitle={t('campaigns.campaignLoadFailed')}>
        {(data) => <CampaignContent data={data} onChanged={loaded.reload} />}
      </LoadState>
    </PageFrame>
  );
}

function CampaignContent({ data, onChanged }: { data: LoadedCampaign; onChanged: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
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
  const grid = useMemo(() => agencyWeeks(campaign, list), [campaign, list]);

  return (
    <>
      <div className="work-page__panel">
        <dl className="details-list">
          <dt>{t('campaigns.window')}</dt>
          <dd>{periodText(campaign.startDate, campaign.endDate)}</dd>
          <dt>{t('campaigns.status')}</dt>
          <dd>
            {campaign.closedAt ? (
              <>
                <strong>
                  {t('campaigns.closedOn', { day: formatInstant(campaign.closedAt, timeZone) })}
                </strong>{' '}
                <span className="muted">{t('campaigns.closedNote')}</span>
              </>
            ) : (
              t('campaigns.open')
            )}
          </dd>
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

      <KitApplications campaign={campaign} onChanged={onChanged} />

      <AgencyWeekTable grid={grid} agencyName={nameOf} />

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

/** Close or reopen a campaign, or delete one made by mistake (the server refuses while anything uses it). */
function CampaignLifecycle({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const toggle = () =>
    run(async () => {
      await updateCampaign(campaign.id, campaign.version, { closed: campaign.closedAt === null });
      onChanged();
    });
  const remove = () => {
    if (!window.confirm(t('campaigns.deleteConfirm', { name: campaign.name }))) return;
    void run(async () => {
      await deleteCampaign(campaign.id, campaign.version);
      navigate('/campaigns');
    });
  };
  return (
    <>
      <button type="button" className="button button--secondary" disabled={busy} onClick={toggle}>
        {campaign.closedAt ? t('campaigns.reopen') : t('campaigns.close')}
      </button>
      <button type="button" className="button button--danger" disabled={busy} onClick={remove}>
        {t('campaigns.delete')}
      </button>
      {error ? <ErrorAlert title={t('campaigns.changeFailed')} error={error} /> : null}
    </>
  );
}

function TallyCell({ tally }: { tally: Tally | undefined }) {
  const t = useT();
  const { number } = useNumbers();
  if (!tally) return <td className="muted number">–</td>;
  return (
    <td className="number" title={t('campaigns.progressOf', { done: tally.held, total: tally.total })}>
      {number(tally.held)}/{number(tally.total)}
    </td>
  );
}

/** Who holds what in which week: held / planned per lead agency and week, and each agency's progress. */
function AgencyWeekTable({ grid, agencyName }: { grid: AgencyWeeks; agencyName: (id: number) => string }) {
  const t = useT();
  const { percent } = useNumbers();
  if (grid.rows.length === 0) return null;
  const rows = [...grid.rows].sort((a, b) =>
    agencyName(a.agencyId).localeCompare(agencyName(b.agencyId), 'vi'),
  );
  return (
    <section className="work-section" aria-label={t('campaigns.byAgencyWeek')}>
      <h3>{t('campaigns.byAgencyWeek')}</h3>
      <TableRegion label={t('campaigns.byAgencyWeek')}>
        <table className="table table--compact agency-weeks">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.agency')}</th>
              {grid.weeks.map((week) => (
                // A window holds a dozen weeks: the header names the Monday short, its title in full.
                <th
                  key={week}
                  scope="col"
                  className="number"
                  title={t('campaigns.week', { day: formatIsoDay(week) })}
                >
                  {formatIsoDay(week).split('/').slice(0, 2).join('/')}
                </th>
              ))}
              <th scope="col">{t('campaigns.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agencyId}>
                <th scope="row">{agencyName(row.agencyId)}</th>
                {grid.weeks.map((week) => (
                  <TallyCell key={week} tally={row.byWeek.get(week)} />
                ))}
                <td>
                  <progress max={row.all.total} value={row.all.held} aria-label={agencyName(row.agencyId)} />{' '}
                  {t('campaigns.progressOf', { done: row.all.held, total: row.all.total })} (
                  {percent(row.all.held, row.all.total)})
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('campaigns.total')}</th>
              {grid.weeks.map((week) => (
                <TallyCell key={week} tally={grid.byWeek.get(week)} />
              ))}
              <td>
                {t('campaigns.progressOf', { done: grid.all.held, total: grid.all.total })} (
                {percent(grid.all.held, grid.all.total)})
              </td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
    </section>
  );
}
