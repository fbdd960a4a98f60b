// Pieces that the plan, task, campaign and "my work" screens share: the page frame, a
// progress bar, a task's targets against the planned figures, and a list of activities.
import { type ReactNode, useId } from 'react';
import type { Activity } from '../api/activities';
import type { Catalog } from '../api/catalog';
import type { Task, TaskProgress } from '../api/plans';
import { Link } from '../app/router';
import { useTimeZone } from '../app/timeZone';
import { useLanguage, useT } from '../i18n/context';
import { formatActivityTime } from '../i18n/dates';
import { calendarDayHref, startDayOf, unitText, useNumbers } from '../lib/format';
import { entryName } from '../lib/names';
import { TableRegion } from './Table';
import './work-page.css';

/** One screen: its heading (the page's h2), a way back, links that act on it, and its content. */
export function PageFrame({
  title,
  back,
  actions,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: string } | undefined;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="page work-page" aria-labelledby={id}>
      {back ? (
        <p className="work-page__back">
          <Link href={back.href}>
            <span aria-hidden="true">← </span>
            {back.label}
          </Link>
        </p>
      ) : null}
      <div className="page__head">
        <h2 id={id} className="page__title">
          {title}
        </h2>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * How far `value` has come of `max`, as a bar and in words: the words are what a screen
 * reader says and what a printout keeps. Over 100 % the bar stays full, the words say more.
 */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const t = useT();
  const { number, percent } = useNumbers();
  const id = useId();
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  const words = t('plans.progressText', {
    done: number(value),
    planned: number(max),
    percent: percent(value, max) ?? '—',
  });
  return (
    <div className="progress">
      <span id={id} className="progress__label">
        {label}: {words}
      </span>
      <div
        className="progress__track"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share}
        aria-valuetext={words}
      >
        <div className="progress__fill" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

/** The counts of a task's (or a campaign's) activities: one figure a status that matters. */
export function ActivityCounts({
  counts,
  label,
}: {
  /** `href`: the list of the activities the figure counts. */
  counts: { key: string; label: string; value: number; alert?: boolean; href?: string }[];
  label: string;
}) {
  const { number } = useNumbers();
  return (
    <dl className="activity-counts" aria-label={label}>
      {counts.map((count) => (
        <div
          key={count.key}
          className={
            count.alert && count.value > 0
              ? 'activity-counts__item activity-counts__item--alert'
              : 'activity-counts__item'
          }
          data-count={count.key}
        >
          <dt>{count.label}</dt>
          <dd>{count.href ? <Link href={count.href}>{number(count.value)}</Link> : number(count.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A task's targets, each against the planned figures of its activities that are not
 * cancelled (scheduled) and the figures of their logged results (achieved); the share is
 * what was achieved.
 */
export function TargetsTable({
  task,
  progress,
  catalog,
  caption,
}: {
  task: Pick<Task, 'targets'>;
  progress: TaskProgress | undefined;
  catalog: Catalog;
  caption?: string;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { number, percent } = useNumbers();
  if (task.targets.length === 0) return <p className="muted work-page__none">{t('plans.noTargets')}</p>;
  const indicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  return (
    <table className="table table--compact table--stack targets-table">
      {caption ? <caption className="table__caption">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t('plans.indicator')}</th>
          <th scope="col">{t('plans.target')}</th>
          <th scope="col">{t('plans.scheduled')}</th>
          <th scope="col">{t('plans.achieved')}</th>
          <th scope="col">{t('plans.share')}</th>
        </tr>
      </thead>
      <tbody>
        {task.targets.map((target) => {
          const indicator = indicators.get(target.indicatorCode);
          const standing = progress?.targets.find((entry) => entry.indicatorCode === target.indicatorCode);
          const scheduled = standing?.scheduled ?? 0;
          const achieved = standing?.achieved ?? 0;
          const unit = indicator ? unitText(indicator, t) : '';
          const share = percent(achieved, target.value);
          const width = target.value > 0 ? Math.min(100, Math.round((achieved / target.value) * 100)) : 0;
          return (
            <tr key={target.indicatorCode} data-indicator={target.indicatorCode}>
              <th scope="row">
                {indicator ? entryName(indicator, language) : target.indicatorCode}
                {indicator?.aggregation === 'max' ? (
                  <span className="table__sub">{t('plans.notSummed')}</span>
                ) : null}
              </th>
              <td data-label={t('plans.target')} className="targets-table__number">
                {number(target.value)}
                {unit ? ` ${unit}` : ''}
              </td>
              <td data-label={t('plans.scheduled')} className="targets-table__number">
                {number(scheduled)}
              </td>
              <td data-label={t('plans.achieved')} className="targets-table__number">
                {number(achieved)}
              </td>
              <td data-label={t('plans.share')} className="targets-table__share">
                <span>{share ?? '—'}</span>
                <span className="targets-table__meter" aria-hidden="true">
                  <span className="targets-table__meter-fill" style={{ width: `${width}%` }} />
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** An activity's status, and "overdue" in words beside it: never colour alone. */
export function StatusChips({ activity }: { activity: Pick<Activity, 'status' | 'overdue'> }) {
  const t = useT();
  return (
    <>
      <span className={`status-chip status--${activity.status}`}>{t(`status.${activity.status}`)}</span>
      {activity.overdue ? (
        <span className="status-chip status--overdue" title={t('calendar.overdueHint')}>
          {t('calendar.overdue')}
        </span>
      ) : null}
    </>
  );
}

/** A run of activities under a heading of their own (a day), inside one table. */
export type ActivityGroup = { key: string; title: string; activities: readonly Activity[] };

/** An extra column of an activity table: its heading, which also labels its cells on a phone. */
export type ActivityColumn = { label: string; cell: (activity: Activity) => ReactNode; className?: string };

/**
 * Activities as a table (a card a row on a phone), in start order: what, when, who leads,
 * how it stands. The title opens the calendar on its day. `groups` puts them under headings
 * (days) in one table, so that columns line up from one group to the next; `extra` adds a
 * screen's own columns; `time` says when in the screen's own words.
 */
export function ActivityTable({
  label,
  activities = [],
  groups,
  total,
  agencyName,
  catalog,
  empty,
  extra = [],
  time,
}: {
  label: string;
  activities?: readonly Activity[];
  groups?: readonly ActivityGroup[];
  /** How many match in all, when the list holds only the first of them. */
  total?: number;
  agencyName: (id: number) => string;
  catalog: Catalog | undefined;
  empty: string;
  extra?: ActivityColumn[];
  time?: (activity: Activity) => string;
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const { number } = useNumbers();
  const types = new Map((catalog?.activityTypes ?? []).map((type) => [type.code, entryName(type, language)]));
  const sets: readonly ActivityGroup[] = groups ?? [{ key: 'all', title: '', activities }];
  const shown = sets.reduce((sum, group) => sum + group.activities.length, 0);
  const caption =
    total !== undefined && total > shown
      ? t('plans.activitiesShown', { shown: number(shown), total: number(total) })
      : t('plans.activitiesCount', { count: number(shown) });
  const columns: ActivityColumn[] = [
    {
      label: t('activity.when'),
      cell: (activity) => (time ?? ((entry) => formatActivityTime(entry, timeZone)))(activity),
      className: 'table__nowrap',
    },
    { label: t('activity.lead'), cell: (activity) => agencyName(activity.leadAgencyId) },
    {
      label: t('activity.status'),
      cell: (activity) => (
        <>
          <StatusChips activity={activity} />
          {activity.statusNote ? <span className="table__sub">{activity.statusNote}</span> : null}
        </>
      ),
    },
    ...extra,
  ];

  return (
    <TableRegion label={label}>
      <table className="table table--stack activity-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.activity')}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {sets.map((group) => (
          <tbody key={group.key}>
            {group.title ? (
              <tr className="activity-table__group">
                <th scope="rowgroup" colSpan={columns.length + 1}>
                  {group.title}
                </th>
              </tr>
            ) : null}
            {group.activities.map((activity) => (
              <tr
                key={activity.id}
                className={activity.overdue ? 'activity-row--overdue' : undefined}
                data-activity={activity.id}
              >
                <th scope="row">
                  <Link href={calendarDayHref(startDayOf(activity, timeZone))}>{activity.title}</Link>
                  <span className="table__sub">{types.get(activity.typeCode) ?? activity.typeCode}</span>
                </th>
                {columns.map((column) => (
                  <td key={column.label} data-label={column.label} className={column.className}>
                    {column.cell(activity)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {shown === 0 ? <p className="table__empty">{empty}</p> : null}
    </TableRegion>
  );
}
