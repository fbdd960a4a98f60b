// Plan tasks: lead and partner agencies, target groups, channels, activity types and
// numeric targets per indicator.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import {
  planSections,
  taskActivityTypes,
  taskAgencies,
  taskChannels,
  tasks,
  taskTargetGroups,
  taskTargets,
} from '../../db/schema';
import type { Task, TaskInput, TaskPatch } from '../contracts/tasks';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidField, invalidFields, notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { readPlan } from './plans';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies, unknownCodes } from './references';

type TaskRow = typeof tasks.$inferSelect;

function toTasks(tx: Tx, rows: TaskRow[]): Task[] {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const agencies = tx.select().from(taskAgencies).where(inArray(taskAgencies.taskId, ids)).all();
  const groups = tx.select().from(taskTargetGroups).where(inArray(taskTargetGroups.taskId, ids)).all();
  const channels = tx.select().from(taskChannels).where(inArray(taskChannels.taskId, ids)).all();
  const types = tx.select().from(taskActivityTypes).where(inArray(taskActivityTypes.taskId, ids)).all();
  const targets = tx.select().from(taskTargets).where(inArray(taskTargets.taskId, ids)).all();
  const sectionIds = rows.flatMap((row) => (row.sectionId ? [row.sectionId] : []));
  const sections =
    sectionIds.length === 0
      ? []
      : tx.select().from(planSections).where(inArray(planSections.id, sectionIds)).all();
  return rows.map((row) => {
    const mine = <T extends { taskId: number }>(list: T[]) => list.filter((entry) => entry.taskId === row.id);
    return {
      id: row.id,
      planId: row.planId,
      sectionCode: sections.find((section) => section.id === row.sectionId)?.code ?? null,
      code: row.code,
      title: row.title,
      titleEn: row.titleEn,
      text: row.text,
      textEn: row.textEn,
      leadAgencyIds: mine(agencies)
        .filter((a) => a.role === 'lead')
        .map((a) => a.agencyId),
      partnerAgencyIds: mine(agencies)
        .filter((a) => a.role === 'partner')
        .map((a) => a.agencyId),
      leadAllAgencies: row.leadAllAgencies,
      partnerAllAgencies: row.partnerAllAgencies,
      targetGroupCodes: mine(groups).map((g) => g.targetGroupCode),
      channelCodes: mine(channels).map((c) => c.channelCode),
      activityTypeCodes: mine(types).map((t) => t.activityTypeCode),
      targets: mine(targets).map(({ indicatorCode, value }) => ({ indicatorCode, value })),
      version: row.version,
    };
  });
}

function readTask(tx: Tx, id: number): Task {
  const row = tx.select().from(tasks).where(eq(tasks.id, id)).get();
  const [task] = row ? toTasks(tx, [row]) : [];
  if (!task) throw notFound('nhiệm vụ', id);
  return task;
}

export function getTask(ctx: ServiceContext, id: number): Task {
  return readTask(ctx.db, id);
}

export function listTasks(ctx: ServiceContext, planId: number, query: { limit: number; offset: number }) {
  readPlan(ctx.db, planId);
  const where = and(eq(tasks.planId, planId));
  const rows = ctx.db
    .select()
    .from(tasks)
    .where(where)
    .orderBy(asc(tasks.sortOrder), asc(tasks.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(tasks).where(where).get()?.n ?? 0;
  return page(toTasks(ctx.db, rows), total, query);
}

function sectionIdOf(tx: Tx, planId: number, sectionCode: string | null | undefined): number | null {
  if (!sectionCode) return null;
  const section = tx
    .select({ id: planSections.id })
    .from(planSections)
    .where(and(eq(planSections.planId, planId), eq(planSections.code, sectionCode)))
    .get();
  if (!section) throw invalidField('sectionCode', 'plan.noSection', { section: sectionCode });
  return section.id;
}

function checkTask(tx: Tx, planId: number, input: Partial<TaskInput>, selfId?: number): void {
  const details = [
    ...invalidAgencies(tx, 'leadAgencyIds', input.leadAgencyIds ?? []),
    ...invalidAgencies(tx, 'partnerAgencyIds', input.partnerAgencyIds ?? []),
    ...unknownCodes(tx, 'targetGroup', 'targetGroupCodes', input.targetGroupCodes ?? []),
    ...unknownCodes(tx, 'channel', 'channelCodes', input.channelCodes ?? []),
    ...unknownCodes(tx, 'activityType', 'activityTypeCodes', input.activityTypeCodes ?? []),
    ...unknownCodes(
      tx,
      'indicator',
      'targets',
      (input.targets ?? []).map((target) => target.indicatorCode),
    ).map((detail) => ({ ...detail, path: `${detail.path}.indicatorCode` })),
  ];
  if (input.code) {
    const clash = tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, planId), eq(tasks.code, input.code)))
      .get();
    if (clash && clash.id !== selfId)
      details.push(fieldRefusal('code', 'task.codeTaken', { code: input.code }));
  }
  if (details.length > 0) throw invalidFields(details);
}

function writeTaskLinks(tx: Tx, id: number, input: Partial<TaskInput>): void {
  const unique = <T>(values: T[]) => [...new Set(values)];
  if (input.leadAgencyIds !== undefined || input.partnerAgencyIds !== undefined) {
    const before = readTask(tx, id);
    tx.delete(taskAgencies).where(eq(taskAgencies.taskId, id)).run();
    const leads = unique(input.leadAgencyIds ?? before.leadAgencyIds).map((agencyId) => ({
      taskId: id,
      agencyId,
      role: 'lead' as const,
    }));
    const partners = unique(input.partnerAgencyIds ?? before.partnerAgencyIds).map((agencyId) => ({
      taskId: id,
      agencyId,
      role: 'partner' as const,
    }));
    if (leads.length + partners.length > 0)
      tx.insert(taskAgencies)
        .values([...leads, ...partners])
        .run();
  }
  if (input.targetGroupCodes !== undefined) {
    tx.delete(taskTargetGroups).where(eq(taskTargetGroups.taskId, id)).run();
    const rows = unique(input.targetGroupCodes).map((targetGroupCode) => ({ taskId: id, targetGroupCode }));
    if (rows.length > 0) tx.insert(taskTargetGroups).values(rows).run();
  }
  if (input.channelCodes !== undefined) {
    tx.delete(taskChannels).where(eq(taskChannels.taskId, id)).run();
    const rows = unique(input.channelCodes).map((channelCode) => ({ taskId: id, channelCode }));
    if (rows.length > 0) tx.insert(taskChannels).values(rows).run();
  }
  if (input.activityTypeCodes !== undefined) {
    tx.delete(taskActivityTypes).where(eq(taskActivityTypes.taskId, id)).run();
    const rows = unique(input.activityTypeCodes).map((activityTypeCode) => ({
      taskId: id,
      activityTypeCode,
    }));
    if (rows.length > 0) tx.insert(taskActivityTypes).values(rows).run();
  }
  if (input.targets !== undefined) {
    tx.delete(taskTargets).where(eq(taskTargets.taskId, id)).run();
    const byCode = new Map(input.targets.map((target) => [target.indicatorCode, target.value]));
    const rows = [...byCode].map(([indicatorCode, value]) => ({ taskId: id, indicatorCode, value }));
    if (rows.length > 0) tx.insert(taskTargets).values(rows).run();
  }
}

export function createTask(ctx: ServiceContext, planId: number, input: TaskInput): Task {
  return auditedCreate(
    ctx,
    'task',
    (tx) => {
      readPlan(tx, planId);
      checkTask(tx, planId, input);
      const id = tx
        .insert(tasks)
        .values({
          planId,
          sectionId: sectionIdOf(tx, planId, input.sectionCode),
          code: input.code,
          title: input.title,
          titleEn: input.titleEn ?? '',
          text: input.text ?? '',
          textEn: input.textEn ?? '',
          leadAllAgencies: input.leadAllAgencies ?? false,
          partnerAllAgencies: input.partnerAllAgencies ?? false,
          sortOrder: tx.select({ n: count() }).from(tasks).where(eq(tasks.planId, planId)).get()?.n ?? 0,
        })
        .returning({ id: tasks.id })
        .get().id;
      writeTaskLinks(tx, id, input);
      return id;
    },
    readTask,
  );
}

export function updateTask(
  ctx: ServiceContext,
  id: number,
  patch: TaskPatch,
  expected: number | undefined,
): Task {
  const {
    version: _v,
    sectionCode,
    leadAgencyIds,
    partnerAgencyIds,
    targetGroupCodes,
    channelCodes,
    activityTypeCodes,
    targets,
    ...changes
  } = patch;
  return auditedUpdate(ctx, {
    entityType: 'task',
    label: 'Nhiệm vụ',
    id,
    expected,
    read: readTask,
    apply: (tx, before, version) => {
      checkTask(tx, before.planId, patch, id);
      const section =
        sectionCode === undefined ? {} : { sectionId: sectionIdOf(tx, before.planId, sectionCode) };
      tx.update(tasks)
        .set({ ...changes, ...section, version, updatedAt: storedNow(ctx.now) })
        .where(eq(tasks.id, id))
        .run();
      writeTaskLinks(tx, id, {
        leadAgencyIds,
        partnerAgencyIds,
        targetGroupCodes,
        channelCodes,
        activityTypeCodes,
        targets,
      });
    },
  });
}
