import type { EventInput } from '@fullcalendar/react';
import type { Activity } from '../../api/activities';

/** An event's background and the colour of text on it. */
export type EventColours = { color: string; contrast: string };

/**
 * An activity as a calendar event. The colours live in styles.css as custom properties,
 * so that the legend and the events share them and no colour is written into the page.
 */
export function toEventInput(activity: Activity, colours?: EventColours): EventInput {
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
    extendedProps: { activity },
  };
}

/** The activity behind an event built by toEventInput. */
export function activityOf(event: { extendedProps: Record<string, unknown> }): Activity {
  return event.extendedProps.activity as Activity;
}
