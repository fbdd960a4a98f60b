// Busy weeks the coordinators mark on the calendar (exams, festivals) and the hints a planner
// sees in the activity form: a week marked busy, or another activity for the same people in
// the same place on the same day. Hints inform; they never refuse a write.
import { z } from 'zod';
import {
  Code,
  DateString,
  Id,
  IdParam,
  IdParams,
  listOf,
  pageQuery,
  RequiredText,
  VersionField,
} from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';

export const calendarMarkKinds = ['exam', 'festival'] as const;

export const CalendarMark = z.object({
  id: Id,
  kind: z.enum(calendarMarkKinds),
  name: z.string(),
  /** Inclusive at both ends, as people write a period. */
  startDate: DateString,
  endDate: DateString,
  /** Null: the whole province; else the unit and every unit under it. */
  unitId: Id.nullable(),
  createdBy: Id.nullable(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CalendarMark = z.infer<typeof CalendarMark>;

const markFields = {
  kind: z.enum(calendarMarkKinds),
  name: RequiredText(300),
  startDate: DateString,
  endDate: DateString,
  unitId: Id.nullable().optional(),
};

export const CalendarMarkInput = z.strictObject(markFields).refine(periodInOrder, periodMessage);
export type CalendarMarkInput = z.infer<typeof CalendarMarkInput>;
export const CalendarMarkPatch = z
  .strictObject({ ...markFields, ...VersionField })
  .partial()
  .refine(periodInOrder, periodMessage);
export type CalendarMarkPatch = z.infer<typeof CalendarMarkPatch>;

export const CalendarMarkQuery = z.strictObject({
  /** Marks whose days overlap [from, to], both inclusive. */
  from: DateString.optional(),
  to: DateString.optional(),
  ...pageQuery(),
});
export const CalendarMarkList = listOf(CalendarMark);

/** A comma-separated list in a query string (`1,2,3`), as its parts. */
const commaList = z
  .string()
  .max(4000)
  .transform((text) => text.split(',').filter((part) => part !== ''));
const idList = commaList.pipe(
  z
    .array(
      z
        .string()
        .regex(/^[1-9][0-9]{0,12}$/)
        .transform(Number),
    )
    .max(200),
);
const codeList = commaList.pipe(z.array(Code).max(200));

export const PlanningHintQuery = z
  .strictObject({
    /** The activity's first and last local day, both inclusive. */
    startDate: DateString,
    endDate: DateString,
    unitIds: idList.optional(),
    targetGroupCodes: codeList.optional(),
    /** The activity being edited, which never conflicts with itself. */
    excludeId: IdParam.optional(),
  })
  .refine(periodInOrder, periodMessage);
export type PlanningHintQuery = z.infer<typeof PlanningHintQuery>;

export const PlanningHint = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('same_audience'),
    /** The other activity, as the planner needs to recognise it. */
    activity: z.object({ id: Id, title: z.string(), startDate: DateString, leadAgencyId: Id }),
    unitIds: z.array(Id),
    targetGroupCodes: z.array(z.string()),
  }),
  z.object({ kind: z.literal('busy_week'), mark: CalendarMark }),
]);
export type PlanningHint = z.infer<typeof PlanningHint>;
export const PlanningHints = z.object({ hints: z.array(PlanningHint) });

const tags = ['calendar-marks'];

export const calendarMarkEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/calendar-marks',
    query: CalendarMarkQuery,
    response: CalendarMarkList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/calendar-marks',
    body: CalendarMarkInput,
    response: CalendarMark,
    status: 201,
    summary: 'Mark an exam or festival period: activities placed in it get a hint',
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/calendar-marks/:id',
    params: IdParams,
    body: CalendarMarkPatch,
    response: CalendarMark,
    status: 200,
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/calendar-marks/:id',
    params: IdParams,
    response: CalendarMark,
    status: 200,
    summary: 'Soft delete: the mark stays on record',
    tags,
  }),
  hints: endpoint({
    method: 'GET',
    path: '/api/planning-hints',
    query: PlanningHintQuery,
    response: PlanningHints,
    status: 200,
    summary:
      'What a planner should know before placing an activity: busy weeks, the same audience on the same day',
    tags,
  }),
};
