import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Activity,
  type ActivityFilters,
  activityFilterNames,
  activityStatuses,
  getActivity,
  listActivitiesInRange,
  updateActivity,
} from '../../api/activities';
import { listAgencies } from '../../api/agencies';
import { listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { listPlans, listTasks } from '../../api/plans';
import { listUnits } from '../../api/units';
import { canCreateActivities, canEditActivity, mayEditCampaign } from '../../app/permissions';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect, type Option } from '../../components/FilterSelect';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { addDays, todayIn } from '../../i18n/dates';
import { agencyName, byName, entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { ActivityDialog } from '../activity/ActivityDialog';
import { ActivityFormDialog, type FormRequest } from '../activity/ActivityForm';
import { BulkCopyDialog } from '../activity/BulkCopyDialog';
import type { Selection } from '../activity/formValues';
import { CampaignForm } from '../campaigns/CampaignForm';
import { type PeakDraft, peakDraft } from '../campaigns/peak';
import {
  ActivityCalendar,
  type CalendarEditing,
  type CalendarHandle,
  type CalendarPosition,
  type CalendarView,
  type ChipParts,
  type Coloring,
} from './ActivityCalendar';
import {
  type Address,
  type ColorBy,
  colorings,
  type FilterName,
  readAddress,
  sameFilters,
  writeAddress,
} from './address';
import type { Band, BandSource } from './bands';
import { chosenColours, noneColours, paletteColours } from './colours';
import type { EventColours } from './events';

type Props = {
  /** The deployment's zone (GET /api/health): days and times are shown in it, whatever the browser's. */
  timeZone: string;
};

const views: readonly CalendarView[] = ['month', 'week', 'day', 'list', 'year'];

/** Those whose work is their own agency's and units': their calendar opens on it ("mine" on). */
function mineByDefault(role: string): boolean {
  return role === 'agency_editor' || role === 'unit_reporter';
}

function isPhone(): boolean {
  return window.matchMedia('(max-width: 600px)').matches;
}

// ---------------------------------------------------------------- what the filters offer

async function loadChoices(timeZone: string, signal: AbortSignal) {
  const asOf = todayIn(timeZone);
  const [agencies, units, allUnits, campaigns, plans, catalog] = await Promise.all([
    listAgencies({ asOf, signal }),
    listUnits({ asOf, signal }),
    // Past units too: a chip of last year names the commune as it then was.
    listUnits(),
    listCampaigns(signal),
    listPlans(signal),
    getCatalog(signal),
  ]);
  const tasks = await Promise.all(
    plans.map(async (plan) => ({ plan, tasks: await listTasks(plan.id, signal) })),
  );
  return { agencies, units, allUnits, campaigns, tasks, catalog };
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
  const colours = typeColours(choices);
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

/** The colour of each type: the same palette, in the catalogue's order, as the "by type" colouring. */
function typeColours(choices: Choices | undefined): Map<string, EventColours> {
  const types = choices?.catalog.activityTypes ?? [];
  return new Map(types.map((type, index) => [type.code, paletteColours(index)]));
}

/** A chip's type mark and unit: the first unit's short name, "+2" when held in three. */
function chipPartsOf(choices: Choices | undefined, language: Language): ChipParts | undefined {
  if (!choices) return undefined;
  const colours = typeColours(choices);
  const types = new Map(choices.catalog.activityTypes.map((type) => [type.code, type]));
  const units = new Map(choices.allUnits.map((unit) => [unit.id, unit]));
  return (activity) => {
    const type = types.get(activity.typeCode);
    const [first, ...others] = activity.unitIds;
    const unit = first === undefined ? undefined : units.get(first);
    return {
      typeName: type ? entryName(type, language) : activity.typeCode,
      typeColour: (colours.get(activity.typeCode) ?? noneColours).color,
      place: unit ? `${unit.shortName}${others.length > 0 ? ` +${others.length}` : ''}` : '',
    };
  };
}

// ---------------------------------------------------------------- the page

/** What is open over the calendar: an activity's details, or the form that creates or edits one. */
type Panel =
  | { kind: 'details'; activity: Activity }
  | { kind: 'form'; request: FormRequest }
  | { kind: 'campaign'; draft: PeakDraft }
  | { kind: 'copyMany'; activity: Activity }
  | null;

/**
 * The home page: every activity the user may read, by month, week, day, as a list or a
 * year, filtered and coloured as the address says, with the observance days and campaigns
 * behind them; a click opens its details. A user who may write activities creates one by
 * clicking a day (or dragging over days or hours) and reschedules one by dragging it.
 */
export function CalendarPage({ timeZone }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const user = useUser();
  const calendar = useRef<CalendarHandle>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState('');
  const [initial] = useState(() => {
    const address = readAddress();
    const defaultView: CalendarView = isPhone() ? 'list' : 'month';
    return { ...address, defaultView, phone: isPhone() };
  });
  const [filters, setFilters] = useState<ActivityFilters>(initial.filters);
  const [colorBy, setColorBy] = useState<ColorBy>(initial.colorBy);
  const [lunar, setLunar] = useState(initial.lunar);
  const [mine, setMine] = useState(initial.mine ?? mineByDefault(user.role));
  // Where the calendar is: the day a new activity starts on when none is chosen, and what Back compares with.
  const shown = useRef<CalendarPosition | null>(null);
  // The first move is the calendar opening, and a move made to follow the address is no new page.
  const movesToRecord = useRef<'replace' | 'push'>('replace');

  const load = useCallback((signal: AbortSignal) => loadChoices(timeZone, signal), [timeZone]);
  const choices = useLoad(['calendar-choices', timeZone], load);

  // A link to one activity (`?activity=12`, as the calendar feed gives) opens its details.
  useEffect(() => {
    if (!initial.activityId) return;
    const controller = new AbortController();
    getActivity(initial.activityId, controller.signal)
      .then((activity) => setPanel({ kind: 'details', activity }))
      .catch(() => writeAddress({ activity: undefined }, 'replace'));
    return () => controller.abort();
  }, [initial.activityId]);

  const loadActivities = useCallback(
    (range: { start: string; end: string }) =>
      listActivitiesInRange({ ...range, ...filters, ...(mine ? { mine: 'true' } : {}) }),
    [filters, mine],
  );

  const onNavigate = useCallback(
    (position: CalendarPosition) => {
      const { view, date, showsToday } = position;
      shown.current = position;
      const mode = movesToRecord.current;
      movesToRecord.current = 'push';
      writeAddress(
        { view: view === initial.defaultView ? undefined : view, date: showsToday ? undefined : date },
        mode,
      );
    },
    [initial.defaultView],
  );

  // Back and Forward: the address changed under the page, which follows it.
  useEffect(() => {
    const follow = () => {
      const address: Address = readAddress();
      setFilters((current) => (sameFilters(current, address.filters) ? current : address.filters));
      setColorBy(address.colorBy);
      setLunar(address.lunar);
      setMine(address.mine ?? mineByDefault(user.role));
      const view = address.view ?? initial.defaultView;
      const date = address.date ?? todayIn(timeZone);
      const current = shown.current;
      // A move the calendar makes to follow the address is no new page: unless it already shows
      // that date in that view, in which case it does not move at all.
      const moves = !current || current.view !== view || date < current.start || date >= current.end;
      if (moves) movesToRecord.current = 'replace';
      calendar.current?.show(view, date);
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, [initial.defaultView, timeZone, user.role]);

  const setFilter = (name: FilterName, value: string) => {
    setFilters((previous) => {
      const next = { ...previous };
      if (value) next[name] = value;
      else delete next[name];
      return next;
    });
    writeAddress({ [name]: value || undefined }, 'replace');
  };

  const clearFilters = () => {
    setFilters({});
    writeAddress(Object.fromEntries(activityFilterNames.map((name) => [name, undefined])), 'replace');
  };

  const chooseColoring = (value: string) => {
    const next = colorings.find((entry) => entry === value) ?? 'status';
    setColorBy(next);
    writeAddress({ colorBy: next === 'status' ? undefined : next }, 'replace');
  };

  const showLunar = (shown: boolean) => {
    setLunar(shown);
    writeAddress({ lunar: shown ? '1' : undefined }, 'replace');
  };

  // Said in the address either way, so that a link shows the same to whoever opens it.
  const showMine = (shown: boolean) => {
    setMine(shown);
    writeAddress({ mine: shown ? '1' : '0' }, 'replace');
  };

  const options = useMemo(() => optionsOf(choices.data, language, t), [choices.data, language, t]);
  const coloring = useMemo(
    () => coloringOf(colorBy, choices.data, language, t),
    [colorBy, choices.data, language, t],
  );
  const chipParts = useMemo(() => chipPartsOf(choices.data, language), [choices.data, language]);
  const bands = useMemo<BandSource | undefined>(
    () =>
      choices.data
        ? { observances: choices.data.catalog.observances, campaigns: choices.data.campaigns }
        : undefined,
    [choices.data],
  );

  const mayCreate = canCreateActivities(user);
  // A calendar filtered by a campaign creates into that campaign.
  const filteredCampaign = filters.campaignId ? Number(filters.campaignId) : undefined;
  // An observance's band offers its peak campaign to those who create campaigns.
  const observances = choices.data?.catalog.observances;
  const createPeak = useMemo(() => {
    if (!observances || !mayEditCampaign(user, null)) return undefined;
    return (band: Band) => {
      const observance = observances.find((entry) => entry.code === band.observance?.code);
      if (observance && band.observance)
        setPanel({ kind: 'campaign', draft: peakDraft(observance, band.observance.year) });
    };
  }, [observances, user]);
  const editing = useMemo<CalendarEditing | undefined>(
    () =>
      // Whoever may write activities at all: only they can create, and only they can change any.
      mayCreate
        ? {
            canEdit: (activity) => canEditActivity(user, activity),
            onSelect: (selection) =>
              setPanel({
                kind: 'form',
                request: { kind: 'create', selection, campaignId: filteredCampaign },
              }),
            // A drag moves this occurrence alone: a series moves from its form's question.
            reschedule: (activity, times) =>
              updateActivity(
                activity.id,
                times,
                activity.version,
                activity.seriesId === null ? undefined : 'this',
              ),
          }
        : undefined,
    [user, mayCreate, filteredCampaign],
  );

  const openDetails = useCallback((activity: Activity) => setPanel({ kind: 'details', activity }), []);

  // Today when it is in view, else the first day in view.
  const createOnShownDay = () => {
    const date =
      !shown.current || shown.current.showsToday ? todayIn(timeZone) : shown.current.start.slice(0, 10);
    const selection: Selection = { allDay: true, start: date, end: addDays(date, 1) };
    setPanel({ kind: 'form', request: { kind: 'create', selection, campaignId: filteredCampaign } });
  };

  /** After a save, a postponement or a deletion: say so, and show the calendar as it now is. */
  const changed = (message: string) => {
    setNotice(message);
    calendar.current?.refetch();
  };

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
      <div className="calendar-actions">
        {mayCreate ? (
          <>
            <button type="button" className="button" onClick={createOnShownDay}>
              {t('activityForm.create')}
            </button>
            <p className="calendar-actions__hint">{t('calendarEdit.createHint')}</p>
          </>
        ) : null}
        <label className="calendar-actions__switch" title={t('calendar.mineHint')}>
          <input type="checkbox" checked={mine} onChange={(event) => showMine(event.target.checked)} />
          {t('calendar.mine')}
        </label>
        <label className="calendar-actions__lunar">
          <input type="checkbox" checked={lunar} onChange={(event) => showLunar(event.target.checked)} />
          {t('calendar.lunar')}
        </label>
      </div>
      <p className="notice notice--success calendar-page__notice" role="status">
        {notice}
      </p>
      <ActivityCalendar
        ref={calendar}
        timeZone={timeZone}
        loadActivities={loadActivities}
        onOpen={openDetails}
        views={views}
        initialView={initial.view ?? initial.defaultView}
        initialDate={initial.date}
        onNavigate={onNavigate}
        coloring={coloring}
        bands={bands}
        editing={editing}
        onCreateCampaign={createPeak}
        lunar={lunar}
        chipParts={chipParts}
      />
      {panel?.kind === 'details' ? (
        <ActivityDialog
          activity={panel.activity}
          onClose={() => {
            setPanel(null);
            writeAddress({ activity: undefined }, 'replace');
          }}
          onEdit={(activity) => setPanel({ kind: 'form', request: { kind: 'edit', activity } })}
          onDuplicate={(activity) => setPanel({ kind: 'form', request: { kind: 'duplicate', activity } })}
          onCopyMany={(activity) => setPanel({ kind: 'copyMany', activity })}
          onChanged={changed}
        />
      ) : null}
      {panel?.kind === 'campaign' && choices.data ? (
        <CampaignForm
          campaign={null}
          draft={panel.draft}
          agencies={choices.data.agencies}
          tasks={choices.data.tasks.flatMap((entry) => entry.tasks)}
          onClose={() => setPanel(null)}
          onSaved={(campaign) => {
            setPanel(null);
            choices.reload();
            changed(t('common.savedOne', { name: campaign.name }));
          }}
        />
      ) : null}
      {panel?.kind === 'copyMany' ? (
        <BulkCopyDialog
          activity={panel.activity}
          onClose={() => setPanel(null)}
          onCreated={(created) => {
            setPanel(null);
            changed(t('bulk.created', { count: created.length }));
          }}
        />
      ) : null}
      {panel?.kind === 'form' ? (
        <ActivityFormDialog
          request={panel.request}
          onClose={() => setPanel(null)}
          onSaved={(activity, note) => {
            setPanel(null);
            changed(note ?? t('common.savedOne', { name: activity.title }));
          }}
        />
      ) : null}
    </>
  );
}
