// A plan's progress, task by task: how many activities are planned and held (with a
// result), and for each target what is scheduled (planned figures) and achieved (results).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { activities, indicators, results, tasks, taskTargets } from '../../db/schema';
import type { PlanProgress, TaskProgress } from '../contracts/plans';
import { isOverdue } from '../domain/activities';
import { aggregate } from '../domain/indicators';
import { storedNow } from '../domain/time';
import type { ServiceContext } from './context';
import { countedResults } from './counted-results';
import { readPlan } from './plans';

type ActivityRow = {
  taskId: number | null;
  status: string;
  endAt: string;
  expected: Record<string, number>;
  /** The result's figures; null without a result. */
  values: Record<string, number> | null;
};

export function getPlanProgress(ctx: ServiceContext, planId: number): PlanProgress {
  return ctx.db.transaction((tx) => {
    readPlan(tx, planId); // 404 for an unknown plan
    const taskRows = tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.planId, planId))
      .orderBy(tasks.id)
      .all();
    const taskIds = taskRows.map((task) => task.id);
    const targets = taskIds.length
      ? tx.select().from(taskTargets).where(inArray(taskTargets.taskId, taskIds)).all()
      : [];
    const rows: ActivityRow[] = taskIds.length
      ? tx
          .select({
            taskId: activities.taskId,
            status: activities.status,
            endAt: activities.endAt,
            expected: activities.expected,
            values: results.values,
          })
          .from(activities)
          .leftJoin(results, and(eq(results.activityId, activities.id), countedResults(false)))
          .where(and(inArray(activities.taskId, taskIds), isNull(activities.deletedAt)))
          .all()
      : [];
    const aggregation = new Map(
      tx
        .select({ code: indicators.code, aggregation: indicators.aggregation })
        .from(indicators)
        .all()
        .map((indicator) => [indicator.code, indicator.aggregation]),
    );
    const now = storedNow(ctx.now);

    const progress = taskIds.map((taskId): TaskProgress => {
      const mine = rows.filter((row) => row.taskId === taskId);
      const live = mine.filter((row) => row.status !== 'cancelled');
      return {
        taskId,
        planned: live.length,
        done: live.filter((row) => row.values !== null).length,
        overdue: mine.filter((row) => isOverdue(row, now)).length,
        postponed: mine.filter((row) => row.status === 'postponed').length,
        cancelled: mine.length - live.length,
        targets: targets
          .filter((target) => target.taskId === taskId)
          .map((target) => ({
            indicatorCode: target.indicatorCode,
            target: target.value,
            scheduled: aggregate(
              live.map((row) => row.expected[target.indicatorCode] ?? 0),
              aggregation.get(target.indicatorCode) ?? 'sum',
            ),
            achieved: aggregate(
              live.flatMap((row) => (row.values ? [row.values[target.indicatorCode] ?? 0] : [])),
              aggregation.get(target.indicatorCode) ?? 'sum',
            ),
          })),
      };
    });
    return {
      planId,
      tasks: progress,
      tasksWithoutActivities: progress.filter((task) => task.planned === 0).map((task) => task.taskId),
    };
  });
}
