import FullCalendar, {
  type CalendarRef,
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventSourceFuncInfo,
  type EventSourceInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar.css';
import { type Ref, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { type Activity, activityStatuses } from '../../api/activities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { epochMillisecondsNow, formatActivityTime } from '../../i18n/dates';
import type { Selection } from '../activity/formValues';
import { BandLegend, BandList } from './BandList';
import { type Band, type BandSource, bandOf, bandsIn, toBackgroundEvent } from './bands';
import { activityOf, type EventColours, isActivityEvent, toEventInput } from './events';
import { vietnamese } from './locale';
import { lunarDayCell, lunarDayHeader } from './lunarDays';
import { RescheduleMessages, type Rescheduling, useReschedule } from './reschedule';
import { dayTitle, monthTitle, weekTitle } from './titles';

/** What a user who may write activities can do on the calendar. Stable (useMemo). */
export type CalendarEditing = {
  /** Whether this activity may be dragged and resized by the user. */
  canEdit: (activity: Activity) => boolean;
  /** A day clicked or a range dragged over: a new activity over it. */
  onSelect: (selection: Selection) => void;
  /** Saves new times; a refusal is shown on the calendar and the drag is undone. */
  reschedule: Rescheduling;
};

/** What the page holding the calendar may ask of it. */
export type CalendarHandle = {
  /** Ask the server again, after a change made elsewhere (a form, the details dialog). */
  refetch: () => void;
  /** Show this view on this date (`YYYY-MM-DD`), as an address read again asks. */
  show: (view: CalendarView, date: string) => void;
};

type Props = {
  /** The deployment's zone (GET /api/health): days and times are shown in it, whatever the browser's. */
  timeZone: string;
  /**
   * The activities that overlap [start, end). Must be stable (a module function or a
   * useCallback): FullCalendar asks again whenever its event source changes.
   */
  loadActivities: (range: { start: string; end: string }) => Promise<Activity[]>;
  /** What a click (or Enter) on an activity does; stable too. */
  onOpen: (activity: Activity) => void;
  /** The level of the month's title, under the page's own heading. */
  headingLevel?: 2 | 3;
  /** The views offered in the toolbar; only the month view when not given. */
  views?: readonly CalendarView[];
  /** The view and the date to open on (`YYYY-MM-DD`); the month view and today by default. */
  initialView?: CalendarView;
  initialDate?: string | undefined;
  /** Told of every move: the view shown, a date inside it and its range (`YYYY-MM-DD`), for the address. */
  onNavigate?: (state: CalendarPosition) => void;
  /** Colours other than the statuses', with their legend; stable (useMemo). */
  coloring?: Coloring | undefined;
  /** Observance days and campaign windows to draw behind the activities; stable (useMemo). */
  bands?: BandSource | undefined;
  /** Creating by selecting days, rescheduling by dragging; none on a read-only calendar. */
  editing?: CalendarEditing | undefined;
  /** Creating an observance's peak campaign from its band; none for those who may not. */
  onCreateCampaign?: ((band: Band) => void) | undefined;
  /** Whether the Vietnamese lunar date is shown under each day. */
  lunar?: boolean;
  /** The type's mark and the unit's short name on each chip; the title alone when not given. */
  chipParts?: ChipParts | undefined;
  ref?: Ref<CalendarHandle>;
};

/** Where the calendar is: its view, the date it was asked for, the period shown (end exclusive). */
export type CalendarPosition = {
  view: CalendarView;
  date: string;
  showsToday: boolean;
  start: string;
  end: string;
};

/** The calendar's views, by the names the address uses. */
export const calendarViews = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listMonth',
  year: 'multiMonthYear',
} as const;
export type CalendarView = keyof typeof calendarViews;

export function isCalendarView(value: unknown): value is CalendarView {
  return typeof value === 'string' && Object.hasOwn(calendarViews, value);
}

function viewOfType(type: string): CalendarView {
  const entry = Object.entries(calendarViews).find(([, fullCalendarType]) => fullCalendarType === type);
  return isCalendarView(entry?.[0]) ? entry[0] : 'month';
}

/**
 * What a chip says beside the title: the type (a coloured mark, its name for screen readers and
 * the tooltip) and the unit's short name. Stable (useMemo).
 */
export type ChipParts = (activity: Activity) => { typeName: string; typeColour: string; place: string };

export type Coloring = {
  colorsOf: (activity: Activity) => EventColours;
  legendLabel: string;
  legend: readonly { key: string; label: string; colours: EventColours }[];
};

const monthOnly: readonly CalendarView[] = ['month'];
const plugins = [
  dayGridPlugin,
  timeGridPlugin,
  listPlugin,
  multiMonthPlugin,
  interactionPlugin,
  classicTheme,
];

/** The zone's date of a range bound FullCalendar hands over (`2026-07-27T00:00:00+07:00` → `2026-07-27`). */
const dateOfBound = (bound: string) => bound.slice(0, 10);

/**
 * The activities by month, week, day, list or year, their status colours and the legend;
 * behind them, when given, observance days and campaign windows. The calendar home page
 * and the shared page for people without an account both show it, each with its own source
 * of activities and its own details; only the home page lets a user create and reschedule.
 */
export function ActivityCalendar({
  timeZone,
  loadActivities,
  onOpen,
  headingLevel = 2,
  views: offeredViews = monthOnly,
  initialView = 'month',
  initialDate,
  onNavigate,
  coloring,
  bands,
  editing,
  onCreateCampaign,
  lunar = false,
  chipParts,
  ref,
}: Props) {
  const t = useT();
  const [language] = useLanguage();
  const calendarRef = useRef<CalendarRef>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  // The range on screen (`YYYY-MM-DD`, end exclusive), for the bands listed under the calendar.
  const [shownRange, setShownRange] = useState<{ start: string; end: string } | null>(null);
  const shownBands = useMemo(
    () => (bands && shownRange ? bandsIn(bands, shownRange.start, shownRange.end, language) : []),
    [bands, shownRange, language],
  );

  const refetch = useCallback(() => calendarRef.current?.getApi().refetchEvents(), []);
  useImperativeHandle(
    ref,
    () => ({
      refetch,
      show: (view, date) => calendarRef.current?.getApi().changeView(calendarViews[view], date),
    }),
    [refetch],
  );
  const rescheduling = useReschedule(editing?.reschedule, refetch, timeZone);

  // Giving FullCalendar a click handler also makes each event a keyboard-reachable button.
  // Bands behind the activities are not activities: a click on them selects the day instead.
  const openActivity = useCallback(
    (info: EventClickInfo) => {
      if (!isActivityEvent(info.event)) return;
      info.jsEvent.preventDefault();
      onOpen(activityOf(info.event));
    },
    [onOpen],
  );

  // Stable across renders: FullCalendar refetches whenever its event source changes.
  // A failure reaches eventSourceFailure below, which shows it.
  const fetchEvents = useCallback(
    async (range: EventSourceFuncInfo) => {
      const activities = await loadActivities({ start: range.startStr, end: range.endStr });
      setLoadError(null);
      return activities.map((activity) =>
        toEventInput(activity, coloring?.colorsOf(activity), editing?.canEdit(activity) ?? false),
      );
    },
    [loadActivities, coloring, editing],
  );

  const eventSources = useMemo(() => {
    const sources: EventSourceInput[] = [{ id: 'activities', events: fetchEvents }];
    if (bands) {
      sources.push({
        id: 'bands',
        // Computed from data already loaded: no request, so the bands appear with the grid.
        events: (range: EventSourceFuncInfo) =>
          Promise.resolve(
            bandsIn(bands, dateOfBound(range.startStr), dateOfBound(range.endStr), language).map(
              toBackgroundEvent,
            ),
          ),
        editable: false,
      });
    }
    return sources;
  }, [fetchEvents, bands, language]);

  // FullCalendar reports loading from inside its own render, where React forbids updating
  // another component: apply the change right after.
  const reportLoading = useCallback((isLoading: boolean) => {
    queueMicrotask(() => setLoading(isLoading));
  }, []);

  const views = useMemo(() => {
    const month = { titleFormat: monthTitle(t) };
    return {
      dayGridMonth: month,
      listMonth: month,
      timeGridWeek: { titleFormat: weekTitle },
      timeGridDay: { titleFormat: dayTitle(t) },
    };
  }, [t]);

  // The view switcher's tabs, in the interface's language.
  const buttons = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(calendarViews).map(([view, type]) => [
          type,
          { text: t(`calendar.view.${view as CalendarView}`) },
        ]),
      ),
    [t],
  );

  const headerToolbar = useMemo(() => {
    const switcher = offeredViews.length > 1 ? offeredViews.map((view) => calendarViews[view]).join(',') : '';
    return { start: 'title loading', center: switcher, end: 'today prev,next' };
  }, [offeredViews]);

  const moreLinkText = useCallback((count: number) => t('calendar.more', { count }), [t]);

  const reportDates = useCallback(
    (info: DatesSetInfo) => {
      const api = info.view.calendar;
      setShownRange({ start: dateOfBound(info.startStr), end: dateOfBound(info.endStr) });
      if (!onNavigate) return;
      const now = epochMillisecondsNow();
      onNavigate({
        view: viewOfType(info.view.type),
        date: api.formatIso(api.getDate(), true),
        showsToday: info.view.currentStart.valueOf() <= now && now < info.view.currentEnd.valueOf(),
        start: api.formatIso(info.view.currentStart, true),
        end: api.formatIso(info.view.currentEnd, true),
      });
    },
    [onNavigate],
  );

  // A click on a day or a drag over days or hours: a new activity over that range.
  const selectRange = useCallback(
    (info: DateSelectInfo) => {
      info.view.calendar.unselect();
      editing?.onSelect({ allDay: info.allDay, start: info.startStr, end: info.endStr });
    },
    [editing],
  );

  // Next to the month's title, so that it shows where the user looks and moves nothing when it appears.
  const toolbarElements = useMemo(
    () => ({
      loading: (
        <span className="calendar-page__loading" role="status">
          {loading ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('calendar.loading')}
            </>
          ) : null}
        </span>
      ),
    }),
    [loading, t],
  );

  const renderEvent = useCallback(
    (info: EventDisplayInfo) => <ActivityEvent info={info} timeZone={timeZone} t={t} parts={chipParts} />,
    [timeZone, t, chipParts],
  );

  // Without the lunar dates, FullCalendar's own day numbers and headers.
  const dayCellContent = useMemo(() => (lunar ? lunarDayCell(t) : undefined), [lunar, t]);
  const dayHeaderContent = useMemo(() => (lunar ? lunarDayHeader(t) : undefined), [lunar, t]);

  const viewClass = useCallback(
    ({ view }: { view: { type: string } }) => `calendar-view--${viewOfType(view.type)}`,
    [],
  );

  return (
    <section className="calendar-page" aria-label={t('calendar.label')}>
      {loadError ? <ErrorAlert title={t('calendar.loadFailed')} error={loadError} onRetry={refetch} /> : null}
      <RescheduleMessages state={rescheduling.state} onDismiss={rescheduling.dismiss} />

      <div className="calendar-page__calendar">
        <FullCalendar
          ref={calendarRef}
          plugins={plugins}
          initialView={calendarViews[initialView]}
          initialDate={initialDate}
          views={views}
          viewClass={viewClass}
          datesSet={reportDates}
          timeZone={timeZone}
          locale={language === 'vi' ? vietnamese : 'en'}
          // Vietnamese weeks start on Monday in both languages of the interface.
          firstDay={1}
          headerToolbar={headerToolbar}
          buttons={buttons}
          toolbarElements={toolbarElements}
          height="auto"
          headingLevel={headingLevel}
          eventSources={eventSources}
          loading={reportLoading}
          eventSourceFailure={setLoadError}
          eventDisplay="block"
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          dayMaxEventRows={4}
          moreLinkText={moreLinkText}
          noEventsText={t('calendar.noEvents')}
          eventContent={renderEvent}
          backgroundEventContent={renderBand}
          dayCellTopContent={dayCellContent}
          dayHeaderContent={dayHeaderContent}
          eventClick={openActivity}
          selectable={Boolean(editing)}
          select={selectRange}
          eventDrop={rescheduling.persist}
          eventResize={rescheduling.persist}
        />
      </div>

      <BandList bands={shownBands} onCreateCampaign={onCreateCampaign} />

      <footer className="calendar-page__footer">
        {coloring ? (
          <ul className="legend" aria-label={coloring.legendLabel}>
            {coloring.legend.map((item) => (
              <li key={item.key} className="legend__item">
                <span
                  className="legend__swatch"
                  aria-hidden="true"
                  style={{ background: item.colours.color }}
                />
                {item.label}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="legend" aria-label={t('calendar.legend')}>
            {activityStatuses.map((status) => (
              <li key={status} className={`legend__item status--${status}`}>
                <span className="legend__swatch" aria-hidden="true" />
                {t(`status.${status}`)}
              </li>
            ))}
            <li className="legend__item legend__item--overdue" title={t('calendar.overdueHint')}>
              <span className="overdue-mark" aria-hidden="true">
                !
              </span>
              {t('calendar.overdue')}
            </li>
          </ul>
        )}
        {bands ? <BandLegend /> : null}
        <p className="calendar-page__zone">{t('calendar.timeZone', { timeZone })}</p>
      </footer>
    </section>
  );
}

function ActivityEvent({
  info,
  timeZone,
  t,
  parts,
}: {
  info: EventDisplayInfo;
  timeZone: string;
  t: Translate;
  parts: ChipParts | undefined;
}) {
  const activity = activityOf(info.event);
  const status = t(`status.${activity.status}`);
  const when = formatActivityTime(activity, timeZone);
  const statusText = activity.overdue ? `${status} · ${t('calendar.overdue')}` : status;
  const chip = parts?.(activity);
  // The unit is said once: not again when the title already names it.
  const place = chip?.place && !activity.title.includes(chip.place) ? chip.place : '';
  const summary = [activity.title, chip?.typeName, chip?.place, when, statusText].filter(Boolean);
  return (
    <div className="activity-event" title={summary.join('\n')}>
      {chip ? (
        <span className="activity-event__type" aria-hidden="true" style={{ background: chip.typeColour }} />
      ) : null}
      {activity.overdue ? (
        <span className="overdue-mark" aria-hidden="true">
          !
        </span>
      ) : null}
      {info.timeText ? (
        <span className={`activity-event__time ${info.timeClass}`}>{info.timeText}</span>
      ) : null}
      <span className={`activity-event__title ${info.titleClass}`}>{info.event.title}</span>
      {place ? <span className="activity-event__place">{place}</span> : null}
      {/* The status is the event's colour and the type its mark: said in words too, for screen readers. */}
      <span className="visually-hidden">{` (${[chip?.typeName, statusText].filter(Boolean).join(', ')})`}</span>
    </div>
  );
}

/** A band's label inside its cells: the name, and the year's theme after it when there is one. */
function renderBand(info: EventDisplayInfo) {
  const band = bandOf(info.event);
  if (!band) return null;
  const text = band.theme ? `${band.name}: ${band.theme}` : band.name;
  return (
    <div className={`band__label band__label--${band.kind}`} title={text}>
      {band.kind === 'observance' ? (
        <span className="band__mark" aria-hidden="true">
          ★
        </span>
      ) : null}
      <span className="band__name">{band.name}</span>
      {band.theme ? <span className="band__theme">{band.theme}</span> : null}
    </div>
  );
}
