// "Báo cáo hoạt động phát sinh": an event held without being planned, logged with its figures
// in one step; then its result page, to add the photos.
import { listAgencies } from '../../api/agencies';
import { getCatalog } from '../../api/catalog';
import { listUnits } from '../../api/units';
import { canCreateActivities } from '../../app/permissions';
import { navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { PageFrame } from '../../components/ActivityParts';
import { LoadState } from '../../components/records';
import { useT } from '../../i18n/context';
import { useLoad } from '../../lib/useLoad';
import { HeldForm } from './HeldForm';
import { resultHref } from './links';

async function loadChoices(signal: AbortSignal) {
  const [catalog, agencies, units] = await Promise.all([
    getCatalog(signal),
    listAgencies({ signal }),
    listUnits({ signal }),
  ]);
  return { catalog, agencies, units };
}

export function HeldActivityPage() {
  const t = useT();
  const user = useUser();
  const loaded = useLoad(['held-choices'], loadChoices);
  return (
    <PageFrame
      title={t('results.held.pageTitle')}
      back={{ href: '/my-work', label: t('results.backToMyWork') }}
    >
      <p className="work-page__intro">{t('results.held.intro')}</p>
      {canCreateActivities(user) ? (
        <LoadState loaded={loaded} failedTitle={t('results.held.loadFailed')}>
          {(data) => (
            <HeldForm
              mode="event"
              user={user}
              catalog={data.catalog}
              agencies={data.agencies}
              units={data.units}
              onSaved={(held) => navigate(`${resultHref(held.activity.id)}?new=1`)}
            />
          )}
        </LoadState>
      ) : (
        <p className="page__message">{t('results.held.notAllowed')}</p>
      )}
    </PageFrame>
  );
}
