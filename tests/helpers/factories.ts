// Small helpers that tests share: look a record up by its stable code, post an activity,
// read a JSON answer with its contract type. Everything goes through inject().
import type { LightMyRequestResponse } from 'fastify';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { Agency } from '../../server/contracts/agencies';
import type { ErrorBody } from '../../server/contracts/common';
import type { Plan } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import type { Unit } from '../../server/contracts/units';
import type { Injector } from './app';

export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

/** The JSON body of an answer, typed as the contract says it is. */
export function json<T>(response: LightMyRequestResponse): T {
  return response.json<T>();
}

export function errorOf(response: LightMyRequestResponse): ErrorBody {
  return response.json<ErrorBody>();
}

/** The `path` of every validation detail of a 400 answer. */
export function detailPaths(response: LightMyRequestResponse): string[] {
  return (errorOf(response).details ?? []).map((detail) => detail.path);
}

export async function getJson<T>(app: Injector, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) {
    throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
  }
  return response.json<T>();
}

export async function unitByCode(app: Injector, code: string): Promise<Unit> {
  const page = await getJson<Page<Unit>>(app, `/api/units?code=${encodeURIComponent(code)}`);
  const [unit] = page.items;
  if (!unit || page.items.length !== 1) throw new Error(`No single unit with code ${code}`);
  return unit;
}

export async function unitIdByCode(app: Injector, code: string): Promise<number> {
  return (await unitByCode(app, code)).id;
}

export async function agencyByCode(app: Injector, code: string): Promise<Agency> {
  const page = await getJson<Page<Agency>>(app, `/api/agencies?code=${encodeURIComponent(code)}`);
  const [agency] = page.items;
  if (!agency || page.items.length !== 1) throw new Error(`No single agency with code ${code}`);
  return agency;
}

export async function agencyIdByCode(app: Injector, code: string): Promise<number> {
  return (await agencyByCode(app, code)).id;
}

/** The seeded 2024 plan. */
export async function seededPlan(app: Injector): Promise<Plan> {
  const page = await getJson<Page<Plan>>(app, '/api/plans?year=2024');
  const [plan] = page.items;
  if (!plan) throw new Error('The 2024 plan is not seeded');
  return plan;
}

export async function taskByCode(app: Injector, planId: number, code: string): Promise<Task> {
  const page = await getJson<Page<Task>>(app, `/api/plans/${planId}/tasks`);
  const task = page.items.find((item) => item.code === code);
  if (!task) throw new Error(`Plan ${planId} has no task ${code}`);
  return task;
}

/** POSTs an activity and returns the raw answer, for tests that look at refusals. */
export function postActivityRaw(app: Injector, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/activities', payload: body as object });
}

/** POSTs an activity that must be accepted, and returns it. */
export async function postActivity(app: Injector, body: ActivityInput): Promise<Activity> {
  const response = await postActivityRaw(app, body);
  if (response.statusCode !== 201) {
    throw new Error(`POST /api/activities answered ${response.statusCode}: ${response.body}`);
  }
  return response.json<Activity>();
}

/** A valid all-day activity in 2025 led by CA_HUE, to be varied by each test. */
export async function activityBody(
  app: Injector,
  overrides: Partial<ActivityInput> = {},
): Promise<ActivityInput> {
  return {
    title: 'Nói chuyện chuyên đề “Cảnh giác việc nhẹ lương cao”',
    typeCode: 'thematic_talk',
    channelCodes: ['direct'],
    start: '2025-03-20',
    leadAgencyId: await agencyIdByCode(app, 'CA_HUE'),
    targetGroupCodes: ['students_secondary'],
    expected: { attendances: 300 },
    ...overrides,
  };
}

export async function listActivities(app: Injector, query: string): Promise<Page<Activity>> {
  return getJson<Page<Activity>>(app, `/api/activities?${query}`);
}
