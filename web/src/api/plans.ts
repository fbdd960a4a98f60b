import { Plan, PlanList, PlanProgress } from '../../../server/contracts/plans';
import { Task, TaskList } from '../../../server/contracts/tasks';
import { apiGet } from './client';

export type { Plan, PlanProgress, Task };
export type TaskProgress = PlanProgress['tasks'][number];

/** Every plan: a province issues one or two a year. */
export async function listPlans(signal?: AbortSignal): Promise<Plan[]> {
  const page = await apiGet('/api/plans', PlanList, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return apiGet(`/api/plans/${id}`, Plan, { signal });
}

/** A plan's tasks, in the plan's order. */
export async function listTasks(planId: number, signal?: AbortSignal): Promise<Task[]> {
  const page = await apiGet(`/api/plans/${planId}/tasks`, TaskList, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getTask(id: number, signal?: AbortSignal): Promise<Task> {
  return apiGet(`/api/tasks/${id}`, Task, { signal });
}

/** Each task's activities by status, and their planned figures against its targets. */
export function getPlanProgress(planId: number, signal?: AbortSignal): Promise<PlanProgress> {
  return apiGet(`/api/plans/${planId}/progress`, PlanProgress, { signal });
}
