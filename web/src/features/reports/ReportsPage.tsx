// The reports dashboard: a period (the official half-year by default) and the calendar's
// filters, all in the address; the period's totals, charts by month, type, channel, agency
// and target group that lead to the activities behind each bar, the progress of the plan
// of the period, the coverage of communes and wards, and the report as Word, Excel or CSV.
import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ActivityFilters, activityFilterNames, activityStatuses } from '../../api/activities';
import { type Agency, listAgencies } from '../../api/agencies';
import { listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { listPlans, listTasks, type Plan } from '../../api/plans';
import { createReport } from '../../api/report-records';
import {
  type CoverageBy,
  exportFormats,
  getReportPeriods,
  getSummary,
  type ReportQuery,
  reportExportHref,
  type Summary,
} from '../../api/reports';
import { listUnits } from '../../api/units';
import { actsProvinceWide, canComposeReport } from '../../app/permissions';
import { Link, navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField } from '../../components/form';
import { Loading } from '../../components/Loading';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { formatIsoDay, todayIn } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/vi';
import { daysBetween, periodText, planTitle, taskTitle } from '../../lib/format';
import { agencyName, byName, entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { monthsOf } from '../media/period';
import {
  type FilterName,
  type ReportTab,
  readReportAddress,
  reportTabs,
  writeReportAddress,
} from './address';
import { CoverageSection } from './Coverage';
import { BarChart, type ChartRow, Headline } from './charts';
import { reportFigureHref } from './links';
import { type Period, PeriodChooser } from './PeriodChooser';
import { PlanProgressSection } from './PlanProgress';
import { type Option, ReportFilters } from './ReportFilters';
import '../../components/work-page.css';
import './reports.css';

// ---------------------------------------------------------------- what the page needs once

async function loadChoices(signal: AbortSignal) {
  const [agencies, units, campaigns, plans, catalog] = await Promise.all([
    // Every agency and unit, past ones too: a report of an earlier period names them.
    listAgencies({ signal }),
    listUnits({ signal }),
    listCampaigns(signal),
    listPlans(signal),
    getCatalog(signal),
  ]);
  const tasks = new Map(
    await Promise.all(plans.map(async (plan) => [plan.id, await listTasks(plan.id, signal)] as const)),
  );
  return { agencies, units, campaigns, plans, tasks, catalog };
}
type Choices = Awaited<ReturnType<typeof loadChoices>>;

/** The filters' options: agencies and units in force at some time in the period, as the calendar words them. */
function optionsOf(
  choices: Choices | undefined,
  period: Period | null,
  language: Language,
  t: Translate,
): Record<FilterName, Option[]> {
  const inPeriod = (record: { validFrom: string | null; validTo: string | null }) =>
    period
      ? (!record.validFrom || record.validFrom <= period.endDate) &&
        (!record.validTo || record.validTo >= period.startDate)
      : true;
  const translated = (entry: { code: string; name: string; nameEn: string }) => ({
    value: entry.code,
    label: entryName(entry, language),
  });
  return {
    agencyId: (choices?.agencies ?? [])
      .filter(inPeriod)
      .sort(byName)
      .map((agency) => ({ value: String(agency.id), label: agencyName(agency, language) })),
    unitId: (choices?.units ?? [])
      .filter(inPeriod)
      .sort(byName)
      .map((unit) => ({ value: String(unit.id), label: unit.name })),
    campaignId: (choices?.campaigns ?? []).map((campaign) => ({
      value: String(campaign.id),
      label: campaign.name,
    })),
    taskId: (choices?.plans ?? []).flatMap((plan) =>
      (choices?.tasks.get(plan.id) ?? []).map((task) => ({
        value: String(task.id),
        label: `${task.code}. ${taskTitle(task, language)}`,
        group: planTitle(plan, language),
      })),
    ),
    typeCode: (choices?.catalog.activityTypes ?? []).map(translated),
    channelCode: (choices?.catalog.channels ?? []).map(translated),
    targetGroupCode: (choices?.catalog.targetGroups ?? []).map(translated),
    status: activityStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
  };
}

// ---------------------------------------------------------------- the report's figures

const chartGroupings = ['month', 'type', 'channel', 'agency', 'targetGroup'] as const;
type ChartGrouping = (typeof chartGroupings)[number];

/** Each chart's summary, with the query they answer: links are built from what is shown. */
async function loadReport(query: ReportQuery, signal: AbortSignal) {
  const summaries = await Promise.all(chartGroupings.map((groupBy) => getSummary(query, groupBy, signal)));
  const byGrouping = Object.fromEntries(
    chartGroupings.map((groupBy, index) => [groupBy, summaries[index]]),
  ) as Record<ChartGrouping, Summary>;
  return { query, summaries: byGrouping };
}
type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

/** A summary's rows as bars, labelled in the interface's language, each leading to its activities. */
function chartRows(
  groupBy: ChartGrouping,
  summary: Summary,
  query: ReportQuery,
  choices: Choices | undefined,
  language: Language,
  t: Translate,
): ChartRow[] {
  if (groupBy === 'month') {
    const byKey = new Map(summary.rows.map((row) => [row.key, row]));
    // Every month of the period: a month with no activity is a bar of zero, not a missing one.
    return monthsOf(query).map((key) => {
      const row = byKey.get(key);
      return {
        key,
        label: t('reports.chart.month', { month: Number(key.slice(5, 7)), year: key.slice(0, 4) }),
        activities: row?.activities ?? 0,
        done: row?.done ?? 0,
        values: row?.values ?? {},
        href: reportFigureHref(query, { groupBy: 'month', key }),
      };
    });
  }
  const catalog = choices?.catalog;
  const entries =
    groupBy === 'type'
      ? catalog?.activityTypes
      : groupBy === 'channel'
        ? catalog?.channels
        : groupBy === 'targetGroup'
          ? catalog?.targetGroups
          : undefined;
  const named = new Map((entries ?? []).map((entry) => [entry.code, entryName(entry, language)]));
  const agencies = new Map((choices?.agencies ?? []).map((agency) => [String(agency.id), agency]));
  const none: Partial<Record<ChartGrouping, string>> = {
    channel: t('reports.chart.noChannel'),
    targetGroup: t('reports.chart.noTargetGroup'),
  };
  const labelOf = (key: string, label: string) => {
    if (key === 'none') return none[groupBy] ?? label;
    if (groupBy === 'agency') {
      const ids = key.split('+');
      const names = ids.map((id) => agencies.get(id));
      return names.every((agency) => agency !== undefined)
        ? names.map((agency) => agencyName(agency as Agency, language)).join(', ')
        : label;
    }
    return named.get(key) ?? label;
  };
  return summary.rows
    .map((row) => ({
      ...row,
      label: labelOf(row.key, row.label),
      // The row's own key: the server selects its activities as the summary grouped them.
      href: reportFigureHref(query, { groupBy, key: row.key }),
    }))
    .sort((a, b) => {
      if (a.key === 'none' || b.key === 'none') return a.key === 'none' ? 1 : -1;
      return b.activities - a.activities || a.label.localeCompare(b.label, language);
    });
}

/** The plans that run during the period, the one that covers most of it first. */
function plansOf(plans: readonly Plan[], period: Period): Plan[] {
  // ISO dates sort as text: the later start and the earlier end bound what they share.
  const shared = (plan: Plan) =>
    daysBetween(
      [plan.startDate, period.startDate].sort()[1] ?? plan.startDate,
      [plan.endDate, period.endDate].sort()[0] ?? plan.endDate,
    );
  return plans
    .filter((plan) => plan.startDate <= period.endDate && plan.endDate >= period.startDate)
    .sort((a, b) => shared(b) - shared(a));
}

// ---------------------------------------------------------------- the page

function isPhone(): boolean {
  return window.matchMedia('(max-width: 600px)').matches;
}

export function ReportsPage() {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const today = todayIn(timeZone);
  const [initial] = useState(() => ({ ...readReportAddress(), phone: isPhone() }));

  const [period, setPeriod] = useState<Period | null>(
    initial.startDate && initial.endDate ? { startDate: initial.startDate, endDate: initial.endDate } : null,
  );
  const [year, setYear] = useState(() => Number((initial.endDate ?? today).slice(0, 4)));
  /** After the year changes: the kind of period to show in the new year, once its periods arrive. */
  const [wantedCode, setWantedCode] = useState<string | null>(null);
  const [filters, setFilters] = useState<ActivityFilters>(initial.filters);
  const [acceptedOnly, setAcceptedOnly] = useState(initial.acceptedOnly);
  const [rollUpTo, setRollUpTo] = useState(initial.rollUpTo);
  const [planId, setPlanId] = useState(initial.planId);
  const [coverageBy, setCoverageBy] = useState<CoverageBy>(initial.coverageBy);
  const [tab, setTab] = useState<ReportTab>(initial.tab);

  const loadPeriods = useCallback((signal: AbortSignal) => getReportPeriods(year, signal), [year]);
  const periods = useLoad(['report-periods', year], loadPeriods);
  const choices = useLoad(['report-choices'], loadChoices);

  const choosePeriod = useCallback((next: Period) => {
    setPeriod(next);
    setYear(Number(next.endDate.slice(0, 4)));
    writeReportAddress({ startDate: next.startDate, endDate: next.endDate });
  }, []);

  // The periods of a year arrive after it is chosen: then the default period (the official
  // half-year or year that holds today), or the same kind of period as before in the new year.
  useEffect(() => {
    const data = periods.data;
    if (!data || data.year !== year) return;
    if (period === null) {
      const holdsToday = (kind: string) =>
        data.items.find((item) => item.kind === kind && item.startDate <= today && today <= item.endDate);
      const found = holdsToday('official-half-year') ?? holdsToday('official-year');
      // After 14/12 today belongs to next year's official year.
      if (!found && year === Number(today.slice(0, 4))) setYear(year + 1);
      else {
        const fallback = found ?? data.items.find((item) => item.kind === 'official-year');
        if (fallback) choosePeriod(fallback);
      }
      return;
    }
    if (wantedCode !== null) {
      setWantedCode(null);
      const match = data.items.find((item) => item.code === wantedCode);
      if (match) choosePeriod(match);
    }
  }, [periods.data, year, period, wantedCode, today, choosePeriod]);

  const chooseYear = (next: number) => {
    const current = periods.data?.items.find(
      (item) => item.startDate === period?.startDate && item.endDate === period?.endDate,
    );
    setWantedCode(current?.code ?? 'official-year');
    setYear(next);
  };

  const setFilter = (name: FilterName, value: string) => {
    setFilters((previous) => {
      const next = { ...previous };
      if (value) next[name] = value;
      else delete next[name];
      return next;
    });
    writeReportAddress({ [name]: value || undefined });
  };
  const chooseAcceptedOnly = (on: boolean) => {
    setAcceptedOnly(on);
    writeReportAddress({ acceptedOnly: on ? 'true' : undefined });
  };
  const chooseRollUp = (on: boolean) => {
    const date = on ? today : undefined;
    setRollUpTo(date);
    writeReportAddress({ rollUpTo: date });
  };
  const clearFilters = () => {
    setFilters({});
    setAcceptedOnly(false);
    setRollUpTo(undefined);
    writeReportAddress({
      ...Object.fromEntries(activityFilterNames.map((name) => [name, undefined])),
      acceptedOnly: undefined,
      rollUpTo: undefined,
    });
  };
  const choosePlan = (id: number) => {
    setPlanId(id);
    writeReportAddress({ planId: String(id) });
  };
  const chooseTab = (next: ReportTab) => {
    setTab(next);
    writeReportAddress({ tab: next === 'overview' ? undefined : next });
  };
  const chooseCoverageBy = (by: CoverageBy) => {
    setCoverageBy(by);
    writeReportAddress({ coverageBy: by === 'channel' ? by : undefined });
  };

  const query = useMemo<ReportQuery | null>(
    () => (period ? { ...period, filters, acceptedOnly, rollUpTo } : null),
    [period, filters, acceptedOnly, rollUpTo],
  );
  const load = useCallback(
    (signal: AbortSignal) => (query ? loadReport(query, signal) : Promise.resolve(null)),
    [query],
  );
  const report = useLoad(['report', query], load);

  const options = useMemo(
    () => optionsOf(choices.data, period, language, t),
    [choices.data, period, language, t],
  );
  const thisYear = Number(today.slice(0, 4));
  const years = useMemo(() => {
    const first = Math.min(thisYear - 5, year);
    const last = Math.max(thisYear + 1, year);
    return Array.from({ length: last - first + 1 }, (_, index) => last - index);
  }, [thisYear, year]);

  return (
    <section className="page report-page" aria-labelledby="reports-title">
      <div className="page__head">
        <h2 id="reports-title" className="page__title">
          {t('reports.title')}
        </h2>
        <div className="page__actions report-page__print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        </div>
      </div>
      <p className="page__intro report-page__intro">{t('reports.intro')}</p>

      <div className="report-controls">
        {periods.error ? (
          <ErrorAlert title={t('reports.period.loadFailed')} error={periods.error} onRetry={periods.reload} />
        ) : null}
        <PeriodChooser
          year={year}
          years={years}
          periods={periods}
          period={period}
          onYear={chooseYear}
          onPeriod={choosePeriod}
        />
        {choices.error ? (
          <ErrorAlert
            title={t('reports.filters.loadFailed')}
            error={choices.error}
            onRetry={choices.reload}
          />
        ) : null}
        <ReportFilters
          filters={filters}
          options={options}
          acceptedOnly={acceptedOnly}
          rollUpTo={rollUpTo}
          // Closed unless the address sets a filter: the overview's figures come first on a screen.
          open={!initial.phone && (Object.keys(initial.filters).length > 0 || initial.rollUpTo !== undefined)}
          onFilter={setFilter}
          onRollUp={chooseRollUp}
          onClear={clearFilters}
        />
      </div>

      <div className="report-basis">
        {query ? <Scope query={query} options={options} /> : null}
        <div className="report-basis__switch">
          <CheckboxField
            label={t('reports.filters.acceptedOnly')}
            checked={acceptedOnly}
            onChange={chooseAcceptedOnly}
          />
        </div>
      </div>

      {report.error ? (
        <ErrorAlert title={t('reports.loadFailed')} error={report.error} onRetry={report.reload} />
      ) : null}

      <ReportTabs selected={tab} onSelect={chooseTab}>
        {(part) => {
          switch (part) {
            case 'overview':
              return report.data ? (
                <Overview busy={report.loading} report={report.data} />
              ) : report.error ? null : (
                <Loading />
              );
            case 'charts':
              return report.data ? (
                <ReportBody busy={report.loading} report={report.data} choices={choices.data} />
              ) : report.error ? null : (
                <Loading />
              );
            case 'plan':
              return period && choices.data ? (
                <PlanProgressSection
                  plans={plansOf(choices.data.plans, period)}
                  planId={planId}
                  tasksOf={(id) => choices.data?.tasks.get(id) ?? []}
                  catalog={choices.data.catalog}
                  onPlan={choosePlan}
                />
              ) : (
                <Loading />
              );
            case 'coverage':
              return period ? (
                <CoverageSection
                  period={period}
                  by={coverageBy}
                  onBy={chooseCoverageBy}
                  agencyName={(id) => {
                    const agency = choices.data?.agencies.find((entry) => entry.id === id);
                    return agency ? agencyName(agency, language) : undefined;
                  }}
                />
              ) : null;
            case 'documents':
              return query ? (
                <>
                  <ExportLinks query={query} />
                  <ComposeReport query={query} />
                </>
              ) : null;
          }
        }}
      </ReportTabs>
    </section>
  );
}

/** What the report covers, in words: the period and each filter, as a printout must say. */
function Scope({ query, options }: { query: ReportQuery; options: Record<FilterName, Option[]> }) {
  const t = useT();
  const parts: ReactNode[] = [];
  for (const name of activityFilterNames) {
    const value = query.filters[name];
    if (!value) continue;
    const label = options[name].find((option) => option.value === value)?.label ?? `#${value}`;
    parts.push(
      <li key={name}>
        {t(`calendar.filter.${name}`)}: {label}
      </li>,
    );
  }
  if (query.acceptedOnly) parts.push(<li key="acceptedOnly">{t('reports.filters.acceptedOnly')}</li>);
  if (query.rollUpTo) {
    parts.push(
      <li key="rollUpTo">{t('reports.filters.rollUpHint', { date: formatIsoDay(query.rollUpTo) })}</li>,
    );
  }
  return (
    <div className="report-scope" data-scope="period">
      <p className="report-scope__period">
        {t('reports.period', { period: periodText(query.startDate, query.endDate) })}
      </p>
      {parts.length > 0 ? (
        <ul className="report-scope__filters" aria-label={t('reports.filters.applied')}>
          {parts}
        </ul>
      ) : (
        <p className="report-scope__filters">{t('reports.filters.noneApplied')}</p>
      )}
    </div>
  );
}

function ExportLinks({ query }: { query: ReportQuery }) {
  const t = useT();
  const labels = {
    docx: t('reports.export.docx'),
    xlsx: t('reports.export.xlsx'),
    csv: t('reports.export.csv'),
  } as const;
  return (
    <nav className="report-exports" aria-label={t('reports.export.title')}>
      <span className="report-exports__title">{t('reports.export.title')}</span>
      <ul className="report-exports__links">
        {exportFormats.map((format) => (
          <li key={format}>
            <a
              className="work-page__button"
              href={reportExportHref(format, query)}
              download
              data-format={format}
            >
              {labels[format]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The report as a document: a draft for this period, composed from the records, to edit and
 * issue (the province's for coordinators, the agency's own for its editor).
 */
function ComposeReport({ query }: { query: ReportQuery }) {
  const t = useT();
  const user = useUser();
  const own = actsProvinceWide(user.role) ? null : user.agencyId;
  const compose = useMutation({
    // A campaign chosen in the filters makes the report that campaign's (the 30/7 peak…).
    mutationFn: () =>
      createReport({
        startDate: query.startDate,
        endDate: query.endDate,
        agencyId: own,
        campaignId: query.filters.campaignId ? Number(query.filters.campaignId) : null,
      }),
    onSuccess: (report) => navigate(`/report-records/${report.id}`),
  });
  const allowed = canComposeReport(user, own);
  return (
    <div className="report-compose">
      {allowed ? (
        <button
          type="button"
          className="button"
          disabled={compose.isPending}
          onClick={() => compose.mutate()}
        >
          {compose.isPending
            ? t('records.composing')
            : own === null
              ? t('records.compose')
              : t('records.composeOwn')}
        </button>
      ) : null}
      <Link href="/report-records">{t('records.openList')}</Link>
      {compose.error ? <ErrorAlert title={t('records.composeFailed')} error={compose.error} /> : null}
    </div>
  );
}

function ReportBody({
  busy,
  report: { query, summaries },
  choices,
}: {
  busy: boolean;
  report: LoadedReport;
  choices: Choices | undefined;
}) {
  const t = useT();
  const [language] = useLanguage();
  const rows = (groupBy: ChartGrouping) =>
    chartRows(groupBy, summaries[groupBy], query, choices, language, t);
  const overlap = (groupBy: ChartGrouping) => summaries[groupBy].rowsOverlap;
  const totals = summaries.month;

  return (
    <div className="report-body" aria-busy={busy}>
      <p className="report-note report-note--block report-body__screen-only">
        {t('reports.figures.listHint')}
      </p>
      <div className="report-charts">
        <BarChart
          name="month"
          title={t('reports.chart.byMonth')}
          rows={rows('month')}
          indicators={totals.indicators}
          limit={Number.POSITIVE_INFINITY}
        />
        <BarChart
          name="type"
          title={t('reports.chart.byType')}
          rows={rows('type')}
          indicators={summaries.type.indicators}
        />
        <BarChart
          name="channel"
          title={t('reports.chart.byChannel')}
          rows={rows('channel')}
          indicators={summaries.channel.indicators}
          note={overlap('channel') ? t('reports.chart.overlapChannel') : undefined}
        />
        <BarChart
          name="agency"
          title={t('reports.chart.byAgency')}
          rows={rows('agency')}
          indicators={summaries.agency.indicators}
          note={overlap('agency') ? t('reports.chart.overlapAgency') : undefined}
        />
        <BarChart
          name="targetGroup"
          title={t('reports.chart.byTargetGroup')}
          rows={rows('targetGroup')}
          indicators={summaries.targetGroup.indicators}
          note={overlap('targetGroup') ? t('reports.chart.overlapTargetGroup') : undefined}
        />
      </div>
    </div>
  );
}

/** The period's headline figures, each leading to the list of the activities it counts. */
function Overview({ busy, report: { query, summaries } }: { busy: boolean; report: LoadedReport }) {
  const t = useT();
  return (
    <div className="report-body" aria-busy={busy}>
      <Headline
        summary={summaries.month}
        activitiesHref={reportFigureHref(query)}
        doneHref={reportFigureHref(query, { figure: 'done' })}
        indicatorHref={(code) => reportFigureHref(query, { indicator: code })}
      />
      <p className="report-note report-note--block report-body__screen-only">
        {t('reports.figures.listHint')}
      </p>
    </div>
  );
}

const tabLabels: Record<ReportTab, MessageKey> = {
  overview: 'reports.overview',
  charts: 'reports.tab.charts',
  plan: 'reports.tab.plan',
  coverage: 'reports.tab.coverage',
  documents: 'reports.tab.documents',
};

/**
 * The report's parts as tabs (WAI-ARIA: one tab stop, arrows move and show): each part in
 * view without scrolling past the others. Every panel is drawn, the others hidden, so that
 * a printout still holds the whole report.
 */
function ReportTabs({
  selected,
  onSelect,
  children,
}: {
  selected: ReportTab;
  onSelect: (tab: ReportTab) => void;
  children: (tab: ReportTab) => ReactNode;
}) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = reportTabs.indexOf(selected);
    const last = reportTabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % reportTabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % reportTabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const tab = next === null ? undefined : reportTabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab="${tab}"]`)?.focus();
  };
  return (
    <div className="report-tabs">
      <div
        ref={list}
        className="tabs__list report-tabs__list"
        role="tablist"
        aria-label={t('reports.tabs')}
        onKeyDown={onKeyDown}
      >
        {reportTabs.map((tab) => (
          <button
            key={tab}
            id={`report-tab-${tab}`}
            data-tab={tab}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === selected}
            aria-controls={`report-panel-${tab}`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => onSelect(tab)}
          >
            {t(tabLabels[tab])}
          </button>
        ))}
      </div>
      {reportTabs.map((tab) => (
        <div
          key={tab}
          id={`report-panel-${tab}`}
          className="report-tabs__panel"
          role="tabpanel"
          aria-labelledby={`report-tab-${tab}`}
          hidden={tab !== selected}
          data-panel={tab}
        >
          {children(tab)}
        </div>
      ))}
    </div>
  );
}
