// Copying a plan forward (issue 13 point 7): next year's plan is this year's with its dates
// moved on and the agencies that have since merged, split or ended replaced by the bodies
// that carry on their work (the recorded successions). The preview lists every replacement
// and every date to look at; nothing is created until the planner confirms, and then all of
// it (plan, tasks with their targets, campaigns) in one transaction.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  agencies,
  agencySuccessions,
  campaigns,
  campaignTasks,
  observanceThemes,
  plans,
} from '../../db/schema';
import type { AgencyRef, PlanCopied, PlanCopyInput, PlanCopyPreview } from '../contracts/plan-copy';
import type { Task } from '../contracts/tasks';
import { successorsOn } from '../domain/succession';
import { sameDayInYear, weekdayOf } from '../domain/time';
import { validOn } from '../domain/validity';
import { fieldRefusal, invalidField, invalidFields, refuse } from '../errors';
import { createCampaign } from './campaigns';
import type { ServiceContext, Tx } from './context';
import { createPlan, readPlan } from './plans';
import { createTask, listTasks } from './tasks';

type Replacement = PlanCopyPreview['replacements'][number];
type DateReview = PlanCopyPreview['dates'][number];
type AgencyRow = typeof agencies.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

/** The plan's texts name their year; the copy's name the new one. */
const ofYear = (text: string, from: number, to: number) => text.replaceAll(String(from), String(to));

/** The campaigns serving any of the plan's tasks, with the tasks each serves. */
function campaignsOf(tx: Tx, taskIds: number[]): { campaign: CampaignRow; taskIds: number[] }[] {
  if (taskIds.length === 0) return [];
  const links = tx
    .select({ campaignId: campaignTasks.campaignId, taskId: campaignTasks.taskId })
    .from(campaignTasks)
    .where(inArray(campaignTasks.taskId, taskIds))
    .all();
  const ids = [...new Set(links.map((link) => link.campaignId))];
  if (ids.length === 0) return [];
  const rows = tx
    .select()
    .from(campaigns)
    .where(and(inArray(campaigns.id, ids), isNull(campaigns.deletedAt)))
    .orderBy(asc(campaigns.startDate), asc(campaigns.id))
    .all();
  return rows.map((campaign) => ({
    campaign,
    taskIds: links.filter((link) => link.campaignId === campaign.id).map((link) => link.taskId),
  }));
}

const refOf = (agency: AgencyRow): AgencyRef => ({
  id: agency.id,
  name: agency.name,
  shortName: agency.shortName,
});

/**
 * Each agency the plan names that is not in force on `date`, with the bodies that took it
 * over (followed through every succession since) and where the plan names it.
 */
function replacementsOn(tx: Tx, uses: Map<number, string[]>, date: string): Replacement[] {
  const all = tx.select().from(agencies).all();
  const byId = new Map(all.map((agency) => [agency.id, agency]));
  const successions = tx
    .select({ from: agencySuccessions.fromAgencyId, to: agencySuccessions.toAgencyId })
    .from(agencySuccessions)
    .all();
  const successors = successorsOn(all, successions, date);
  const replacements: Replacement[] = [];
  for (const [id, usedIn] of uses) {
    const agency = byId.get(id);
    if (!agency || validOn(agency, date)) continue;
    const to = (successors.get(id) ?? [])
      .map((successor) => byId.get(successor))
      .filter((successor): successor is AgencyRow => successor !== undefined && validOn(successor, date));
    const reason = to.length === 0 ? 'ended' : to.length === 1 ? 'succeeded' : 'split';
    replacements.push({ from: refOf(agency), to: to.map(refOf), reason, endedOn: agency.validTo, usedIn });
  }
  return replacements.sort((a, b) => a.from.name.localeCompare(b.from.name, 'vi'));
}

/** Where each agency is named: "Nhiệm vụ 3" lead or partner, a campaign's lead, the issuer. */
function agencyUses(
  issuerId: number | null,
  tasks: Task[],
  copied: { campaign: CampaignRow }[],
): Map<number, string[]> {
  const uses = new Map<number, string[]>();
  const add = (id: number | null, where: string) => {
    if (id === null) return;
    const list = uses.get(id) ?? [];
    if (!list.includes(where)) list.push(where);
    uses.set(id, list);
  };
  add(issuerId, 'Cơ quan ban hành kế hoạch');
  for (const task of tasks) {
    for (const id of [...task.leadAgencyIds, ...task.partnerAgencyIds]) add(id, `Nhiệm vụ ${task.code}`);
  }
  for (const { campaign } of copied) add(campaign.leadAgencyId, `Chiến dịch “${campaign.name}”`);
  return uses;
}

/** The planner's decisions, checked: each agency chosen must be in force in the new year. */
function checkedChoices(tx: Tx, choices: PlanCopyInput['choices'], date: string): Map<number, number[]> {
  const list = choices ?? [];
  const chosen = [...new Set(list.flatMap((choice) => choice.to))];
  const rows = chosen.length ? tx.select().from(agencies).where(inArray(agencies.id, chosen)).all() : [];
  const inForce = new Set(rows.filter((row) => validOn(row, date)).map((row) => row.id));
  const details = list.flatMap((choice, index) =>
    choice.to
      .filter((id) => !inForce.has(id))
      .map((id) => fieldRefusal(`choices.${index}.to`, 'planCopy.agencyNotInForce', { id, date })),
  );
  if (details.length > 0) throw invalidFields(details);
  return new Map(list.map((choice) => [choice.from, choice.to]));
}

/** A date moved to the new year, and a review line when it deserves a second look. */
function shiftedWindow(
  what: string,
  startDate: string,
  endDate: string,
  year: number,
  observanceBound: boolean,
  reviews: DateReview[],
): { startDate: string; endDate: string } {
  const years = year - Number(startDate.slice(0, 4));
  const start = sameDayInYear(startDate, year);
  const end = sameDayInYear(endDate, Number(endDate.slice(0, 4)) + years);
  for (const [from, moved] of [
    [startDate, start],
    [endDate, end],
  ] as const) {
    if (moved.clamped) reviews.push({ what, from, to: moved.date, reason: 'leapDay' });
  }
  // A window from a Monday to a Sunday was planned as weeks: the same days next year are
  // other weekdays, which the planner may want to move (an observance's window is its day).
  if (!observanceBound && weekdayOf(startDate) === 1 && weekdayOf(endDate) === 7) {
    reviews.push({ what, from: startDate, to: start.date, reason: 'weekBound' });
  }
  return { startDate: start.date, endDate: end.date };
}

/** The year's theme of an observance, when the catalogue has it already. */
function themeOf(tx: Tx, observanceCode: string, year: number): string | null {
  const row = tx
    .select({ theme: observanceThemes.theme })
    .from(observanceThemes)
    .where(and(eq(observanceThemes.observanceCode, observanceCode), eq(observanceThemes.year, year)))
    .get();
  return row?.theme ?? null;
}

/** A second copy to the same year would double every task: the first is refused. */
function assertNotCopiedYet(tx: Tx, title: string, year: number): void {
  const twin = tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.year, year), eq(plans.title, title)))
    .get();
  if (twin) throw refuse('CONFLICT', 'planCopy.exists', { title, id: twin.id });
}

/** Everything the copy will create, worked out from the plan and the decisions so far. */
function draftCopy(ctx: ServiceContext, planId: number, input: PlanCopyInput) {
  const tx = ctx.db;
  const source = readPlan(tx, planId);
  if (input.year <= source.year) {
    throw invalidField('year', 'planCopy.yearAfter', { year: String(source.year) });
  }
  const tasks = listTasks(ctx, planId, { limit: 1000, offset: 0 }).items;
  const served = campaignsOf(
    tx,
    tasks.map((task) => task.id),
  );
  const dates: DateReview[] = [];
  const title = ofYear(source.title, source.year, input.year);
  assertNotCopiedYet(tx, title, input.year);
  const window = shiftedWindow(title, source.startDate, source.endDate, input.year, true, dates);
  const all = replacementsOn(tx, agencyUses(source.issuerAgencyId, tasks, served), window.startDate);
  const choices = checkedChoices(tx, input.choices, window.startDate);
  const replacing = new Map(all.map((entry) => [entry.from.id, entry.to.map((to) => to.id)]));
  for (const [from, to] of choices) replacing.set(from, to);
  const carried = (ids: number[]) => [...new Set(ids.flatMap((id) => replacing.get(id) ?? [id]))];
  const carriedOne = (id: number | null) => (id === null ? null : (carried([id])[0] ?? null));

  const copiedTasks = tasks.map((task) => ({
    source: task,
    leadAgencyIds: carried(task.leadAgencyIds),
    partnerAgencyIds: carried(task.partnerAgencyIds),
  }));
  const copiedCampaigns = served.map(({ campaign, taskIds }) => {
    const name = ofYear(campaign.name, source.year, input.year);
    const shifted = shiftedWindow(
      name,
      campaign.startDate,
      campaign.endDate,
      input.year + (Number(campaign.startDate.slice(0, 4)) - source.year),
      campaign.observanceCode !== null,
      dates,
    );
    // A theme is the year's: an observance's comes from the catalogue (empty until known).
    const theme =
      campaign.observanceCode === null
        ? campaign.theme
        : (themeOf(tx, campaign.observanceCode, Number(shifted.startDate.slice(0, 4))) ?? '');
    return {
      source: campaign,
      taskIds,
      name,
      theme,
      ...shifted,
      leadAgencyId: carriedOne(campaign.leadAgencyId),
    };
  });
  return {
    source,
    title,
    window,
    issuerAgencyId: carriedOne(source.issuerAgencyId),
    tasks: copiedTasks,
    campaigns: copiedCampaigns,
    replacements: all.filter((entry) => entry.reason === 'succeeded'),
    unresolved: all.filter((entry) => entry.reason !== 'succeeded'),
    undecided: all.filter((entry) => entry.reason !== 'succeeded' && !choices.has(entry.from.id)),
    dates,
  };
}

type Draft = ReturnType<typeof draftCopy>;

function previewOf(draft: Draft, year: number): PlanCopyPreview {
  return {
    created: false,
    plan: { title: draft.title, year, ...draft.window },
    tasks: draft.tasks.map((task) => ({
      code: task.source.code,
      title: task.source.title,
      leadAgencyIds: task.leadAgencyIds,
      partnerAgencyIds: task.partnerAgencyIds,
      targetCount: task.source.targets.length,
    })),
    campaigns: draft.campaigns.map(({ name, theme, startDate, endDate, leadAgencyId }) => ({
      name,
      theme,
      startDate,
      endDate,
      leadAgencyId,
    })),
    replacements: draft.replacements,
    unresolved: draft.unresolved,
    dates: draft.dates,
  };
}

/** Creates the plan, its tasks and its campaigns, all or none. */
function createCopy(ctx: ServiceContext, draft: Draft, year: number): PlanCopied {
  const { source } = draft;
  return ctx.db.transaction(() => {
    const plan = createPlan(ctx, {
      code: null,
      title: draft.title,
      titleEn: ofYear(source.titleEn, source.year, year),
      year,
      ...draft.window,
      issuerAgencyId: draft.issuerAgencyId,
      issueDate: null,
      goal: ofYear(source.goal, source.year, year),
      goalEn: ofYear(source.goalEn, source.year, year),
      sections: source.sections,
    });
    const newTaskIds = new Map<number, number>();
    for (const task of draft.tasks) {
      const { source: from } = task;
      const created = createTask(ctx, plan.id, {
        sectionCode: from.sectionCode,
        code: from.code,
        title: ofYear(from.title, source.year, year),
        titleEn: ofYear(from.titleEn, source.year, year),
        text: ofYear(from.text, source.year, year),
        textEn: ofYear(from.textEn, source.year, year),
        leadAgencyIds: task.leadAgencyIds,
        partnerAgencyIds: task.partnerAgencyIds,
        leadAllAgencies: from.leadAllAgencies,
        partnerAllAgencies: from.partnerAllAgencies,
        targetGroupCodes: from.targetGroupCodes,
        channelCodes: from.channelCodes,
        activityTypeCodes: from.activityTypeCodes,
        targets: from.targets,
      });
      newTaskIds.set(from.id, created.id);
    }
    const campaignIds = draft.campaigns.map(
      (campaign) =>
        createCampaign(ctx, {
          name: campaign.name,
          theme: campaign.theme,
          startDate: campaign.startDate,
          endDate: campaign.endDate,
          leadAgencyId: campaign.leadAgencyId,
          observanceCode: campaign.source.observanceCode,
          color: campaign.source.color,
          taskIds: campaign.taskIds.flatMap((id) => newTaskIds.get(id) ?? []),
        }).id,
    );
    return { created: true, plan: readPlan(ctx.db, plan.id), taskIds: [...newTaskIds.values()], campaignIds };
  });
}

/**
 * `POST /api/plans/:id/copy`: the preview; with `confirm`, the copy. Confirming while an
 * agency that split or ended has no decision is refused (409), naming them.
 */
export function copyPlan(
  ctx: ServiceContext,
  planId: number,
  input: PlanCopyInput,
): PlanCopyPreview | PlanCopied {
  const draft = draftCopy(ctx, planId, input);
  if (!input.confirm) return previewOf(draft, input.year);
  if (draft.undecided.length > 0) {
    const names = draft.undecided.map((entry) => entry.from.name).join('; ');
    throw refuse('CONFLICT', 'planCopy.undecided', { names });
  }
  return createCopy(ctx, draft, input.year);
}
