// A plan's progress, task by task: how many activities are planned and held (with a
// result), and for each target what is scheduled (planned figures) and achieved (results).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { activities, indicators, results, tasks, taskTargets } from '../../db/schema';
import type { PlanProgress, TaskProgress } from '../contracts/plans';
import { aggregate } from '../domain/indicators';
import { storedNow } from '../domain/time';
import type { ServiceContext } from './context';
import { countedResultOf, countWhere, figureCondition, liveActivity } from './counted-results';
import { readPlan } from './plans';

type ActivityRow = {
  taskId: number | null;
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
    // The counts take the list's own conditions (counted-results), so that each figure's
    // list holds exactly the activities it counts.
    const basis = { acceptedOnly: false, now: storedNow(ctx.now) };
    const counts = new Map(
      taskIds.length
        ? tx
            .select({
              taskId: activities.taskId,
              planned: countWhere(figureCondition('activities', basis)),
              done: countWhere(figureCondition('done', basis)),
              overdue: countWhere(figureCondition('overdue', basis)),
              postponed: countWhere(figureCondition('postponed', basis)),
              cancelled: countWhere(figureCondition('cancelled', basis)),
            })
            .from(activities)
            .where(and(inArray(activities.taskId, taskIds), isNull(activities.deletedAt)))
            .groupBy(activities.taskId)
            .all()
            .map((row) => [row.taskId, row])
        : [],
    );
    const rows: ActivityRow[] = taskIds.length
      ? tx
          .select({
            taskId: activities.taskId,
            expected: activities.expected,
            values: results.values,
          })
          .from(activities)
          .leftJoin(results, countedResultOf(false))
          .where(and(inArray(activities.taskId, taskIds), isNull(activities.deletedAt), liveActivity))
          .all()
      : [];
    const aggregation = new Map(
      tx
        .select({ code: indicators.code, aggregation: indicators.aggregation })
        .from(indicators)
        .all()
        .map((indicator) => [indicator.code, indicator.aggregation]),
    );

    const progress = taskIds.map((taskId): TaskProgress => {
      const live = rows.filter((row) => row.taskId === taskId);
      const count = counts.get(taskId);
      return {
        taskId,
        planned: count?.planned ?? 0,
        done: count?.done ?? 0,
        overdue: count?.overdue ?? 0,
        postponed: count?.postponed ?? 0,
        cancelled: count?.cancelled ?? 0,
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
