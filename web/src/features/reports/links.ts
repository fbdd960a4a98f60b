// Where a report's figure leads: the calendar's list of the activities behind it, on the
// period's first month, with the report's filters and the figure's own one (a type, a channel).
import type { ActivityFilters } from '../../api/activities';

export function calendarListHref(date: string, filters: ActivityFilters, own: ActivityFilters = {}): string {
  const params = new URLSearchParams({ view: 'list', date });
  for (const [name, value] of Object.entries({ ...filters, ...own })) {
    if (value) params.set(name, value);
  }
  return `/?${params}`;
}
