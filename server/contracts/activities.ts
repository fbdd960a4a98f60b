import { z } from 'zod';
import { bulkActivityLimit } from '../domain/activities';
import { seriesLimit } from '../domain/recurrence';
import { refusalText } from '../domain/refusals';
import type { ActivityStatus } from '../domain/vocabularies';
import { activityStatuses } from '../domain/vocabularies';
import {
  Code,
  Count,
  DateOrDateTime,
  DateString,
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
  /** The recurring series it is an occurrence of (DESIGN §4.1), its place there from 0. */
  seriesId: Id.nullable(),
  seriesPosition: z.number().int().nullable(),
  /** Changed alone (moved, cancelled, edited "this one"): series edits leave it as it is. */
  seriesDetached: z.boolean(),
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

/**
 * A repeat rule (DESIGN §4.1), expanded by server/domain/recurrence.ts: weekly on weekdays
 * (Monday 1 … Sunday 7) or monthly on a day of the month, until a date or for a count.
 */
export const Recurrence = z
  .strictObject({
    freq: z.enum(['weekly', 'monthly']),
    interval: z.number().int().min(1).max(52).default(1),
    byWeekday: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    byMonthDay: z.number().int().min(1).max(31).optional(),
    until: DateString.optional(),
    count: z.number().int().min(1).max(seriesLimit, refusalText('series.tooMany')).optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.until === undefined) === (rule.count === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: refusalText('series.endNeeded') });
    }
    if (rule.byWeekday && rule.freq !== 'weekly') {
      ctx.addIssue({ code: 'custom', path: ['byWeekday'], message: refusalText('series.weekdaysWeekly') });
    }
    if (rule.byMonthDay !== undefined && rule.freq !== 'monthly') {
      ctx.addIssue({ code: 'custom', path: ['byMonthDay'], message: refusalText('series.monthDayMonthly') });
    }
  });
export type Recurrence = z.infer<typeof Recurrence>;

/** A create is a single activity, or with `recurrence` the first of a series. */
export const ActivityCreateInput = z
  .strictObject({ ...activityFields, recurrence: Recurrence.optional() })
  .superRefine((value, ctx) => {
    checkActivityTimes(value, ctx);
    checkStatusNote(value, ctx);
    // The series' first local date is the start's own date as written (its offset is the zone's).
    const until = value.recurrence?.until;
    if (until !== undefined && value.start.slice(0, 10) > until) {
      ctx.addIssue({
        code: 'custom',
        path: ['recurrence', 'until'],
        message: refusalText('series.untilBeforeStart'),
      });
    }
  });
export type ActivityCreateInput = z.infer<typeof ActivityCreateInput>;

/** A created series: each occurrence is an activity of its own. */
export const SeriesCreated = z.object({ seriesId: Id, items: z.array(Activity) });
export type SeriesCreated = z.infer<typeof SeriesCreated>;

export const seriesScopes = ['this', 'following', 'all'] as const;
export type SeriesScope = (typeof seriesScopes)[number];

/** Which occurrences a change of a series occurrence reaches; without it, this one alone. */
export const SeriesScopeQuery = z.strictObject({ scope: z.enum(seriesScopes).optional() });

/** Why a series edit left an occurrence alone. */
export const seriesSkipReasons = ['result', 'locked', 'detached'] as const;

/** What a series edit did: the occurrences changed, and those it left alone and why. */
export const SeriesOutcome = z.object({
  updated: z.array(Id),
  /** `start` as the activity shows it, so the answer can be read without fetching each one. */
  skipped: z.array(z.object({ id: Id, start: z.string(), reason: z.enum(seriesSkipReasons) })),
});
export type SeriesOutcome = z.infer<typeof SeriesOutcome>;

/** The activity changed (or left alone); after an edit of a series, what it did to the others. */
export const ActivityChanged = Activity.extend({ series: SeriesOutcome.optional() });
export type ActivityChanged = z.infer<typeof ActivityChanged>;

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
    body: ActivityCreateInput,
    response: z.union([Activity, SeriesCreated]),
    status: 201,
    summary: `One activity; with recurrence, a series of up to ${seriesLimit} ({ seriesId, items })`,
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
    query: SeriesScopeQuery,
    body: ActivityPatch,
    response: ActivityChanged,
    status: 200,
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/activities/:id',
    params: IdParams,
    query: SeriesScopeQuery,
    response: ActivityChanged,
    status: 200,
    summary: 'Soft delete; of a series occurrence with ?scope=this|following|all',
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
