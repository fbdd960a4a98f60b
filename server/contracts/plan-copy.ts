// Copying a plan forward (issue 13 point 7, DESIGN §4.1 `POST /api/plans/:id/copy`): the
// plan, its tasks with their targets and its campaigns, in a new year. Without `confirm` the
// answer is the preview: what will be created, every agency replaced by the body that took
// it over since, every one that cannot be replaced without the planner's word, and every
// date a planner should look at again. With `confirm: true` (and a decision for each of the
// unresolved ones) the copy is created in one transaction.
import { z } from 'zod';
import { DateString, Id, IdParams } from './common';
import { endpoint } from './endpoints';
import { Plan } from './plans';

export const AgencyRef = z.object({ id: Id, name: z.string(), shortName: z.string() });
export type AgencyRef = z.infer<typeof AgencyRef>;

/**
 * Why an agency named in the plan is replaced or must be decided: it ended (`validTo`) and
 * one body carries on its work (`succeeded`), several do (`split`), or none does (`ended`).
 */
export const ReplacementReason = z.enum(['succeeded', 'split', 'ended']);

export const AgencyReplacement = z.object({
  from: AgencyRef,
  /** The bodies in force in the new year that take the agency's place. */
  to: z.array(AgencyRef),
  reason: ReplacementReason,
  /** The day the agency ended. */
  endedOn: DateString.nullable(),
  /** Where the plan names it: the tasks' codes and campaigns' names. */
  usedIn: z.array(z.string()),
});

/** A shifted date to look at again: a 29 February, or a window bound to weekdays. */
export const DateReview = z.object({
  what: z.string(),
  from: DateString,
  to: DateString,
  reason: z.enum(['leapDay', 'weekBound']),
});

const CopiedTask = z.object({
  code: z.string(),
  title: z.string(),
  leadAgencyIds: z.array(Id),
  partnerAgencyIds: z.array(Id),
  targetCount: z.number().int(),
});

const CopiedCampaign = z.object({
  name: z.string(),
  theme: z.string(),
  startDate: DateString,
  endDate: DateString,
  leadAgencyId: Id.nullable(),
});

export const PlanCopyPreview = z.object({
  created: z.literal(false),
  plan: z.object({ title: z.string(), year: z.number().int(), startDate: DateString, endDate: DateString }),
  tasks: z.array(CopiedTask),
  campaigns: z.array(CopiedCampaign),
  /** Replaced without a question (one successor), listed for the planner to confirm. */
  replacements: z.array(AgencyReplacement),
  /** A split or an end without successor: the planner decides in `choices`. */
  unresolved: z.array(AgencyReplacement),
  dates: z.array(DateReview),
});
export type PlanCopyPreview = z.infer<typeof PlanCopyPreview>;

export const PlanCopied = z.object({
  created: z.literal(true),
  plan: Plan,
  taskIds: z.array(Id),
  campaignIds: z.array(Id),
});
export type PlanCopied = z.infer<typeof PlanCopied>;

export const PlanCopyInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  confirm: z.boolean().optional(),
  /**
   * The planner's decisions: the agencies that take `from`'s place (none: it is left out).
   * Required for each unresolved agency; a replacement may be overridden the same way.
   */
  choices: z
    .array(z.strictObject({ from: Id, to: z.array(Id).max(50) }))
    .max(500)
    .optional(),
});
export type PlanCopyInput = z.infer<typeof PlanCopyInput>;

export const planCopyEndpoints = {
  copy: endpoint({
    method: 'POST',
    path: '/api/plans/:id/copy',
    params: IdParams,
    body: PlanCopyInput,
    response: z.discriminatedUnion('created', [PlanCopyPreview, PlanCopied]),
    status: 200,
    summary: 'Preview, then create, the plan copied to a new year',
    tags: ['plans'],
  }),
};
