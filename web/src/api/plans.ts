import {
  type PlanCopied,
  type PlanCopyInput,
  type PlanCopyPreview,
  planCopyEndpoints,
} from '../../../server/contracts/plan-copy';
import { type Plan, type PlanPatch, type PlanProgress, planEndpoints } from '../../../server/contracts/plans';
import { type Task, taskEndpoints } from '../../../server/contracts/tasks';
import { queryClient } from '../lib/query-client';
import { call } from './client';

export type { Plan, PlanCopied, PlanCopyInput, PlanCopyPreview, PlanProgress, Task };
export type TaskProgress = PlanProgress['tasks'][number];

/** Every plan: a province issues one or two a year. */
export async function listPlans(signal?: AbortSignal): Promise<Plan[]> {
  const page = await call(planEndpoints.list, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return call(planEndpoints.get, { params: { id }, signal });
}

/** Changes a plan's own details; the plan and its list are read again. */
export async function updatePlan(
  id: number,
  version: number,
  patch: Omit<PlanPatch, 'version'>,
): Promise<Plan> {
  const written = await call(planEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await queryClient.invalidateQueries({ queryKey: ['plans'] });
  return written;
}

/** A plan's tasks, in the plan's order. */
export async function listTasks(planId: number, signal?: AbortSignal): Promise<Task[]> {
  const page = await call(taskEndpoints.list, { params: { id: planId }, query: { limit: 1000 }, signal });
  return page.items;
}

export function getTask(id: number, signal?: AbortSignal): Promise<Task> {
  return call(taskEndpoints.get, { params: { id }, signal });
}

/** Each task's activities by status, and their planned figures against its targets. */
export function getPlanProgress(planId: number, signal?: AbortSignal): Promise<PlanProgress> {
  return call(planEndpoints.progress, { params: { id: planId }, signal });
}

/**
 * The plan copied to a new year: the preview, or (with `confirm`) the copy, after which the
 * plans and campaigns are read again.
 */
export async function copyPlan(id: number, body: PlanCopyInput): Promise<PlanCopyPreview | PlanCopied> {
  const answer = await call(planCopyEndpoints.copy, { params: { id }, body });
  if (answer.created) {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['plans'] }),
      queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
    ]);
  }
  return answer;
}
