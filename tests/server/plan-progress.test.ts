// Issue 4 point 7 and issue 6 point 4: a plan's progress per task — activities planned, done (with a result), overdue,
// postponed and cancelled, and planned and achieved figures against each target, aggregated as
// each indicator says (`sum`, or `max` for unique reach), with deleted activities left out.
import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import type { Plan, PlanInput, PlanProgress } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import { testAppOfFile } from '../helpers/app';
import { agencyIdByCode, errorOf, json, postActivity } from '../helpers/factories';

const t = testAppOfFile();
async function createPlan(): Promise<Plan> {
  const input: PlanInput = {
    title: 'Kế hoạch truyền thông thử nghiệm tiến độ',
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  };
  const response = await t.app.inject({ method: 'POST', url: '/api/plans', payload: input });
  expect(response.statusCode, response.body).toBe(201);
  return json<Plan>(response);
}

async function createTask(planId: number, code: string, targets: Task['targets']): Promise<Task> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${planId}/tasks`,
    payload: { code, title: `Nhiệm vụ ${code}`, targets },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<Task>(response);
}

describe('GET /api/plans/:id/progress', () => {
  it('counts each task’s activities and sets planned figures against its targets', async () => {
    const plan = await createPlan();
    const talks = await createTask(plan.id, '1', [
      { indicatorCode: 'attendances', value: 1000 },
      { indicatorCode: 'sessions', value: 10 },
    ]);
    const media = await createTask(plan.id, '2', [{ indicatorCode: 'reach', value: 50000 }]);
    const idle = await createTask(plan.id, '3', [{ indicatorCode: 'leaflets', value: 500 }]);
    const lead = await agencyIdByCode(t.app, 'CA_HUE');

    const talk = (status: ActivityInput['status'], day: string, expected: Record<string, number>) =>
      postActivity(t.app, {
        title: `Nói chuyện chuyên đề ${day}`,
        typeCode: 'thematic_talk',
        start: day,
        leadAgencyId: lead,
        taskId: talks.id,
        status,
        ...(status === 'postponed' || status === 'cancelled' ? { statusNote: 'Mưa bão' } : {}),
        expected,
      });
    const held = await talk('done', '2026-03-10', { attendances: 300, sessions: 1 });
    const logged = await t.app.inject({
      method: 'PUT',
      url: `/api/activities/${held.id}/result`,
      payload: { values: { attendances: 280, sessions: 1 } },
    });
    expect(logged.statusCode, logged.body).toBe(200);
    await talk('planned', '2026-04-10', { attendances: 200, sessions: 1 }); // passed: overdue
    await talk('postponed', '2026-05-10', { attendances: 50, sessions: 1 });
    await talk('cancelled', '2026-06-10', { attendances: 9000, sessions: 1 }); // not counted
    const removed = await talk('planned', '2026-07-10', { attendances: 7000, sessions: 1 });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/activities/${removed.id}`,
      headers: { 'if-match': `"${removed.version}"` },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);

    // Reach is unique people: two posts reaching 30,000 and 20,000 are not 50,000 people.
    for (const reach of [30000, 20000]) {
      const post = await postActivity(t.app, {
        title: `Bài đăng mạng xã hội ${reach}`,
        typeCode: 'social_post',
        start: '2026-07-30',
        leadAgencyId: lead,
        taskId: media.id,
        expected: { reach },
      });
      const result = await t.app.inject({
        method: 'PUT',
        url: `/api/activities/${post.id}/result`,
        payload: { values: { reach: reach - 5000 } },
      });
      expect(result.statusCode, result.body).toBe(200);
    }

    const response = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` });
    expect(response.statusCode, response.body).toBe(200);
    const progress = json<PlanProgress>(response);
    expect(progress).toEqual({
      planId: plan.id,
      tasks: [
        {
          taskId: talks.id,
          planned: 3,
          done: 1,
          overdue: 1,
          postponed: 1,
          cancelled: 1,
          targets: [
            { indicatorCode: 'attendances', target: 1000, scheduled: 550, achieved: 280 },
            { indicatorCode: 'sessions', target: 10, scheduled: 3, achieved: 1 },
          ],
        },
        {
          taskId: media.id,
          planned: 2,
          done: 2,
          overdue: 0,
          postponed: 0,
          cancelled: 0,
          // Unique reach: the largest single figure, never 25,000 + 15,000.
          targets: [{ indicatorCode: 'reach', target: 50000, scheduled: 30000, achieved: 25000 }],
        },
        {
          taskId: idle.id,
          planned: 0,
          done: 0,
          overdue: 0,
          postponed: 0,
          cancelled: 0,
          targets: [{ indicatorCode: 'leaflets', target: 500, scheduled: 0, achieved: 0 }],
        },
      ],
      tasksWithoutActivities: [idle.id],
    });
  });

  it('answers 404 for a plan that does not exist', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans/999999/progress' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });
});
