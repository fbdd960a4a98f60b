import { type Plan, PlanList } from '../../../server/contracts/plans';
import { type Task, TaskList } from '../../../server/contracts/tasks';
import { apiGet } from './client';

export type { Plan, Task };

/** Every plan: a province issues one or two a year. */
export async function listPlans(signal?: AbortSignal): Promise<Plan[]> {
  const page = await apiGet('/api/plans', PlanList, { query: { limit: 1000 }, signal });
  return page.items;
}

/** A plan's tasks, in the plan's order. */
export async function listTasks(planId: number, signal?: AbortSignal): Promise<Task[]> {
  const page = await apiGet(`/api/plans/${planId}/tasks`, TaskList, { query: { limit: 1000 }, signal });
  return page.items;
}
