// A campaign's activities counted by lead agency and by week (Monday to Sunday), with how
// many were held: the coordinator's view of who is behind in which week.
import type { Activity } from '../../api/activities';
import { addDays, weekdayOf } from '../../i18n/dates';

/** An activity is held once its status is done; postponed and cancelled ones still count as planned work. */
const isHeld = (activity: Activity) => activity.status === 'done';

/** The local day an activity starts: all-day starts are dates, timed ones carry the zone's offset. */
const startDay = (activity: Activity) => activity.start.slice(0, 10);

/** The Monday of a day's week. */
export const mondayOf = (day: string) => addDays(day, 1 - weekdayOf(day));

export type Tally = { total: number; held: number };
export type AgencyWeeks = {
  /** Mondays of every week from the window's first to its last, or to the last activity's. */
  weeks: string[];
  rows: { agencyId: number; byWeek: Map<string, Tally>; all: Tally }[];
  byWeek: Map<string, Tally>;
  all: Tally;
};

const emptyTally = (): Tally => ({ total: 0, held: 0 });

function tick(tally: Tally, held: boolean): void {
  tally.total += 1;
  if (held) tally.held += 1;
}

function add(tallies: Map<string, Tally>, week: string, held: boolean): void {
  const tally = tallies.get(week) ?? emptyTally();
  tick(tally, held);
  tallies.set(week, tally);
}

function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let week = mondayOf(first); week <= last; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

export function agencyWeeks(
  window: { startDate: string; endDate: string },
  activities: readonly Activity[],
): AgencyWeeks {
  const days = activities.map(startDay).sort();
  const first = [window.startDate, days[0] ?? window.startDate].sort()[0] ?? window.startDate;
  const last = [window.endDate, days.at(-1) ?? window.endDate].sort().at(-1) ?? window.endDate;
  const rows = new Map<number, AgencyWeeks['rows'][number]>();
  const byWeek = new Map<string, Tally>();
  const all = emptyTally();
  for (const activity of activities) {
    const week = mondayOf(startDay(activity));
    const held = isHeld(activity);
    const row = rows.get(activity.leadAgencyId) ?? {
      agencyId: activity.leadAgencyId,
      byWeek: new Map(),
      all: emptyTally(),
    };
    add(row.byWeek, week, held);
    tick(row.all, held);
    rows.set(activity.leadAgencyId, row);
    add(byWeek, week, held);
    tick(all, held);
  }
  return { weeks: weeksBetween(first, last), rows: [...rows.values()], byWeek, all };
}
