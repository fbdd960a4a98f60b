// The campaigns, latest window first: each opens its activities and how they stand; those
// who run campaigns create and correct them here.
import { useCallback, useMemo, useState } from 'react';
import { listAgencies } from '../../api/agencies';
import { type Campaign, listCampaigns } from '../../api/campaigns';
import { listPlans, listTasks } from '../../api/plans';
import { mayEditCampaign } from '../../app/permissions';
import { Link, navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { PageFrame } from '../../components/ActivityParts';
import { RecordTable } from '../../components/RecordList';
import { LoadState } from '../../components/records';
import { useT } from '../../i18n/context';
import { periodText } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { CampaignForm } from './CampaignForm';
import { campaignColour } from './colour';

/** What the form chooses from: the agencies, and every plan's tasks. */
async function loadChoices(signal: AbortSignal) {
  const [agencies, plans] = await Promise.all([listAgencies({ signal }), listPlans(signal)]);
  const tasks = (await Promise.all(plans.map((plan) => listTasks(plan.id, signal)))).flat();
  return { agencies, tasks };
}

export function CampaignsPage() {
  const t = useT();
  const user = useUser();
  const load = useCallback((signal: AbortSignal) => listCampaigns(signal), []);
  const campaigns = useLoad(['campaigns'], load);
  const choices = useLoad(['campaign-choices'], loadChoices);
  // The campaign being edited, `null` for a new one, undefined when the form is closed.
  const [editing, setEditing] = useState<Campaign | null | undefined>(undefined);
  const mayCreate = mayEditCampaign(user, null);
  const all = campaigns.data ?? [];
  const sorted = useMemo(
    () =>
      [...(campaigns.data ?? [])].sort(
        (a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name, 'vi'),
      ),
    [campaigns.data],
  );

  return (
    <PageFrame
      title={t('campaigns.title')}
      actions={
        <>
          <Link href="/campaigns/kits" className="work-page__button">
            {t('kits.open')}
          </Link>
          {mayCreate && choices.data ? (
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('campaigns.create')}
            </button>
          ) : null}
        </>
      }
    >
      {editing !== undefined && choices.data ? (
        <CampaignForm
          campaign={editing}
          agencies={choices.data.agencies}
          tasks={choices.data.tasks}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            if (editing === null) navigate(`/campaigns/${saved.id}`);
            else campaigns.reload();
          }}
        />
      ) : null}
      <p className="work-page__intro">{t('campaigns.intro')}</p>
      <LoadState loaded={campaigns} failedTitle={t('campaigns.loadFailed')}>
        {() => (
          <RecordTable<Campaign>
            label={t('campaigns.list')}
            rows={sorted}
            rowKey={(campaign) => campaign.id}
            empty={t('campaigns.none')}
            columns={[
              {
                label: t('campaigns.name'),
                cell: (campaign) => (
                  <>
                    <span
                      className="colour-swatch"
                      aria-hidden="true"
                      style={{ background: campaignColour(campaign, all) }}
                    />
                    <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                  </>
                ),
              },
              {
                label: t('campaigns.window'),
                cell: (campaign) => periodText(campaign.startDate, campaign.endDate),
                className: 'table__nowrap',
              },
              {
                label: t('campaigns.status'),
                cell: (campaign) =>
                  campaign.closedAt ? (
                    <span className="muted">{t('campaigns.closed')}</span>
                  ) : (
                    t('campaigns.open')
                  ),
                className: 'table__nowrap',
              },
              {
                label: t('campaigns.theme'),
                cell: (campaign) => campaign.theme || <span className="muted">{t('campaigns.noTheme')}</span>,
              },
              {
                label: t('campaigns.edit'),
                cell: (campaign) =>
                  mayEditCampaign(user, campaign) && choices.data ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`${t('campaigns.edit')}: ${campaign.name}`}
                      onClick={() => setEditing(campaign)}
                    >
                      {t('campaigns.edit')}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </LoadState>
    </PageFrame>
  );
}
