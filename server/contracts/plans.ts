import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { DateString, Id, IdParams, listOf, pageQuery, RequiredText, Text, VersionField } from './common';
import { endpoint } from './endpoints';

export const PlanSection = z.object({ code: z.string(), title: z.string(), titleEn: z.string() });

export const Plan = z.object({
  id: Id,
  code: z.string().nullable(),
  title: z.string(),
  titleEn: z.string(),
  year: z.number().int(),
  startDate: DateString,
  endDate: DateString,
  issuerAgencyId: Id.nullable(),
  /** The day the plan was signed, which a report citing it names; null when not known. */
  issueDate: DateString.nullable(),
  goal: z.string(),
  goalEn: z.string(),
  sections: z.array(PlanSection),
  taskCount: z.number().int(),
  version: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

const planFields = {
  code: Text.min(1).max(100).nullable().optional(),
  title: RequiredText(500),
  titleEn: Text.max(500).optional(),
  year: z.number().int().min(2000).max(2100),
  startDate: DateString,
  endDate: DateString,
  issuerAgencyId: Id.nullable().optional(),
  issueDate: DateString.nullable().optional(),
  goal: Text.max(5000).optional(),
  goalEn: Text.max(5000).optional(),
  sections: z
    .array(
      z.strictObject({ code: RequiredText(20), title: RequiredText(300), titleEn: Text.max(300).optional() }),
    )
    .max(50)
    .optional(),
};

/** Periods are inclusive at both ends, so a one-day plan has startDate == endDate. */
const periodInOrder = (value: { startDate?: string; endDate?: string }) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;
export const periodMessage = { message: refusalText('range.endDate'), path: ['endDate'] };

export const PlanInput = z.strictObject(planFields).refine(periodInOrder, periodMessage);
export const PlanPatch = z
  .strictObject({ ...planFields, ...VersionField })
  .partial()
  .refine(periodInOrder, periodMessage);
export type PlanInput = z.infer<typeof PlanInput>;
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanQuery = z.strictObject({ year: z.coerce.number().int().optional(), ...pageQuery() });
export const PlanList = listOf(Plan);

export { periodInOrder };

// ---------------------------------------------------------------- progress

/** How far a task's activities have come against one of its targets. */
export const TargetProgress = z.object({
  indicatorCode: z.string(),
  target: z.number().int(),
  /**
   * The planned figures of the task's activities that are not cancelled, aggregated as the
   * indicator says (`sum`, or `max` for figures such as unique reach that never add up).
   */
  scheduled: z.number().int(),
  /** The figures of the results logged for the task's activities, aggregated the same way. */
  achieved: z.number().int(),
});

export const TaskProgress = z.object({
  taskId: Id,
  /** Activities of the task that are not cancelled: what the plan counts as planned. */
  planned: z.number().int(),
  /** Those with a result. */
  done: z.number().int(),
  /** Planned or confirmed, and their end has passed. */
  overdue: z.number().int(),
  postponed: z.number().int(),
  cancelled: z.number().int(),
  targets: z.array(TargetProgress),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

export const PlanProgress = z.object({
  planId: Id,
  tasks: z.array(TaskProgress),
  /** Tasks with no activity at all (cancelled ones aside): what a leader asks about first. */
  tasksWithoutActivities: z.array(Id),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

const tags = ['plans'];

export const planEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/plans',
    query: PlanQuery,
    response: PlanList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/plans',
    body: PlanInput,
    response: Plan,
    status: 201,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/plans/:id',
    params: IdParams,
    response: Plan,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/plans/:id',
    params: IdParams,
    body: PlanPatch,
    response: Plan,
    status: 200,
    tags,
  }),
  /** Read by the plan page: its tasks' activities planned and done, and each target's standing. */
  progress: endpoint({
    method: 'GET',
    path: '/api/plans/:id/progress',
    params: IdParams,
    response: PlanProgress,
    status: 200,
    tags,
  }),
};
