import FullCalendar, {
  type CalendarRef,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventSourceFuncInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type Activity, activityStatuses } from '../../api/activities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { formatActivityTime } from '../../i18n/dates';
import { activityOf, type EventColours, toEventInput } from './events';
import { vietnamese } from './locale';

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
  /** Told of every move: the view shown and a date inside it (`YYYY-MM-DD`), for the address. */
  onNavigate?: (state: { view: CalendarView; date: string; showsToday: boolean }) => void;
  /** Colours other than the statuses', with their legend; stable (useMemo). */
  coloring?: Coloring | undefined;
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

export type Coloring = {
  colorsOf: (activity: Activity) => EventColours;
  legendLabel: string;
  legend: readonly { key: string; label: string; colours: EventColours }[];
};

const monthOnly: readonly CalendarView[] = ['month'];
const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, multiMonthPlugin, classicTheme];

const englishMonths = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/**
 * The month view of activities, their status colours and the legend: the calendar home
 * page and the shared page for people without an account both show it, each with its own
 * source of activities and its own details.
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
}: Props) {
  const t = useT();
  const [language] = useLanguage();
  const calendarRef = useRef<CalendarRef>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  // Giving FullCalendar a click handler also makes each event a keyboard-reachable button.
  const openActivity = useCallback(
    (info: EventClickInfo) => {
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
      return activities.map((activity) => toEventInput(activity, coloring?.colorsOf(activity)));
    },
    [loadActivities, coloring],
  );

  // FullCalendar reports loading from inside its own render, where React forbids updating
  // another component: apply the change right after.
  const reportLoading = useCallback((isLoading: boolean) => {
    queueMicrotask(() => setLoading(isLoading));
  }, []);

  // "Tháng 7/2025", as Vietnamese write a month, rather than Intl's lower-case "tháng 7 năm 2025".
  const monthTitle = useCallback(
    ({ date }: { date: { year: number; month: number } }) =>
      t('calendar.monthTitle', {
        month: date.month + 1,
        monthName: englishMonths.format(Date.UTC(2000, date.month, 1)),
        year: date.year,
      }),
    [t],
  );

  const views = useMemo(
    () => ({
      dayGridMonth: { titleFormat: monthTitle },
      listMonth: { titleFormat: monthTitle },
    }),
    [monthTitle],
  );

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
      if (!onNavigate) return;
      const api = info.view.calendar;
      const now = Date.now();
      onNavigate({
        view: viewOfType(info.view.type),
        date: api.formatIso(api.getDate(), true),
        showsToday: info.view.currentStart.valueOf() <= now && now < info.view.currentEnd.valueOf(),
      });
    },
    [onNavigate],
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
    (info: EventDisplayInfo) => <ActivityEvent info={info} timeZone={timeZone} t={t} />,
    [timeZone, t],
  );

  return (
    <section className="calendar-page" aria-label={t('calendar.label')}>
      {loadError ? (
        <ErrorAlert
          title={t('calendar.loadFailed')}
          error={loadError}
          onRetry={() => calendarRef.current?.getApi().refetchEvents()}
        />
      ) : null}

      <div className="calendar-page__calendar">
        <FullCalendar
          ref={calendarRef}
          plugins={plugins}
          initialView={calendarViews[initialView]}
          initialDate={initialDate}
          views={views}
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
          events={fetchEvents}
          loading={reportLoading}
          eventSourceFailure={setLoadError}
          eventDisplay="block"
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          dayMaxEventRows={4}
          moreLinkText={moreLinkText}
          noEventsText={t('calendar.noEvents')}
          eventContent={renderEvent}
          eventClick={openActivity}
        />
      </div>

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
        <p className="calendar-page__zone">{t('calendar.timeZone', { timeZone })}</p>
      </footer>
    </section>
  );
}

function ActivityEvent({ info, timeZone, t }: { info: EventDisplayInfo; timeZone: string; t: Translate }) {
  const activity = activityOf(info.event);
  const status = t(`status.${activity.status}`);
  const when = formatActivityTime(activity, timeZone);
  const summary = [activity.title, when, activity.overdue ? `${status} · ${t('calendar.overdue')}` : status];
  return (
    <div className="activity-event" title={summary.join('\n')}>
      {activity.overdue ? (
        <span className="overdue-mark" role="img" aria-label={t('calendar.overdue')}>
          !
        </span>
      ) : null}
      {info.timeText ? (
        <span className={`activity-event__time ${info.timeClass}`}>{info.timeText}</span>
      ) : null}
      <span className={`activity-event__title ${info.titleClass}`}>{info.event.title}</span>
    </div>
  );
}
