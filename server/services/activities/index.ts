// Activities: what is scheduled on the calendar. Split by operation: times (stored and
// shown), links (the list-valued fields), scope (which activities are an agency's or a
// unit's), filters (the list's query), read and writes, and series (recurring activities).

export { createActivities, rowDetails } from './bulk';
export { checkRange, listConditions } from './filters';
export { loadLinks } from './links';
export { getActivity, listActivities, pageOfActivities, readOne } from './read';
export { heldInUnits, ledOrJoinedBy, overdueAt } from './scope';
export { createSeries, deleteInSeries, updateInSeries } from './series';
export { createActivity, deleteActivity, restoreActivity } from './writes';
