// Activities: what is scheduled on the calendar. Split by operation: times (stored and
// shown), links (the list-valued fields), scope (which activities are an agency's or a
// unit's), filters (the list's query), read and writes.

export { createActivities } from './bulk';
export { checkRange, listConditions } from './filters';
export { loadLinks } from './links';
export { getActivity, listActivities, pageOfActivities, readOne } from './read';
export { heldInUnits, ledOrJoinedBy, overdueAt } from './scope';
export { createActivity, deleteActivity, restoreActivity, updateActivity } from './writes';
