// What the result is about, at the top of the result page: the activity's title, type, when
// and where it was planned, who leads it and where it stands.
import type { Activity } from '../../api/activities';
import type { Agency } from '../../api/agencies';
import type { Catalog } from '../../api/catalog';
import type { Unit } from '../../api/units';
import { useTimeZone } from '../../app/timeZone';
import { StatusChips } from '../../components/ActivityParts';
import { useLanguage, useT } from '../../i18n/context';
import { formatActivityTime } from '../../i18n/dates';
import { agencyName, entryName } from '../../lib/names';

export function ActivitySummary({
  activity,
  catalog,
  agencies,
  units,
}: {
  activity: Activity;
  catalog: Catalog;
  agencies: readonly Agency[];
  units: readonly Unit[];
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const type = catalog.activityTypes.find((entry) => entry.code === activity.typeCode);
  const lead = agencies.find((agency) => agency.id === activity.leadAgencyId);
  const places = [
    activity.venue,
    ...activity.unitIds.map((id) => units.find((unit) => unit.id === id)?.name ?? `#${id}`),
  ].filter(Boolean);
  return (
    <section className="result-activity" aria-labelledby="result-activity-title">
      <h3 id="result-activity-title" className="result-activity__title">
        {activity.title}
      </h3>
      <dl className="result-activity__facts">
        <div>
          <dt>{t('results.type')}</dt>
          <dd>{type ? entryName(type, language) : activity.typeCode}</dd>
        </div>
        <div>
          <dt>{t('activity.when')}</dt>
          <dd>{formatActivityTime(activity, timeZone)}</dd>
        </div>
        <div>
          <dt>{t('activity.venue')}</dt>
          <dd>{places.length > 0 ? places.join(', ') : t('activity.noVenue')}</dd>
        </div>
        <div>
          <dt>{t('activity.lead')}</dt>
          <dd>{lead ? agencyName(lead, language) : `#${activity.leadAgencyId}`}</dd>
        </div>
        <div>
          <dt>{t('activity.status')}</dt>
          <dd>
            <StatusChips activity={activity} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
