// The calendar's address: the view, the date, the filters and the colouring live in it
// (`?view=week&date=2026-07-30&agencyId=4`), so that a filtered calendar can be bookmarked
// and shared, a reload shows the same, and Back and Forward go through the dates looked at.
import { type ActivityFilters, activityFilterNames, activityStatuses } from '../../api/activities';
import { type CalendarView, isCalendarView } from './ActivityCalendar';

export const colorings = ['status', 'campaign', 'type'] as const;
export type ColorBy = (typeof colorings)[number];
export type FilterName = (typeof activityFilterNames)[number];

export type Address = {
  view: CalendarView | undefined;
  date: string | undefined;
  colorBy: ColorBy;
  /** Whether the Vietnamese lunar date is shown under each day (`lunar=1`). */
  lunar: boolean;
  /**
   * The "mine" switch as the address gives it (`mine=1` on, `mine=0` off); undefined when the
   * address says nothing, and then the role's default applies.
   */
  mine: boolean | undefined;
  /** An activity whose details open with the calendar (`activity=12`), as a feed's link asks. */
  activityId: number | undefined;
  filters: ActivityFilters;
};

export function readAddress(): Address {
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
    lunar: params.get('lunar') === '1',
    mine: params.get('mine') === '1' ? true : params.get('mine') === '0' ? false : undefined,
    activityId: /^[1-9]\d{0,9}$/.test(params.get('activity') ?? '')
      ? Number(params.get('activity'))
      : undefined,
    filters,
  };
}

/** Drops what the server would refuse, so that an edited address never shows an error. */
export function filterValueFits(name: FilterName, value: string): boolean {
  if (name === 'status') return activityStatuses.some((status) => status === value);
  if (name.endsWith('Id')) return /^[1-9]\d{0,9}$/.test(value);
  return /^[\w.-]{1,64}$/.test(value);
}

/**
 * Changes the address. Filtering and colouring change it in place (`replace`): they are not a
 * new page to go back from. Moving to another month or view is (`push`), as in a paper diary.
 */
export function writeAddress(changes: Record<string, string | undefined>, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const search = params.toString();
  const next = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (next === window.location.pathname + window.location.search) return;
  if (mode === 'push') window.history.pushState(null, '', next);
  else window.history.replaceState(null, '', next);
}

export function sameFilters(a: ActivityFilters, b: ActivityFilters): boolean {
  return activityFilterNames.every((name) => a[name] === b[name]);
}
