// Plans: a plan document (number, year, period, goal), its sections and its tasks.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { planSections, plans, tasks } from '../../db/schema';
import type { Plan, PlanInput, PlanPatch, PlanQuery } from '../contracts/plans';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies } from './references';

type PlanRow = typeof plans.$inferSelect;

function toPlans(tx: Tx, rows: PlanRow[]): Plan[] {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const sections = tx
    .select()
    .from(planSections)
    .where(inArray(planSections.planId, ids))
    .orderBy(asc(planSections.id))
    .all();
  const taskCounts = tx
    .select({ planId: tasks.planId, n: count() })
    .from(tasks)
    .where(inArray(tasks.planId, ids))
    .groupBy(tasks.planId)
    .all();
  return rows.map(({ createdAt: _c, updatedAt: _u, ...row }) => ({
    ...row,
    sections: sections
      .filter((section) => section.planId === row.id)
      .map(({ code, title, titleEn }) => ({ code, title, titleEn })),
    taskCount: taskCounts.find((entry) => entry.planId === row.id)?.n ?? 0,
  }));
}

export function readPlan(tx: Tx, id: number): Plan {
  const row = tx.select().from(plans).where(eq(plans.id, id)).get();
  const [plan] = row ? toPlans(tx, [row]) : [];
  if (!plan) throw notFound('kế hoạch', id);
  return plan;
}

export function getPlan(ctx: ServiceContext, id: number): Plan {
  return readPlan(ctx.db, id);
}

export function listPlans(ctx: ServiceContext, query: z.infer<typeof PlanQuery>) {
  const where = and(query.year ? eq(plans.year, query.year) : undefined);
  const rows = ctx.db
    .select()
    .from(plans)
    .where(where)
    .orderBy(asc(plans.year), asc(plans.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(plans).where(where).get()?.n ?? 0;
  return page(toPlans(ctx.db, rows), total, query);
}

function checkPlan(tx: Tx, input: Partial<PlanInput>, selfId?: number): void {
  const details = input.issuerAgencyId
    ? invalidAgencies(tx, 'issuerAgencyId', [input.issuerAgencyId], undefined, false)
    : [];
  if (input.code) {
    const clash = tx.select({ id: plans.id }).from(plans).where(eq(plans.code, input.code)).get();
    if (clash && clash.id !== selfId)
      details.push({ path: 'code', message: `Số kế hoạch ${input.code} đã có` });
  }
  if (details.length > 0) throw invalidFields(details);
}

/** Sections are added or renamed by code, never removed: tasks may point at them. */
function upsertSections(tx: Tx, planId: number, sections: PlanInput['sections']): void {
  for (const section of sections ?? []) {
    tx.insert(planSections)
      .values({ planId, code: section.code, title: section.title, titleEn: section.titleEn ?? '' })
      .onConflictDoUpdate({
        target: [planSections.planId, planSections.code],
        set: { title: section.title, titleEn: section.titleEn ?? '' },
      })
      .run();
  }
}

export function createPlan(ctx: ServiceContext, input: PlanInput): Plan {
  return auditedCreate(
    ctx,
    'plan',
    (tx) => {
      checkPlan(tx, input);
      const id = tx
        .insert(plans)
        .values({
          code: input.code ?? null,
          title: input.title,
          titleEn: input.titleEn ?? '',
          year: input.year,
          startDate: input.startDate,
          endDate: input.endDate,
          issuerAgencyId: input.issuerAgencyId ?? null,
          issueDate: input.issueDate ?? null,
          goal: input.goal ?? '',
          goalEn: input.goalEn ?? '',
        })
        .returning({ id: plans.id })
        .get().id;
      upsertSections(tx, id, input.sections);
      return id;
    },
    readPlan,
  );
}

export function updatePlan(
  ctx: ServiceContext,
  id: number,
  patch: PlanPatch,
  expected: number | undefined,
): Plan {
  const { version: _version, sections, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'plan',
    label: 'Kế hoạch',
    id,
    expected,
    read: readPlan,
    apply: (tx, before, version) => {
      checkPlan(tx, changes, id);
      const startDate = changes.startDate ?? before.startDate;
      const endDate = changes.endDate ?? before.endDate;
      if (endDate < startDate) {
        throw invalidFields([fieldRefusal('endDate', 'range.endDate')]);
      }
      tx.update(plans)
        .set({ ...changes, version, updatedAt: storedNow(ctx.now) })
        .where(eq(plans.id, id))
        .run();
      upsertSections(tx, id, sections);
    },
  });
}
