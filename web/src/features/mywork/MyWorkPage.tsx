// "My work": what the signed-in user's agency or units must do next. First what is late
// (held, by the calendar, but with no result or new status yet), each with a link to report
// its result; then results sent back for correction, with the reviewer's note; for
// coordinators, results waiting for their review; then the next 30 days.
import { useCallback, useMemo } from 'react';
import type { Activity } from '../../api/activities';
import { listActivitiesWhere } from '../../api/activity-lists';
import { listAgencies } from '../../api/agencies';
import type { User } from '../../api/auth';
import { getCatalog } from '../../api/catalog';
import { getResult } from '../../api/results';
import { listUnits } from '../../api/units';
import { canCreateActivities, canReviewResults, canWriteResult } from '../../app/permissions';
import { Link } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { ActivityTable, PageFrame } from '../../components/ActivityParts';
import { LoadState } from '../../components/records';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import {
  addDays,
  formatActivityTime,
  formatIsoDay,
  todayIn,
  wallClockOf,
  weekdayName,
} from '../../i18n/dates';
import { daysBetween, lastDayOf, startDayOf, useNumbers } from '../../lib/format';
import { agencyName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { heldActivityHref, resultHref } from '../results/links';
import './mywork.css';

/** How far ahead "coming up" looks. */
const upcomingDays = 30;
/** Statuses that still ask something of the agency; done and cancelled ones ask nothing. */
const pending = new Set<Activity['status']>(['planned', 'confirmed', 'postponed']);

/** Reviewers' notes are read for the first this many returned results; more is a backlog to chase elsewhere. */
const notesRead = 50;

async function loadWork(user: User, today: string, signal: AbortSignal) {
  const reviewer = canReviewResults(user.role);
  const [overdue, returned, awaiting, upcoming, agencies, units, catalog] = await Promise.all([
    listActivitiesWhere({ mine: true, overdue: true }, { signal, limit: 1000 }),
    listActivitiesWhere({ mine: true, resultStatus: 'returned' }, { signal, limit: 1000 }),
    reviewer
      ? listActivitiesWhere({ resultStatus: 'submitted' }, { signal, limit: 1000 })
      : Promise.resolve(null),
    listActivitiesWhere(
      { mine: true, overdue: false, start: today, end: addDays(today, upcomingDays) },
      { signal, limit: 2000 },
    ),
    listAgencies({ signal }),
    user.unitIds.length > 0 ? listUnits({ signal }) : Promise.resolve([]),
    getCatalog(signal),
  ]);
  // The note says what to fix: it is the first thing the reporter needs, so it is on this page.
  const notes = new Map<number, string>();
  await Promise.all(
    returned.activities.slice(0, notesRead).map(async (activity) => {
      const result = await getResult(activity.id, signal);
      if (result) notes.set(activity.id, result.reviewNote);
    }),
  );
  return { overdue, returned, notes, awaiting, upcoming, agencies, units, catalog };
}
type LoadedWork = Awaited<ReturnType<typeof loadWork>>;

export function MyWorkPage() {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  // Fixed while the page is open: a page left open past midnight is reloaded with Retry.
  const today = useMemo(() => todayIn(timeZone), [timeZone]);
  const load = useCallback((signal: AbortSignal) => loadWork(user, today, signal), [user, today]);
  const loaded = useLoad(['my-work', user.id, today], load);

  return (
    <PageFrame
      title={t('myWork.title')}
      actions={
        canCreateActivities(user) ? (
          <Link href={heldActivityHref} className="work-page__button">
            {t('results.held.link')}
          </Link>
        ) : null
      }
    >
      <LoadState loaded={loaded} failedTitle={t('myWork.loadFailed')}>
        {(data) => <MyWork data={data} user={user} today={today} />}
      </LoadState>
    </PageFrame>
  );
}

/** Whose work this is, in a sentence: the agency, the units, or the whole province. */
function whose(user: User, data: LoadedWork, language: Language, t: Translate): string {
  const agency =
    user.agencyId === null ? undefined : data.agencies.find((entry) => entry.id === user.agencyId);
  const agencyText = agency ? agencyName(agency, language) : user.agencyId ? `#${user.agencyId}` : '';
  const unitOf = namesById(data.units, (unit) => unit.name);
  const unitsText = user.unitIds.map(unitOf).join(', ');
  if (agencyText && unitsText)
    return t('myWork.whoseAgencyAndUnits', { agency: agencyText, units: unitsText });
  if (agencyText) return t('myWork.whoseAgency', { agency: agencyText });
  if (unitsText) return t('myWork.whoseUnits', { units: unitsText });
  return t('myWork.whoseProvince');
}

/** When an activity of a day's list happens: its hours, "all day", or its dates when it spans several. */
function timeOfDay(activity: Activity, timeZone: string, t: Translate): string {
  if (activity.allDay) {
    return activity.start === addDays(activity.end, -1)
      ? t('calendar.allDay')
      : formatActivityTime(activity, timeZone);
  }
  const start = wallClockOf(activity.start, timeZone);
  const end = wallClockOf(activity.end, timeZone);
  return start.date === end.date ? `${start.time} – ${end.time}` : formatActivityTime(activity, timeZone);
}

/** `Thứ Hai, 3/8/2026`, with "today" and "tomorrow" said as such. */
function dayHeading(date: string, today: string, language: Language, t: Translate): string {
  const text = `${weekdayName(date, language)}, ${formatIsoDay(date)}`;
  const offset = daysBetween(today, date);
  if (offset === 0) return t('myWork.today', { day: text });
  if (offset === 1) return t('myWork.tomorrow', { day: text });
  return text;
}

function MyWork({ data, user, today }: { data: LoadedWork; user: User; today: string }) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const { number } = useNumbers();
  const nameOf = useMemo(
    () => namesById(data.agencies, (agency) => agencyName(agency, language)),
    [data.agencies, language],
  );

  // Coming up: grouped by the day each starts, or today for one already under way.
  const days = useMemo(() => {
    const groups = new Map<string, Activity[]>();
    for (const activity of data.upcoming.activities) {
      if (!pending.has(activity.status)) continue;
      const start = startDayOf(activity, timeZone);
      const day = start < today ? today : start;
      groups.set(day, [...(groups.get(day) ?? []), activity]);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  }, [data.upcoming, timeZone, today]);
  const upcomingCount = days.reduce((sum, [, activities]) => sum + activities.length, 0);

  const lateBy = (activity: Activity) => {
    const days = daysBetween(lastDayOf(activity, timeZone), today);
    if (days <= 0) return t('myWork.lateToday');
    return days === 1 ? t('myWork.lateOneDay') : t('myWork.lateDays', { days: number(days) });
  };

  return (
    <>
      <p className="work-page__intro">{whose(user, data, language, t)}</p>

      <section className="work-section" aria-labelledby="my-work-overdue">
        <h3 id="my-work-overdue">{t('myWork.overdue')}</h3>
        <p className="work-page__note">{t('myWork.overdueHint')}</p>
        {data.overdue.activities.length === 0 ? (
          <p>{t('myWork.noOverdue')}</p>
        ) : (
          <ActivityTable
            label={t('myWork.overdueList')}
            activities={data.overdue.activities}
            total={data.overdue.total}
            agencyName={nameOf}
            catalog={data.catalog}
            empty={t('myWork.noOverdue')}
            extra={[
              { label: t('myWork.lateBy'), cell: lateBy, className: 'table__nowrap' },
              {
                label: t('myWork.result'),
                cell: (activity) =>
                  canWriteResult(user, activity) ? (
                    <Link href={resultHref(activity.id)} className="work-page__button">
                      {t('myWork.reportResult')}
                    </Link>
                  ) : null,
              },
            ]}
          />
        )}
      </section>

      <section className="work-section" aria-labelledby="my-work-returned">
        <h3 id="my-work-returned">{t('myWork.returned')}</h3>
        <p className="work-page__note">{t('myWork.returnedHint')}</p>
        {data.returned.activities.length === 0 ? (
          <p>{t('myWork.noReturned')}</p>
        ) : (
          <ActivityTable
            label={t('myWork.returnedList')}
            activities={data.returned.activities}
            total={data.returned.total}
            agencyName={nameOf}
            catalog={data.catalog}
            empty={t('myWork.noReturned')}
            extra={[
              {
                label: t('myWork.reviewNote'),
                cell: (activity) => (
                  <>
                    <span className="work-note">{data.notes.get(activity.id) ?? ''}</span>
                    {canWriteResult(user, activity) ? (
                      <Link href={resultHref(activity.id)} className="work-page__button work-note__link">
                        {t('myWork.fixResult')}
                      </Link>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        )}
      </section>

      {data.awaiting ? (
        <section className="work-section" aria-labelledby="my-work-awaiting">
          <h3 id="my-work-awaiting">{t('myWork.awaiting')}</h3>
          <p className="work-page__note">{t('myWork.awaitingHint')}</p>
          {data.awaiting.activities.length === 0 ? (
            <p>{t('myWork.noAwaiting')}</p>
          ) : (
            <ActivityTable
              label={t('myWork.awaitingList')}
              activities={data.awaiting.activities}
              total={data.awaiting.total}
              agencyName={nameOf}
              catalog={data.catalog}
              empty={t('myWork.noAwaiting')}
              extra={[
                {
                  label: t('myWork.result'),
                  cell: (activity) => (
                    <Link href={resultHref(activity.id)} className="work-page__button">
                      {t('myWork.review')}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </section>
      ) : null}

      <section className="work-section" aria-labelledby="my-work-upcoming">
        <h3 id="my-work-upcoming">{t('myWork.upcoming')}</h3>
        <p className="work-page__note">
          {t('myWork.upcomingHint', {
            days: upcomingDays,
            from: formatIsoDay(today),
            to: formatIsoDay(addDays(today, upcomingDays - 1)),
          })}
        </p>
        {upcomingCount === 0 ? <p>{t('myWork.noUpcoming', { days: upcomingDays })}</p> : null}
        {data.upcoming.total > data.upcoming.activities.length ? (
          <p className="work-page__note">
            {t('myWork.upcomingTruncated', {
              shown: number(data.upcoming.activities.length),
              total: number(data.upcoming.total),
              days: upcomingDays,
            })}
          </p>
        ) : null}
        {upcomingCount > 0 ? (
          <ActivityTable
            label={t('myWork.upcomingList')}
            groups={days.map(([day, activities]) => ({
              key: day,
              title: dayHeading(day, today, language, t),
              activities,
            }))}
            agencyName={nameOf}
            catalog={data.catalog}
            empty={t('myWork.noUpcoming', { days: upcomingDays })}
            time={(activity) => timeOfDay(activity, timeZone, t)}
          />
        ) : null}
      </section>
    </>
  );
}
