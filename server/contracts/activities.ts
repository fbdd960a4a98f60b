import { z } from 'zod';
import { bulkActivityLimit } from '../domain/activities';
import { refusalText } from '../domain/refusals';
import type { ActivityStatus } from '../domain/vocabularies';
import { activityStatuses } from '../domain/vocabularies';
import {
  Code,
  Count,
  DateOrDateTime,
  Id,
  IdParam,
  IdParams,
  isDate,
  isOffsetDateTime,
  listOf,
  pageQuery,
  RequiredText,
  Text,
  VersionField,
} from './common';
import { endpoint } from './endpoints';
import { reviewStatuses } from './results';

export type { ActivityStatus };

/** Planned figures by indicator code. Whole, non-negative counts: half a leaflet is a typo. */
export const Figures = z.record(Code, Count);

export const Activity = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  typeCode: z.string(),
  channelCodes: z.array(z.string()),
  status: z.enum(activityStatuses),
  /** Why it was postponed or cancelled. */
  statusNote: z.string(),
  allDay: z.boolean(),
  /** `YYYY-MM-DD` when all-day, else ISO 8601 with the APP_TIMEZONE offset. */
  start: z.string(),
  /** Exclusive, in the same form as `start`. */
  end: z.string(),
  leadAgencyId: Id,
  partnerAgencyIds: z.array(Id),
  unitIds: z.array(Id),
  venue: z.string(),
  targetGroupCodes: z.array(z.string()),
  taskId: Id.nullable(),
  campaignId: Id.nullable(),
  expected: Figures,
  /** Where its result stands: null while none was logged. */
  resultStatus: z.enum(reviewStatuses).nullable(),
  /** Its end has passed while still planned or confirmed. */
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: Id.nullable(),
  deletedAt: z.string().nullable(),
});
export type Activity = z.infer<typeof Activity>;

const activityFields = {
  title: RequiredText(300),
  description: Text.max(10000).optional(),
  typeCode: Code,
  channelCodes: z.array(Code).max(20).optional(),
  status: z.enum(activityStatuses).optional(),
  statusNote: Text.max(1000).optional(),
  allDay: z.boolean().optional(),
  start: DateOrDateTime,
  end: DateOrDateTime.optional(),
  leadAgencyId: Id,
  partnerAgencyIds: z.array(Id).max(100).optional(),
  unitIds: z.array(Id).max(200).optional(),
  venue: Text.max(500).optional(),
  targetGroupCodes: z.array(Code).max(30).optional(),
  taskId: Id.nullable().optional(),
  campaignId: Id.nullable().optional(),
  expected: Figures.optional(),
};

type ActivityTimes = { allDay?: boolean | undefined; start?: string | undefined; end?: string | undefined };

/**
 * DESIGN §3: an all-day activity has dates, a timed one has date-times with an offset,
 * and `end` (exclusive) comes after `start`. Kept in the schema so that every writer,
 * the API and the web form alike, applies the same rule.
 */
export function checkActivityTimes(value: ActivityTimes, ctx: z.RefinementCtx): void {
  // A start or end in neither form already has its own message from DateOrDateTime.
  const readable = (time: string | undefined) => time === undefined || isDate(time) || isOffsetDateTime(time);
  if (value.start === undefined || !readable(value.start) || !readable(value.end)) return;
  const allDay = value.allDay ?? isDate(value.start);
  const fits = allDay ? isDate : isOffsetDateTime;
  if (!fits(value.start)) {
    ctx.addIssue({
      code: 'custom',
      path: ['start'],
      message: refusalText(allDay ? 'activity.startAllDay' : 'activity.startTimed'),
    });
    return;
  }
  if (value.end === undefined) return;
  if (!fits(value.end)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: refusalText(allDay ? 'activity.endAllDay' : 'activity.endTimed'),
    });
    return;
  }
  const ordered = allDay ? value.end > value.start : Date.parse(value.end) > Date.parse(value.start);
  if (!ordered) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: refusalText('activity.endBeforeStart') });
  }
}

/** Postponing or cancelling says why: the reason is what a leader asks first. */
export function checkStatusNote(
  value: { status?: ActivityStatus | undefined; statusNote?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((value.status === 'postponed' || value.status === 'cancelled') && !value.statusNote) {
    ctx.addIssue({ code: 'custom', path: ['statusNote'], message: refusalText('activity.reasonNeeded') });
  }
}

export const ActivityInput = z.strictObject(activityFields).superRefine((value, ctx) => {
  checkActivityTimes(value, ctx);
  checkStatusNote(value, ctx);
});
export type ActivityInput = z.infer<typeof ActivityInput>;

/** Several activities created at once (copies of one to other dates or places): all or none. */
export const ActivityBulkInput = z.strictObject({
  items: z
    .array(ActivityInput)
    .min(1, refusalText('activity.bulkEmpty'))
    .max(bulkActivityLimit, refusalText('activity.bulkTooMany')),
});
export type ActivityBulkInput = z.infer<typeof ActivityBulkInput>;

export const ActivityBulkResult = z.object({ items: z.array(Activity) });
export type ActivityBulkResult = z.infer<typeof ActivityBulkResult>;

/** A patch names only what changes; the merged activity is then checked as ActivityInput. */
export const ActivityPatch = z.strictObject({ ...activityFields, ...VersionField }).partial();
export type ActivityPatch = z.infer<typeof ActivityPatch>;

export const ActivityQuery = z.strictObject({
  /** Range bounds: a date is local midnight in APP_TIMEZONE; a date-time carries its offset. */
  start: DateOrDateTime.optional(),
  end: DateOrDateTime.optional(),
  agencyId: IdParam.optional().describe('lead or partner'),
  unitId: IdParam.optional(),
  campaignId: IdParam.optional(),
  taskId: IdParam.optional(),
  typeCode: Code.optional(),
  channelCode: Code.optional(),
  targetGroupCode: Code.optional(),
  status: z.enum(activityStatuses).optional(),
  /** `true`: its end has passed while still planned or confirmed (a "My work" list); `false`: the others. */
  overdue: z.enum(['true', 'false']).optional(),
  /**
   * `true`: the signed-in user's own work: led or joined by their agency, or held in their
   * units (everything for a coordinator or admin with neither).
   */
  mine: z.enum(['true', 'false']).optional(),
  /** Where the result stands; `none` for activities without one. */
  resultStatus: z.enum([...reviewStatuses, 'none']).optional(),
  // A calendar asks for a whole month in one request, hence the larger bound.
  ...pageQuery(5000, 10000),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityList = listOf(Activity);
export type ActivityList = z.infer<typeof ActivityList>;

export { activityStatuses };

/** A calendar app cannot send a cookie or a header: a feed token goes in the address. */
export const CalendarFeedQuery = z.strictObject({
  ...ActivityQuery.shape,
  token: z.string().max(100).optional(),
});

const tags = ['activities'];

export const activityEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/activities',
    query: ActivityQuery,
    response: ActivityList,
    status: 200,
    summary: 'Activities overlapping [start, end), with filters',
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/activities',
    body: ActivityInput,
    response: Activity,
    status: 201,
    tags,
  }),
  createMany: endpoint({
    method: 'POST',
    path: '/api/activities/bulk',
    body: ActivityBulkInput,
    response: ActivityBulkResult,
    status: 201,
    summary: `Up to ${bulkActivityLimit} activities in one transaction, or none (400 naming items.N.field)`,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/activities/:id',
    params: IdParams,
    response: Activity,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/activities/:id',
    params: IdParams,
    body: ActivityPatch,
    response: Activity,
    status: 200,
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/activities/:id',
    params: IdParams,
    response: Activity,
    status: 200,
    summary: 'Soft delete',
    tags,
  }),
  restore: endpoint({
    method: 'POST',
    path: '/api/activities/:id/restore',
    params: IdParams,
    response: Activity,
    status: 200,
    tags,
  }),
  /** The answer is iCalendar text, not JSON. */
  calendarFeed: endpoint({
    method: 'GET',
    path: '/api/calendar.ics',
    query: CalendarFeedQuery,
    response: z.string(),
    produces: ['text/calendar'],
    status: 200,
    summary:
      'The activities as iCalendar, with the activity filters; session, API token or ?token= feed token',
    tags,
  }),
};
