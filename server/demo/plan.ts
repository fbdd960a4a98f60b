// This year's demo plan: the seeded 2024 plan's sections and tasks (the province's standing
// programme), each led by the agencies that plan names, or by the bodies that took them
// over since (the 1/1/2025 and 1/7/2025 mergers: the provincial police became the city's,
// the Department of Information and Communications went into Science and Technology, the
// radio and television station into the merged press and broadcasting body), with yearly
// targets; and the rule by which an activity finds the task it serves.
import { asc } from 'drizzle-orm';
import { agencySuccessions, plans } from '../../db/schema';
import planData from '../../db/seed/plan-2024.json' with { type: 'json' };
import { successorsOn } from '../domain/succession';
import { validOn } from '../domain/validity';
import { createPlan, getPlan } from '../services/plans';
import { createTask, listTasks } from '../services/tasks';
import type { DemoPlan, DemoTask, DemoWorld } from './world';

export type { DemoPlan, DemoTask };

/** The observances each seed task is about, by task code (the database keeps no such link). */
const observancesByTask = new Map(
  planData.sections.flatMap((section) =>
    section.tasks.map((task) => [task.code, 'observanceCodes' in task ? task.observanceCodes : []] as const),
  ),
);

/** Yearly targets a province typically sets, for the indicators the demo plan's tasks aim at. */
const demoTargets: Record<string, number> = {
  sessions: 150,
  attendances: 30000,
  news_items: 120,
  programmes: 24,
  sms_sent: 2000000,
  leaflets: 20000,
};

/**
 * The bodies in force on the day that carry on the named agencies' work: each itself while
 * it lasts, else its successors (several for a split, as the Department of Labour's work
 * went to Home Affairs and to Health). One that ended without a successor is left out
 * rather than named in a plan after its end.
 */
function inForceSuccessors(world: DemoWorld, date: string): (ids: number[]) => number[] {
  const successions = world.ctx.db
    .select({ from: agencySuccessions.fromAgencyId, to: agencySuccessions.toAgencyId })
    .from(agencySuccessions)
    .all();
  const successors = successorsOn(world.agencies, successions, date);
  const inForce = new Set(world.agencies.filter((agency) => validOn(agency, date)).map((a) => a.id));
  return (ids) =>
    [...new Set(ids.flatMap((id) => successors.get(id) ?? [id]))].filter((id) => inForce.has(id));
}

/** A task's targets: the demo's yearly figures for the first two indicators its types count. */
function targetsFor(world: DemoWorld, activityTypeCodes: string[]) {
  const indicatorCodes = new Set(
    activityTypeCodes.flatMap((code) => world.types.get(code)?.indicatorCodes ?? []),
  );
  return Object.entries(demoTargets)
    .filter(([code]) => indicatorCodes.has(code))
    .slice(0, 2)
    .map(([indicatorCode, value]) => ({ indicatorCode, value }));
}

/** This year's plan and its tasks, built from the seeded 2024 plan; null in 2024 itself. */
export function seedPlan(world: DemoWorld, year: number): DemoPlan | null {
  const { ctx } = world;
  const source = ctx.db.select().from(plans).orderBy(asc(plans.year)).get();
  if (!source || source.year === year) return null;
  const yearStart = `${year}-01-01`;
  const carriedOn = inForceSuccessors(world, yearStart);
  const sourcePlan = getPlan(ctx, source.id);
  // The standing programme's texts name its own year; the demo plan speaks of its year.
  const ofYear = (text: string) => text.replaceAll(String(source.year), String(year));
  const plan = createPlan(ctx, {
    // A number and a date as a real plan has, so that the reports' opening cites it in full.
    code: `25/KH-UBND`,
    issueDate: `${year}-01-15`,
    title: `Kế hoạch truyền thông, phòng ngừa tội phạm mua bán người năm ${year} (dữ liệu minh họa)`,
    titleEn: `Communication plan for preventing human trafficking, ${year} (demo data)`,
    year,
    startDate: yearStart,
    endDate: `${year}-12-31`,
    goal: ofYear(sourcePlan.goal),
    goalEn: ofYear(sourcePlan.goalEn),
    issuerAgencyId:
      carriedOn(sourcePlan.issuerAgencyId === null ? [] : [sourcePlan.issuerAgencyId])[0] ?? null,
    sections: sourcePlan.sections,
  });
  const tasks = listTasks(ctx, source.id, { limit: 1000, offset: 0 }).items.map((task) => {
    const created = createTask(ctx, plan.id, {
      sectionCode: task.sectionCode,
      code: task.code,
      title: task.title,
      titleEn: task.titleEn,
      text: ofYear(task.text),
      textEn: ofYear(task.textEn),
      leadAgencyIds: carriedOn(task.leadAgencyIds),
      partnerAgencyIds: carriedOn(task.partnerAgencyIds),
      leadAllAgencies: task.leadAllAgencies,
      partnerAllAgencies: task.partnerAllAgencies,
      targetGroupCodes: task.targetGroupCodes,
      channelCodes: task.channelCodes,
      activityTypeCodes: task.activityTypeCodes,
      targets: targetsFor(world, task.activityTypeCodes),
    });
    return { ...created, observanceCodes: [...(observancesByTask.get(task.code) ?? [])] };
  });
  return { year, tasks };
}

/**
 * How closely a task names an agency: as its lead, among "all agencies" leading, as a
 * partner, among "all agencies" joining; undefined when it does not name it at all.
 */
function closeness(task: DemoTask, agencyId: number): number | undefined {
  if (task.leadAgencyIds.includes(agencyId)) return 0;
  if (task.leadAllAgencies) return 1;
  if (task.partnerAgencyIds.includes(agencyId)) return 2;
  if (task.partnerAllAgencies) return 3;
  return undefined;
}

/**
 * The task an activity serves: of the plan of its year, one that runs its type and names its
 * lead, the closest first, the plan's order between equals. A task about an observance is
 * served only by that observance's campaign, and comes first there.
 */
export function taskFor(
  plan: DemoPlan | null,
  activity: { date: string; typeCode: string; leadAgencyId: number; observanceCode?: string | null },
): DemoTask | null {
  if (!plan || !activity.date.startsWith(`${plan.year}-`)) return null;
  const ranked = plan.tasks.flatMap((task, order) => {
    const rank = closeness(task, activity.leadAgencyId);
    if (rank === undefined || !task.activityTypeCodes.includes(activity.typeCode)) return [];
    const aboutObservance = task.observanceCodes.length > 0;
    if (aboutObservance && !task.observanceCodes.includes(activity.observanceCode ?? '')) return [];
    return [{ task, key: [aboutObservance ? 0 : 1, rank, order] }];
  });
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  return ranked[0]?.task ?? null;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
