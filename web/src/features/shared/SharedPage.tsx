// The page a share link opens, for a leader without an account: the link's note, how
// long it works, and a read-only month calendar narrowed to what the link was made for.
// Agencies, units and the catalogue cannot be looked up without an account, so the server
// names the link's limits itself.
import { useCallback, useId, useState } from 'react';
import { type Activity, activityStatuses } from '../../api/activities';
import { ApiError } from '../../api/client';
import { getSharedView, listSharedActivities, type ShareFilter } from '../../api/shareLinks';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { type Translate, useT } from '../../i18n/context';
import { formatLastDay } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/vi';
import { useLoad } from '../../lib/useLoad';
import { ActivityFacts } from '../activity/ActivityDialog';
import { ActivityCalendar } from '../calendar/ActivityCalendar';

/** A link's secret as the server makes them (base64url); anything else is not worth asking about. */
const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/** The server's word for a link that is unknown, expired or revoked: they are not told apart. */
function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 404;
}

export function SharedPage({ token, timeZone }: { token: string; timeZone: string }) {
  if (!tokenShape.test(token)) return <Unavailable />;
  return <SharedCalendar token={token} timeZone={timeZone} />;
}

function SharedCalendar({ token, timeZone }: { token: string; timeZone: string }) {
  const t = useT();
  const titleId = useId();
  const [gone, setGone] = useState(false);
  const [opened, setOpened] = useState<Activity | null>(null);

  const loadView = useCallback((signal: AbortSignal) => getSharedView(token, signal), [token]);
  const view = useLoad(['shared-view', token], loadView);

  // A link revoked (or expired) while the page is open: the next month asked for says so.
  const loadActivities = useCallback(
    async (range: { start: string; end: string }) => {
      try {
        return await listSharedActivities(token, range);
      } catch (error) {
        if (isGone(error)) setGone(true);
        throw error;
      }
    },
    [token],
  );

  if (gone || isGone(view.error)) return <Unavailable />;
  if (view.error) {
    return <ErrorAlert title={t('shared.loadFailed')} error={view.error} onRetry={view.reload} />;
  }
  if (!view.data) return <Loading />;

  const limits = limitNames(view.data.limits, t);
  return (
    <div className="shared-page">
      <section className="shared-intro" aria-labelledby={titleId}>
        <h2 id={titleId} className="page__title">
          {t('shared.title')}
        </h2>
        {view.data.note ? (
          <figure className="shared-intro__note">
            <figcaption className="shared-intro__note-label">{t('shared.note')}</figcaption>
            <blockquote>
              <p>{view.data.note}</p>
            </blockquote>
          </figure>
        ) : null}
        <ul className="shared-intro__facts">
          <li>
            {limits.length > 0 ? t('shared.limited', { limits: limits.join(', ') }) : t('shared.everything')}
          </li>
          <li>{t('shared.readOnly', { date: formatLastDay(view.data.expiresAt, timeZone) })}</li>
        </ul>
      </section>

      <ActivityCalendar
        timeZone={timeZone}
        loadActivities={loadActivities}
        onOpen={setOpened}
        headingLevel={3}
      />
      {opened ? (
        <Dialog title={opened.title} onClose={() => setOpened(null)} wide>
          <ActivityFacts activity={opened} timeZone={timeZone} />
        </Dialog>
      ) : null}
    </div>
  );
}

const limitKeys: Record<keyof ShareFilter, MessageKey> = {
  agencyId: 'shared.limit.agency',
  unitId: 'shared.limit.unit',
  campaignId: 'shared.limit.campaign',
  taskId: 'shared.limit.task',
  typeCode: 'shared.limit.type',
  channelCode: 'shared.limit.channel',
  targetGroupCode: 'shared.limit.targetGroup',
  status: 'shared.limit.status',
};

/** `cơ quan “Công an thành phố Huế”, trạng thái “Đã xác nhận”`: each limit of the link by name. */
function limitNames(limits: { field: string; value: string }[], t: Translate): string[] {
  return limits.map(({ field, value }) => {
    if (field === 'status') {
      const status = activityStatuses.find((known) => known === value);
      return t('shared.limit.statusIs', { status: status ? t(`status.${status}`) : value });
    }
    const key = limitKeys[field as keyof ShareFilter];
    return key ? `${t(key)} “${value}”` : value;
  });
}

/** Unknown, expired or revoked: the holder can only ask whoever sent the link for a new one. */
function Unavailable() {
  const t = useT();
  const titleId = useId();
  return (
    <section className="shared-gone" aria-labelledby={titleId}>
      <h2 id={titleId} className="shared-gone__title">
        {t('shared.goneTitle')}
      </h2>
      <p>{t('shared.gone')}</p>
      <p className="muted">{t('shared.goneHelp')}</p>
    </section>
  );
}
