// What a report says beyond the totals, gathered from the records with the same scope as its
// figures: the plan it reports on and each task's activities against its targets, the
// campaigns of the period, where activities stand (held, overdue, awaiting review, to come),
// overdue and returned results by agency, the units and target groups no one met in person,
// and what is already planned for the next period. Plain data: stored with the report.
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import {
  activities,
  agencies,
  campaigns,
  observanceThemes,
  plans,
  results,
  taskAgencies,
  tasks,
  taskTargets,
} from '../../db/schema';
import type { SummaryQuery } from '../contracts/reports';
import { isOverdue } from '../domain/activities';
import { addDays, addMonths, dateParts, storedNow } from '../domain/time';
import type { ServiceContext } from './context';
import { getCoverage } from './coverage';
import { getSummary, scopeOf } from './reports';

export type ReportContext = {
  plan: { code: string | null; title: string; issueDate: string | null; issuerName: string } | null;
  tasks: {
    code: string;
    title: string;
    leads: string[];
    activities: number;
    done: number;
    targets: { code: string; target: number; achieved: number }[];
  }[];
  campaigns: {
    id: number;
    name: string;
    theme: string;
    startDate: string;
    endDate: string;
    observanceCode: string | null;
    activities: number;
    done: number;
    values: Record<string, number>;
  }[];
  /** Activities of the period by where they stand today. */
  standing: { held: number; overdue: number; awaitingReview: number; upcoming: number; other: number };
  overdueByAgency: { name: string; count: number }[];
  returnedByAgency: { name: string; count: number }[];
  /** Null for an agency's own report: coverage is the province's question. */
  coverage: {
    communes: number;
    uncovered: { name: string; priority: boolean }[];
    uncoveredGroups: string[];
  } | null;
  next: { startDate: string; endDate: string; planned: number };
};

const byCount = (counts: Map<string, number>) =>
  [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);

/** The plan the period reports on: the latest whose period overlaps it. */
function periodPlanOf(ctx: ServiceContext, query: SummaryQuery) {
  return ctx.db
    .select({
      id: plans.id,
      code: plans.code,
      title: plans.title,
      issueDate: plans.issueDate,
      issuerName: agencies.name,
    })
    .from(plans)
    .leftJoin(agencies, eq(agencies.id, plans.issuerAgencyId))
    .where(and(lte(plans.startDate, query.endDate), gte(plans.endDate, query.startDate)))
    .orderBy(asc(plans.year), asc(plans.id))
    .all()
    .at(-1);
}

function tasksOf(
  ctx: ServiceContext,
  query: SummaryQuery,
  plan: { id: number } | undefined,
  agencyNames: Map<number, string>,
) {
  if (!plan) return [];
  const rows = ctx.db
    .select()
    .from(tasks)
    .where(eq(tasks.planId, plan.id))
    .orderBy(asc(tasks.sortOrder), asc(tasks.id))
    .all();
  const ids = rows.map((task) => task.id);
  const leads = ids.length
    ? ctx.db
        .select()
        .from(taskAgencies)
        .where(and(inArray(taskAgencies.taskId, ids), eq(taskAgencies.role, 'lead')))
        .all()
    : [];
  const targets = ids.length
    ? ctx.db.select().from(taskTargets).where(inArray(taskTargets.taskId, ids)).all()
    : [];
  const byTask = new Map(
    getSummary(ctx, { ...query, groupBy: 'task' }).rows.map((row) => [row.key, row] as const),
  );
  return rows.map((task) => {
    const row = byTask.get(String(task.id));
    return {
      code: task.code,
      title: task.title,
      leads: task.leadAllAgencies
        ? ['Các sở, ban, ngành, địa phương']
        : leads.filter((lead) => lead.taskId === task.id).map((lead) => agencyNames.get(lead.agencyId) ?? ''),
      activities: row?.activities ?? 0,
      done: row?.done ?? 0,
      targets: targets
        .filter((target) => target.taskId === task.id)
        .map((target) => ({
          code: target.indicatorCode,
          target: target.value,
          achieved: row?.values[target.indicatorCode] ?? 0,
        })),
    };
  });
}

function campaignsOf(ctx: ServiceContext, query: SummaryQuery): ReportContext['campaigns'] {
  const rows = ctx.db
    .select()
    .from(campaigns)
    .where(
      and(
        isNull(campaigns.deletedAt),
        lte(campaigns.startDate, query.endDate),
        gte(campaigns.endDate, query.startDate),
        query.campaignId === undefined ? undefined : eq(campaigns.id, query.campaignId),
      ),
    )
    .orderBy(asc(campaigns.startDate), asc(campaigns.id))
    .all();
  const themes = ctx.db.select().from(observanceThemes).all();
  return rows.flatMap((campaign) => {
    const summary = getSummary(ctx, { ...query, groupBy: undefined, campaignId: campaign.id });
    if (summary.totals.activities === 0) return [];
    const theme =
      campaign.theme ||
      themes.find(
        (entry) =>
          entry.observanceCode === campaign.observanceCode &&
          String(entry.year) === campaign.endDate.slice(0, 4),
      )?.theme ||
      '';
    return [
      {
        id: campaign.id,
        name: campaign.name,
        theme,
        startDate: campaign.startDate,
        endDate: campaign.endDate,
        observanceCode: campaign.observanceCode,
        activities: summary.totals.activities,
        done: summary.totals.done,
        values: summary.totals.values,
      },
    ];
  });
}

/** Where the period's activities stand today, and who has overdue or returned results. */
function standingOf(ctx: ServiceContext, query: SummaryQuery, agencyNames: Map<number, string>) {
  const { where } = scopeOf(ctx, query);
  const rows = ctx.db
    .select({
      status: activities.status,
      endAt: activities.endAt,
      leadAgencyId: activities.leadAgencyId,
      review: results.reviewStatus,
    })
    .from(activities)
    .leftJoin(results, eq(results.activityId, activities.id))
    .where(where)
    .all();
  const now = storedNow(ctx.now);
  const acceptedOnly = query.acceptedOnly === 'true';
  const standing = { held: 0, overdue: 0, awaitingReview: 0, upcoming: 0, other: 0 };
  const overdue = new Map<string, number>();
  const returned = new Map<string, number>();
  for (const row of rows) {
    const agency = agencyNames.get(row.leadAgencyId) ?? '';
    if (row.review === 'accepted' || (row.review === 'submitted' && !acceptedOnly)) standing.held += 1;
    else if (row.review === 'submitted') standing.awaitingReview += 1;
    else if (isOverdue(row, now)) {
      standing.overdue += 1;
      overdue.set(agency, (overdue.get(agency) ?? 0) + 1);
    } else if (row.review === null && row.endAt > now && row.status !== 'postponed') standing.upcoming += 1;
    else standing.other += 1;
    if (row.review === 'returned') returned.set(agency, (returned.get(agency) ?? 0) + 1);
  }
  return { standing, overdueByAgency: byCount(overdue), returnedByAgency: byCount(returned) };
}

function coverageOf(ctx: ServiceContext, query: SummaryQuery): ReportContext['coverage'] {
  if (query.agencyId !== undefined) return null;
  const coverage = getCoverage(ctx, { startDate: query.startDate, endDate: query.endDate });
  const met = new Set(coverage.rows.flatMap((row) => Object.keys(row.counts)));
  return {
    communes: coverage.rows.length,
    // Already in the order that matters: priority units (border, coastal, mountain, ethnic) first.
    uncovered: coverage.rows
      .filter((row) => row.activities === 0)
      .map((row) => ({ name: row.name, priority: row.priority })),
    uncoveredGroups: coverage.columns.filter((column) => !met.has(column.code)).map((column) => column.name),
  };
}

/** The next period of the same length, and the activities already planned in it. */
function nextOf(ctx: ServiceContext, query: SummaryQuery): ReportContext['next'] {
  const startDate = addDays(query.endDate, 1);
  const from = dateParts(query.startDate);
  const after = dateParts(startDate);
  const months = Math.max(1, (after.year - from.year) * 12 + after.month - from.month);
  const endDate = addDays(addMonths(startDate, months), -1);
  const planned = getSummary(ctx, { ...query, groupBy: undefined, startDate, endDate }).totals.activities;
  return { startDate, endDate, planned };
}

export function gatherContext(ctx: ServiceContext, query: SummaryQuery): ReportContext {
  const agencyNames = new Map(
    ctx.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .all()
      .map((agency) => [agency.id, agency.name]),
  );
  const plan = periodPlanOf(ctx, query);
  return {
    plan: plan
      ? { code: plan.code, title: plan.title, issueDate: plan.issueDate, issuerName: plan.issuerName ?? '' }
      : null,
    tasks: tasksOf(ctx, query, plan, agencyNames),
    campaigns: campaignsOf(ctx, query),
    ...standingOf(ctx, query, agencyNames),
    coverage: coverageOf(ctx, query),
    next: nextOf(ctx, query),
  };
}
