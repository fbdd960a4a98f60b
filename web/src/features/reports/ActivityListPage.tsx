// The activities behind a figure of the reports or of a plan's progress (issue 12): the
// address holds the figure's own query (period, filters, basis, the figure, a row), the
// server selects with the figure's own conditions, and the page sorts, pages and exports
// that list. The heading says in words which figure it is.
import { useCallback, useState } from 'react';
import type { Activity } from '../../api/activities';
import {
  type CountedParams,
  type CountedSort,
  countedExportHref,
  listCountedActivities,
  readCountedParams,
} from '../../api/activity-lists';
import { listAgencies } from '../../api/agencies';
import { listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { getPlan, getTask } from '../../api/plans';
import { listUnits } from '../../api/units';
import { Link } from '../../app/router';
import { useTimeZone } from '../../app/timeZone';
import { StatusChips } from '../../components/ActivityParts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/form';
import { Loading } from '../../components/Loading';
import { TableRegion } from '../../components/Table';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { formatActivityTime, formatIsoDay } from '../../i18n/dates';
import { periodText, planTitle, startDayOf, taskTitle, useNumbers } from '../../lib/format';
import { agencyName, entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import '../../components/work-page.css';
import './reports.css';

/** Rows a page shows: the server's default. */
const PAGE = 50;

/** The names the heading and the rows need: every agency and unit, past ones too. */
async function loadNames(params: CountedParams, signal: AbortSignal) {
  const [agencies, units, catalog, campaigns, plan, task] = await Promise.all([
    listAgencies({ signal }),
    listUnits({ signal }),
    getCatalog(signal),
    listCampaigns(signal),
    params.planId ? getPlan(params.planId, signal) : Promise.resolve(null),
    params.taskId ? getTask(params.taskId, signal) : Promise.resolve(null),
  ]);
  return { agencies, units, catalog, campaigns, plan, task };
}
type Names = Awaited<ReturnType<typeof loadNames>>;

/** The list's address changes in place: a sort or a page is not a new screen to go back from. */
function writeAddress(params: CountedParams, offset: number): void {
  const search = new URLSearchParams(window.location.search);
  for (const name of ['sort', 'order', 'offset'] as const) search.delete(name);
  if (params.sort) search.set('sort', params.sort);
  if (params.order) search.set('order', params.order);
  if (offset > 0) search.set('offset', String(offset));
  window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
}

export function ActivityListPage() {
  const t = useT();
  const [initial] = useState(() => readCountedParams(window.location.search));
  if (initial === null) {
    return (
      <section className="page activity-list-page" aria-labelledby="list-title">
        <h2 id="list-title" className="page__title">
          {t('list.title')}
        </h2>
        <p className="notice notice--error" role="alert">
          {t('list.badAddress')}
        </p>
        <Link href="/reports">{t('list.back')}</Link>
      </section>
    );
  }
  return <CountedList initial={initial.params} initialOffset={initial.offset} />;
}

function CountedList({ initial, initialOffset }: { initial: CountedParams; initialOffset: number }) {
  const t = useT();
  const { number } = useNumbers();
  const [params, setParams] = useState(initial);
  const [offset, setOffset] = useState(initialOffset);
  const namesLoad = useCallback((signal: AbortSignal) => loadNames(initial, signal), [initial]);
  const names = useLoad(['counted-names', initial.planId, initial.taskId], namesLoad);
  const pageLoad = useCallback(
    (signal: AbortSignal) => listCountedActivities(params, { limit: PAGE, offset }, signal),
    [params, offset],
  );
  const page = useLoad(['counted', params, offset], pageLoad);

  const sortBy = (column: CountedSort) => {
    const current = params.sort ?? 'date';
    const order = current === column && (params.order ?? 'asc') === 'asc' ? 'desc' : 'asc';
    const next: CountedParams = { ...params, sort: column, order };
    setParams(next);
    setOffset(0);
    writeAddress(next, 0);
  };
  const goTo = (next: number) => {
    setOffset(next);
    writeAddress(params, next);
  };
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const back = params.planId
    ? `/plans/${params.planId}`
    : params.taskId && !params.startDate
      ? `/tasks/${params.taskId}`
      : reportsHref(params);

  return (
    <section className="page activity-list-page" aria-labelledby="list-title">
      <div className="page__head">
        <h2 id="list-title" className="page__title">
          {t('list.title')}
        </h2>
        <div className="page__actions">
          <Link href={back} className="button button--secondary">
            {t('list.back')}
          </Link>
        </div>
      </div>
      <ListHeading params={params} names={names.data} total={page.data?.total} />
      <nav className="report-exports" aria-label={t('list.export')}>
        <span className="report-exports__title">{t('list.export')}</span>
        <ul className="report-exports__links">
          {(['xlsx', 'csv'] as const).map((format) => (
            <li key={format}>
              <a
                className="work-page__button"
                href={countedExportHref(format, params)}
                download
                data-format={format}
              >
                {t(`list.export.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page.error ? (
        <ErrorAlert title={t('list.loadFailed')} error={page.error} onRetry={page.reload} />
      ) : null}
      {names.error ? (
        <ErrorAlert title={t('list.loadFailed')} error={names.error} onRetry={names.reload} />
      ) : null}
      {page.data ? (
        <>
          <div className="activity-list__phone-sort">
            <SelectField
              label={t('list.sortBy', { column: '' }).trim()}
              value={`${params.sort ?? 'date'}:${params.order ?? 'asc'}`}
              onChange={(value) => {
                const [column, order] = value.split(':');
                const sort = columns.find((entry) => entry === column) ?? 'date';
                const next: CountedParams = { ...params, sort, order: order === 'desc' ? 'desc' : 'asc' };
                setParams(next);
                setOffset(0);
                writeAddress(next, 0);
              }}
            >
              {columns.flatMap((column) =>
                (['asc', 'desc'] as const).map((order) => (
                  <option key={`${column}:${order}`} value={`${column}:${order}`}>
                    {t(`list.col.${column}`)} {order === 'asc' ? '▲' : '▼'}
                  </option>
                )),
              )}
            </SelectField>
          </div>
          <CountedTable
            activities={page.data.activities}
            names={names.data}
            sort={params.sort ?? 'date'}
            order={params.order ?? 'asc'}
            busy={page.loading}
            onSort={sortBy}
          />
          {total > 0 ? (
            <nav className="activity-list__paging" aria-label={t('list.paging')}>
              <p className="activity-list__showing" role="status">
                {t('list.showing', {
                  from: number(offset + 1),
                  to: number(Math.min(total, offset + page.data.activities.length)),
                  total: number(total),
                })}
              </p>
              {pages > 1 ? (
                <div className="activity-list__pages">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={offset === 0}
                    onClick={() => goTo(Math.max(0, offset - PAGE))}
                  >
                    {t('list.previous')}
                  </button>
                  <span>{t('list.page', { page: number(offset / PAGE + 1), pages: number(pages) })}</span>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={offset + PAGE >= total}
                    onClick={() => goTo(offset + PAGE)}
                  >
                    {t('list.next')}
                  </button>
                </div>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : page.error ? null : (
        <Loading />
      )}
    </section>
  );
}

/** Back to the reports page this list came from: its period and filters. */
function reportsHref(params: CountedParams): string {
  const search = new URLSearchParams();
  const kept = [
    'startDate',
    'endDate',
    'agencyId',
    'unitId',
    'campaignId',
    'taskId',
    'typeCode',
    'channelCode',
    'targetGroupCode',
    'status',
    'acceptedOnly',
    'rollUpTo',
  ] as const;
  for (const name of kept) {
    const value = params[name];
    if (value !== undefined) search.set(name, String(value));
  }
  return `/reports?${search}`;
}

/** What the list is: the figure, the period, each filter and the basis, in words. */
function ListHeading({
  params,
  names,
  total,
}: {
  params: CountedParams;
  names: Names | undefined;
  total: number | undefined;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const indicator = names?.catalog.indicators.find((entry) => entry.code === params.indicator);
  const figure = params.indicator
    ? t('list.figure.indicator', {
        indicator: indicator ? entryName(indicator, language) : params.indicator,
      })
    : t(`list.figure.${params.figure ?? 'activities'}`);
  const parts = scopeParts(params, names, language, t);
  return (
    <div className="report-scope activity-list__scope" data-scope="list">
      <p className="activity-list__figure" data-figure-title>
        {figure}
        {total !== undefined ? (
          <strong className="activity-list__count" data-count>
            {' '}
            {t('list.count', { count: number(total) })}
          </strong>
        ) : null}
      </p>
      <p className="report-scope__period">
        {params.startDate && params.endDate
          ? t('list.period', { period: periodText(params.startDate, params.endDate) })
          : t('list.wholePlan')}
      </p>
      {parts.length > 0 ? (
        <ul className="report-scope__filters" aria-label={t('reports.filters.applied')}>
          {parts.map((part) => (
            <li key={part}>{part}</li>
          ))}
        </ul>
      ) : (
        <p className="report-scope__filters">{t('reports.filters.noneApplied')}</p>
      )}
    </div>
  );
}

/** Each filter, the row and the basis of the list, as the reports page words them. */
function scopeParts(
  params: CountedParams,
  names: Names | undefined,
  language: Language,
  t: Translate,
): string[] {
  const parts: string[] = [];
  const catalogName = (
    entries: { code: string; name: string; nameEn: string }[] | undefined,
    code: string,
  ) => {
    const entry = entries?.find((item) => item.code === code);
    return entry ? entryName(entry, language) : code;
  };
  const agency = (id: number) => {
    const found = names?.agencies.find((entry) => entry.id === id);
    return found ? agencyName(found, language) : `#${id}`;
  };
  if (params.planId) {
    parts.push(
      `${t('reports.plan.title')}: ${names?.plan ? planTitle(names.plan, language) : `#${params.planId}`}`,
    );
  }
  if (params.taskId) {
    const task = names?.task;
    parts.push(
      `${t('calendar.filter.taskId')}: ${task ? `${task.code}. ${taskTitle(task, language)}` : `#${params.taskId}`}`,
    );
  }
  if (params.agencyId) parts.push(`${t('calendar.filter.agencyId')}: ${agency(params.agencyId)}`);
  if (params.unitId) {
    const unit = names?.units.find((entry) => entry.id === params.unitId);
    parts.push(`${t('calendar.filter.unitId')}: ${unit?.name ?? `#${params.unitId}`}`);
  }
  if (params.campaignId) {
    const campaign = names?.campaigns.find((entry) => entry.id === params.campaignId);
    parts.push(`${t('calendar.filter.campaignId')}: ${campaign?.name ?? `#${params.campaignId}`}`);
  }
  if (params.typeCode) {
    parts.push(
      `${t('calendar.filter.typeCode')}: ${catalogName(names?.catalog.activityTypes, params.typeCode)}`,
    );
  }
  if (params.channelCode) {
    parts.push(
      `${t('calendar.filter.channelCode')}: ${catalogName(names?.catalog.channels, params.channelCode)}`,
    );
  }
  if (params.targetGroupCode) {
    parts.push(
      `${t('calendar.filter.targetGroupCode')}: ${catalogName(names?.catalog.targetGroups, params.targetGroupCode)}`,
    );
  }
  if (params.status) parts.push(`${t('calendar.filter.status')}: ${t(`status.${params.status}`)}`);
  if (params.groupBy && params.key)
    parts.push(t('list.row', { row: rowLabel(params.groupBy, params.key, names, language, t) }));
  if (params.acceptedOnly === 'true') parts.push(t('list.acceptedOnly'));
  if (params.rollUpTo) parts.push(t('list.rollUp', { date: formatIsoDay(params.rollUpTo) }));
  return parts;
}

/** A summary row's key in words: `2025-07` the month, `4+9` the agencies, a code its name. */
function rowLabel(
  groupBy: NonNullable<CountedParams['groupBy']>,
  key: string,
  names: Names | undefined,
  language: Language,
  t: Translate,
): string {
  if (key === 'none') {
    return groupBy === 'channel'
      ? t('reports.chart.noChannel')
      : groupBy === 'targetGroup'
        ? t('reports.chart.noTargetGroup')
        : t('list.everywhere');
  }
  const catalog = names?.catalog;
  const coded = (entries: { code: string; name: string; nameEn: string }[] | undefined) => {
    const entry = entries?.find((item) => item.code === key);
    return entry ? entryName(entry, language) : key;
  };
  switch (groupBy) {
    case 'month':
      return t('reports.chart.month', { month: Number(key.slice(5, 7)), year: key.slice(0, 4) });
    case 'type':
      return coded(catalog?.activityTypes);
    case 'channel':
      return coded(catalog?.channels);
    case 'targetGroup':
      return coded(catalog?.targetGroups);
    case 'agency':
      return key
        .split('+')
        .map((id) => {
          const agency = names?.agencies.find((entry) => String(entry.id) === id);
          return agency ? agencyName(agency, language) : `#${id}`;
        })
        .join(', ');
    case 'unit':
      return names?.units.find((entry) => String(entry.id) === key)?.name ?? key;
    case 'campaign':
      return names?.campaigns.find((entry) => String(entry.id) === key)?.name ?? key;
    case 'task':
      return key;
  }
}

const columns: readonly CountedSort[] = ['date', 'title', 'type', 'lead', 'unit', 'status', 'result'];

/** Where a row leads: the calendar on the activity's day with its details open. */
function activityHref(activity: Activity, timeZone: string): string {
  return `/?${new URLSearchParams({ date: startDayOf(activity, timeZone), view: 'list', activity: String(activity.id) })}`;
}

function CountedTable({
  activities,
  names,
  sort,
  order,
  busy,
  onSort,
}: {
  activities: readonly Activity[];
  names: Names | undefined;
  sort: CountedSort;
  order: 'asc' | 'desc';
  busy: boolean;
  onSort: (column: CountedSort) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const types = new Map(
    (names?.catalog.activityTypes ?? []).map((type) => [type.code, entryName(type, language)]),
  );
  const agencies = new Map(
    (names?.agencies ?? []).map((agency) => [agency.id, agencyName(agency, language)]),
  );
  const units = new Map((names?.units ?? []).map((unit) => [unit.id, unit.name]));
  const label = (column: CountedSort) => t(`list.col.${column}`);
  const cell = (column: CountedSort, activity: Activity) => {
    switch (column) {
      case 'date':
        return formatActivityTime(activity, timeZone);
      case 'title':
        return (
          <Link href={activityHref(activity, timeZone)} className="activity-list__title">
            {activity.title}
          </Link>
        );
      case 'type':
        return types.get(activity.typeCode) ?? activity.typeCode;
      case 'lead':
        return agencies.get(activity.leadAgencyId) ?? `#${activity.leadAgencyId}`;
      case 'unit':
        return activity.unitIds.length === 0
          ? t('list.everywhere')
          : activity.unitIds.map((id) => units.get(id) ?? `#${id}`).join(', ');
      case 'status':
        return <StatusChips activity={activity} />;
      case 'result':
        return activity.resultStatus ? t(`results.status.${activity.resultStatus}`) : t('list.result.none');
    }
  };
  return (
    <TableRegion label={t('list.tableLabel')}>
      <table className="table table--stack activity-list" aria-busy={busy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                data-column={column}
                aria-sort={sort === column ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  className="activity-list__sort"
                  aria-label={t('list.sortBy', { column: label(column) })}
                  onClick={() => onSort(column)}
                >
                  {label(column)}
                  <span aria-hidden="true" className="activity-list__arrow">
                    {sort === column ? (order === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => (
            <tr key={activity.id} data-activity={activity.id}>
              {columns.map((column) =>
                column === 'title' ? (
                  <th key={column} scope="row" data-label={label(column)}>
                    {cell(column, activity)}
                  </th>
                ) : (
                  <td key={column} data-label={label(column)} data-column={column}>
                    {cell(column, activity)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {activities.length === 0 ? <p className="table__empty">{t('list.none')}</p> : null}
    </TableRegion>
  );
}
