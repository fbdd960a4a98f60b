import { Fragment, useCallback, useMemo, useState } from 'react';
import {
  type Activity,
  type ActivityFilters,
  activityFilterNames,
  activityStatuses,
  listActivitiesInRange,
} from '../../api/activities';
import { listAgencies } from '../../api/agencies';
import { listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { listPlans, listTasks } from '../../api/plans';
import { listUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { ActivityDialog } from '../activity/ActivityDialog';
import { agencyName, byName, entryName } from '../admin/names';
import { ActivityCalendar, type CalendarView, type Coloring, isCalendarView } from './ActivityCalendar';
import { chosenColours, noneColours, paletteColours } from './colours';

type Props = {
  /** The deployment's zone (GET /api/health): days and times are shown in it, whatever the browser's. */
  timeZone: string;
};

const views: readonly CalendarView[] = ['month', 'week', 'day', 'list', 'year'];
const colorings = ['status', 'campaign', 'type'] as const;
type ColorBy = (typeof colorings)[number];
type FilterName = (typeof activityFilterNames)[number];

// ---------------------------------------------------------------- the address

/**
 * The view, the date, the filters and the colouring live in the address (`?view=week&date=2026-07-30&agencyId=4`),
 * so that a filtered calendar can be bookmarked and shared, and a reload shows the same.
 */
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const view = params.get('view');
  const date = params.get('date');
  const colorBy = params.get('colorBy');
  const filters: ActivityFilters = {};
  for (const name of activityFilterNames) {
    const value = params.get(name)?.trim();
    if (value && filterValueFits(name, value)) filters[name] = value;
  }
  return {
    view: isCalendarView(view) ? view : undefined,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    colorBy: colorings.find((entry) => entry === colorBy) ?? 'status',
    filters,
  };
}

/** Drops what the server would refuse, so that an edited address never shows an error. */
function filterValueFits(name: FilterName, value: string): boolean {
  if (name === 'status') return activityStatuses.some((status) => status === value);
  if (name.endsWith('Id')) return /^[1-9]\d{0,9}$/.test(value);
  return /^[\w.-]{1,64}$/.test(value);
}

/** Changes the address in place: filtering is not a new page to go back from. */
function writeAddress(changes: Record<string, string | undefined>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const search = params.toString();
  const next = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}

function isPhone(): boolean {
  return window.matchMedia('(max-width: 600px)').matches;
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

// ---------------------------------------------------------------- what the filters offer

type Option = { value: string; label: string; group?: string };

async function loadChoices(timeZone: string, signal: AbortSignal) {
  const asOf = todayIn(timeZone);
  const [agencies, units, campaigns, plans, catalog] = await Promise.all([
    listAgencies({ asOf, signal }),
    listUnits({ asOf, signal }),
    listCampaigns(signal),
    listPlans(signal),
    getCatalog(signal),
  ]);
  const tasks = await Promise.all(
    plans.map(async (plan) => ({ plan, tasks: await listTasks(plan.id, signal) })),
  );
  return { agencies, units, campaigns, tasks, catalog };
}
type Choices = Awaited<ReturnType<typeof loadChoices>>;

function optionsOf(
  choices: Choices | undefined,
  language: Language,
  t: Translate,
): Record<FilterName, Option[]> {
  const translated = (entry: { code: string; name: string; nameEn: string }) => ({
    value: entry.code,
    label: entryName(entry, language),
  });
  return {
    agencyId: [...(choices?.agencies ?? [])]
      .sort(byName)
      .map((agency) => ({ value: String(agency.id), label: agencyName(agency, language) })),
    unitId: [...(choices?.units ?? [])]
      .sort(byName)
      .map((unit) => ({ value: String(unit.id), label: unit.name })),
    campaignId: (choices?.campaigns ?? []).map((campaign) => ({
      value: String(campaign.id),
      label: campaign.name,
    })),
    taskId: (choices?.tasks ?? []).flatMap(({ plan, tasks }) =>
      tasks.map((task) => ({
        value: String(task.id),
        label: `${task.code}. ${language === 'en' && task.titleEn ? task.titleEn : task.title}`,
        group: language === 'en' && plan.titleEn ? plan.titleEn : plan.title,
      })),
    ),
    typeCode: (choices?.catalog.activityTypes ?? []).map(translated),
    channelCode: (choices?.catalog.channels ?? []).map(translated),
    targetGroupCode: (choices?.catalog.targetGroups ?? []).map(translated),
    status: activityStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
  };
}

function coloringOf(colorBy: ColorBy, choices: Choices | undefined, language: Language, t: Translate) {
  if (colorBy === 'status') return undefined;
  if (colorBy === 'campaign') {
    const campaigns = choices?.campaigns ?? [];
    const colours = new Map(
      campaigns.map((campaign, index) => [
        campaign.id,
        campaign.color ? chosenColours(campaign.color) : paletteColours(index),
      ]),
    );
    const coloring: Coloring = {
      colorsOf: (activity) =>
        (activity.campaignId ? colours.get(activity.campaignId) : undefined) ?? noneColours,
      legendLabel: t('calendar.legend.campaign'),
      legend: [
        ...campaigns.map((campaign) => ({
          key: String(campaign.id),
          label: campaign.name,
          colours: colours.get(campaign.id) ?? noneColours,
        })),
        { key: 'none', label: t('calendar.noCampaign'), colours: noneColours },
      ],
    };
    return coloring;
  }
  const types = choices?.catalog.activityTypes ?? [];
  const colours = new Map(types.map((type, index) => [type.code, paletteColours(index)]));
  const coloring: Coloring = {
    colorsOf: (activity) => colours.get(activity.typeCode) ?? noneColours,
    legendLabel: t('calendar.legend.type'),
    legend: types.map((type) => ({
      key: type.code,
      label: entryName(type, language),
      colours: colours.get(type.code) ?? noneColours,
    })),
  };
  return coloring;
}

// ---------------------------------------------------------------- the page

/**
 * The home page: every activity the user may read, by month, week, day, as a list or a
 * year, filtered and coloured as the address says; a click opens its details.
 */
export function CalendarPage({ timeZone }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const [opened, setOpened] = useState<Activity | null>(null);
  // Read once: afterwards the page writes the address, not the other way round.
  const [initial] = useState(() => {
    const address = readAddress();
    const defaultView: CalendarView = isPhone() ? 'list' : 'month';
    return { ...address, defaultView, phone: isPhone() };
  });
  const [filters, setFilters] = useState<ActivityFilters>(initial.filters);
  const [colorBy, setColorBy] = useState<ColorBy>(initial.colorBy);

  const load = useCallback((signal: AbortSignal) => loadChoices(timeZone, signal), [timeZone]);
  const choices = useLoad(load);

  const loadActivities = useCallback(
    (range: { start: string; end: string }) => listActivitiesInRange({ ...range, ...filters }),
    [filters],
  );

  const onNavigate = useCallback(
    ({ view, date, showsToday }: { view: CalendarView; date: string; showsToday: boolean }) => {
      writeAddress({
        view: view === initial.defaultView ? undefined : view,
        date: showsToday ? undefined : date,
      });
    },
    [initial.defaultView],
  );

  const setFilter = (name: FilterName, value: string) => {
    setFilters((previous) => {
      const next = { ...previous };
      if (value) next[name] = value;
      else delete next[name];
      return next;
    });
    writeAddress({ [name]: value || undefined });
  };

  const clearFilters = () => {
    setFilters({});
    writeAddress(Object.fromEntries(activityFilterNames.map((name) => [name, undefined])));
  };

  const chooseColoring = (value: string) => {
    const next = colorings.find((entry) => entry === value) ?? 'status';
    setColorBy(next);
    writeAddress({ colorBy: next === 'status' ? undefined : next });
  };

  const options = useMemo(() => optionsOf(choices.data, language, t), [choices.data, language, t]);
  const coloring = useMemo(
    () => coloringOf(colorBy, choices.data, language, t),
    [colorBy, choices.data, language, t],
  );
  const activeCount = Object.keys(filters).length;

  return (
    <>
      <details className="calendar-filters" open={!initial.phone}>
        <summary className="calendar-filters__summary">
          {activeCount > 0 ? t('calendar.filtersActive', { count: activeCount }) : t('calendar.filters')}
        </summary>
        {choices.error ? (
          <ErrorAlert
            title={t('calendar.filtersLoadFailed')}
            error={choices.error}
            onRetry={choices.reload}
          />
        ) : null}
        <div className="filters calendar-filters__fields">
          {activityFilterNames.map((name) => (
            <FilterSelect
              key={name}
              label={t(`calendar.filter.${name}`)}
              allLabel={t('calendar.filter.all')}
              value={filters[name] ?? ''}
              options={options[name]}
              onChange={(value) => setFilter(name, value)}
            />
          ))}
          <label className="field">
            <span className="field__label">{t('calendar.colorBy')}</span>
            <select
              className="input"
              value={colorBy}
              onChange={(event) => chooseColoring(event.target.value)}
            >
              {colorings.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`calendar.colorBy.${entry}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="calendar-filters__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={clearFilters}
              disabled={activeCount === 0}
            >
              {t('calendar.clearFilters')}
            </button>
          </div>
        </div>
      </details>
      <ActivityCalendar
        timeZone={timeZone}
        loadActivities={loadActivities}
        onOpen={setOpened}
        views={views}
        initialView={initial.view ?? initial.defaultView}
        initialDate={initial.date}
        onNavigate={onNavigate}
        coloring={coloring}
      />
      {opened ? <ActivityDialog activity={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}

function FilterSelect({
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  allLabel: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  // A value from the address that the list does not hold (out of force today, still loading) stays chosen.
  const known = value === '' || options.some((option) => option.value === value);
  const groups = new Map<string | undefined, Option[]>();
  for (const option of options) groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {known ? null : <option value={value}>#{value}</option>}
        {[...groups].map(([group, entries]) => {
          const rendered = entries.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ));
          return group === undefined ? (
            <Fragment key="">{rendered}</Fragment>
          ) : (
            <optgroup key={group} label={group}>
              {rendered}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
}
