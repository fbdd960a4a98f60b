// Campaigns: a named window (the 30/7 peak, 1/7–30/9...) with a theme, linked to plan tasks.
// A campaign is closed when it is over (it keeps its activities and takes no new ones) and
// soft-deleted only when nothing refers to it.
import { and, asc, count, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { activities, campaigns, campaignTasks, reports } from '../../db/schema';
import type { Campaign, CampaignInput, CampaignPatch, CampaignQuery } from '../contracts/campaigns';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound, refuse } from '../errors';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';
import { assertMayWriteCampaign } from './permissions';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies, missingRecords, unknownCodes } from './references';

type CampaignRow = typeof campaigns.$inferSelect;

function toCampaigns(tx: Tx, rows: CampaignRow[]): Campaign[] {
  const ids = rows.map((row) => row.id);
  const links =
    ids.length === 0
      ? []
      : tx.select().from(campaignTasks).where(inArray(campaignTasks.campaignId, ids)).all();
  return rows.map(({ createdAt: _c, updatedAt: _u, closedBy: _cb, deletedBy: _db, ...row }) => ({
    ...row,
    taskIds: links.filter((link) => link.campaignId === row.id).map((link) => link.taskId),
  }));
}

/** A campaign; a deleted one is read only by the write that deletes it (for its audit entry). */
function readCampaign(tx: Tx, id: number, withDeleted = false): Campaign {
  const row = tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), withDeleted ? undefined : isNull(campaigns.deletedAt)))
    .get();
  const [campaign] = row ? toCampaigns(tx, [row]) : [];
  if (!campaign) throw notFound('chiến dịch', id);
  return campaign;
}

export function getCampaign(ctx: ServiceContext, id: number): Campaign {
  return readCampaign(ctx.db, id);
}

export function listCampaigns(ctx: ServiceContext, query: z.infer<typeof CampaignQuery>) {
  const withTask = query.taskId
    ? inArray(
        campaigns.id,
        ctx.db
          .select({ id: campaignTasks.campaignId })
          .from(campaignTasks)
          .where(eq(campaignTasks.taskId, query.taskId)),
      )
    : undefined;
  const where = and(
    isNull(campaigns.deletedAt),
    // Inclusive periods overlap [from, to] when each starts no later than the other ends.
    query.to ? lte(campaigns.startDate, query.to) : undefined,
    query.from ? gte(campaigns.endDate, query.from) : undefined,
    query.leadAgencyId ? eq(campaigns.leadAgencyId, query.leadAgencyId) : undefined,
    withTask,
  );
  const rows = ctx.db
    .select()
    .from(campaigns)
    .where(where)
    .orderBy(asc(campaigns.startDate), asc(campaigns.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(campaigns).where(where).get()?.n ?? 0;
  return page(toCampaigns(ctx.db, rows), total, query);
}

function checkCampaign(tx: Tx, input: Partial<CampaignInput>): void {
  const details = [
    ...(input.leadAgencyId
      ? invalidAgencies(tx, 'leadAgencyId', [input.leadAgencyId], undefined, false)
      : []),
    ...(input.observanceCode
      ? unknownCodes(tx, 'observance', 'observanceCode', [input.observanceCode], false)
      : []),
    ...missingRecords(tx, 'task', 'taskIds', input.taskIds ?? []),
  ];
  if (details.length > 0) throw invalidFields(details);
}

function writeCampaignTasks(tx: Tx, id: number, taskIds: number[] | undefined): void {
  if (taskIds === undefined) return;
  tx.delete(campaignTasks).where(eq(campaignTasks.campaignId, id)).run();
  const rows = [...new Set(taskIds)].map((taskId) => ({ campaignId: id, taskId }));
  if (rows.length > 0) tx.insert(campaignTasks).values(rows).run();
}

export function createCampaign(ctx: ServiceContext, input: CampaignInput): Campaign {
  return auditedCreate(
    ctx,
    'campaign',
    (tx) => {
      assertMayWriteCampaign(ctx.actor, null, input);
      checkCampaign(tx, input);
      const id = tx
        .insert(campaigns)
        .values({
          name: input.name,
          theme: input.theme ?? '',
          startDate: input.startDate,
          endDate: input.endDate,
          leadAgencyId: input.leadAgencyId ?? null,
          observanceCode: input.observanceCode ?? null,
          color: input.color ?? null,
        })
        .returning({ id: campaigns.id })
        .get().id;
      writeCampaignTasks(tx, id, input.taskIds);
      return id;
    },
    readCampaign,
  );
}

export function updateCampaign(
  ctx: ServiceContext,
  id: number,
  patch: CampaignPatch,
  expected: number | undefined,
) {
  const { version: _version, taskIds, closed, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'campaign',
    label: 'Chiến dịch',
    id,
    expected,
    read: readCampaign,
    apply: (tx, before, version) => {
      assertMayWriteCampaign(ctx.actor, before, patch);
      checkCampaign(tx, patch);
      if ((changes.endDate ?? before.endDate) < (changes.startDate ?? before.startDate)) {
        throw invalidFields([fieldRefusal('endDate', 'range.endDate')]);
      }
      tx.update(campaigns)
        .set({ ...changes, ...closing(ctx, before, closed), version, updatedAt: storedNow(ctx.now) })
        .where(eq(campaigns.id, id))
        .run();
      writeCampaignTasks(tx, id, taskIds);
    },
  });
}

/** The columns that close or reopen a campaign; closing twice keeps the first closing. */
function closing(ctx: ServiceContext, before: Campaign, closed: boolean | undefined) {
  if (closed === undefined || closed === (before.closedAt !== null)) return {};
  return closed
    ? { closedAt: storedNow(ctx.now), closedBy: actorIdOf(ctx) }
    : { closedAt: null, closedBy: null };
}

/** What still refers to a campaign: its live activities and its reports. */
function usesOf(tx: Tx, id: number) {
  const activityCount =
    tx
      .select({ n: count() })
      .from(activities)
      .where(and(eq(activities.campaignId, id), isNull(activities.deletedAt)))
      .get()?.n ?? 0;
  const reportCount =
    tx
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.campaignId, id), isNull(reports.deletedAt)))
      .get()?.n ?? 0;
  return { activities: activityCount, reports: reportCount };
}

/** Soft delete, for a campaign made by mistake: one that activities or reports use is closed instead. */
export function deleteCampaign(ctx: ServiceContext, id: number, expected: number | undefined): Campaign {
  return auditedUpdate(ctx, {
    action: 'delete',
    entityType: 'campaign',
    label: 'Chiến dịch',
    id,
    expected,
    read: (tx, campaignId) => readCampaign(tx, campaignId, true),
    apply: (tx, before, version) => {
      assertMayWriteCampaign(ctx.actor, before, {});
      const uses = usesOf(tx, id);
      if (uses.activities + uses.reports > 0) throw refuse('CONFLICT', 'campaign.inUse', uses);
      const now = storedNow(ctx.now);
      tx.update(campaigns)
        .set({ deletedAt: now, deletedBy: actorIdOf(ctx), version, updatedAt: now })
        .where(eq(campaigns.id, id))
        .run();
    },
  });
}

/** A new activity, or one moved into a campaign, joins only an open campaign. */
export function assertCampaignOpen(tx: Tx, campaignId: number | null | undefined): void {
  if (!campaignId) return;
  const row = tx
    .select({ name: campaigns.name, closedAt: campaigns.closedAt })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .get();
  if (row?.closedAt) {
    throw invalidFields([fieldRefusal('campaignId', 'campaign.closed', { name: row.name })]);
  }
}
