// The campaigns, latest window first: each opens its activities and how they stand.
import { useCallback, useMemo } from 'react';
import { type Campaign, listCampaigns } from '../../api/campaigns';
import { Link } from '../../app/router';
import { PageFrame } from '../../components/ActivityParts';
import { RecordTable } from '../../components/RecordList';
import { LoadState } from '../../components/records';
import { useT } from '../../i18n/context';
import { periodText } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { campaignColour } from './colour';

export function CampaignsPage() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => listCampaigns(signal), []);
  const campaigns = useLoad(['campaigns'], load);
  const all = campaigns.data ?? [];
  const sorted = useMemo(
    () =>
      [...(campaigns.data ?? [])].sort(
        (a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name, 'vi'),
      ),
    [campaigns.data],
  );

  return (
    <PageFrame title={t('campaigns.title')}>
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
                label: t('campaigns.theme'),
                cell: (campaign) => campaign.theme || <span className="muted">{t('campaigns.noTheme')}</span>,
              },
            ]}
          />
        )}
      </LoadState>
    </PageFrame>
  );
}
