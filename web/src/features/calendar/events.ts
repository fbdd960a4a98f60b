import type { EventInput } from '@fullcalendar/react';
import type { Activity } from '../../api/activities';

/** An event's background and the colour of text on it. */
export type EventColours = { color: string; contrast: string };

/**
 * An activity as a calendar event. The colours live in styles.css as custom properties,
 * so that the legend and the events share them and no colour is written into the page.
 */
export function toEventInput(activity: Activity, colours?: EventColours, editable = false): EventInput {
  return {
    id: String(activity.id),
    title: activity.title,
    allDay: activity.allDay,
    start: activity.start,
    end: activity.end,
    color: colours?.color ?? `var(--status-${activity.status})`,
    contrastColor: colours?.contrast ?? `var(--status-${activity.status}-contrast)`,
    className: ['activity', `activity--${activity.status}`, activity.overdue ? 'activity--overdue' : '']
      .filter(Boolean)
      .join(' '),
    // Only the activities the user may change can be dragged or resized.
    editable,
    extendedProps: { activity },
  };
}

/** The activity behind an event built by toEventInput. */
export function activityOf(event: { extendedProps: Record<string, unknown> }): Activity {
  return event.extendedProps.activity as Activity;
}

/** Whether an event is an activity rather than a band behind the activities. */
export function isActivityEvent(event: { extendedProps: Record<string, unknown> }): boolean {
  return event.extendedProps.activity !== undefined;
}

/**
 * An event's times after a drag or a resize, as the API writes them. With a named time zone the
 * event's Date objects are UTC instants: its `startStr`/`endStr` are the zone's own dates
 * (`2026-07-30`) or date-times with the zone's offset (`2026-07-30T08:00:00+07:00`).
 */
export function eventTimes(event: { allDay: boolean; startStr: string; endStr: string }) {
  return {
    allDay: event.allDay,
    start: event.startStr,
    // FullCalendar drops the end when a timed event moves to the all-day row: the server then
    // makes it one day long.
    ...(event.endStr ? { end: event.endStr } : {}),
  };
}
