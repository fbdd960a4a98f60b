// Applying a kit and undoing an application. Apply creates the campaign (unless an open one
// is given) and every activity of the plan, each exactly as a single create with its rules
// and audit row, in one transaction: one refused row leaves nothing behind. A preview is the
// same run rolled back, so that it refuses what apply would refuse and counts what apply
// would create.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { activities, kitApplications, results } from '../../../db/schema';
import type { ErrorDetail } from '../../contracts/common';
import type { KitApplication, KitApplyInput, KitApplyResult, KitPreview } from '../../contracts/kits';
import { storedNow } from '../../domain/time';
import { AppError, invalidFields, notFound, refuse } from '../../errors';
import { createActivity, deleteActivity, rowDetails } from '../activities';
import { createCampaign, deleteCampaign } from '../campaigns';
import { actorIdOf, type ServiceContext, type Tx } from '../context';
import { auditedCreate, auditedWrite } from '../records';
import { planOf } from './plan';
import { readKit } from './records';

type ApplicationRow = typeof kitApplications.$inferSelect;

/** The live activities of an application. */
function activityIdsOf(tx: Tx, applicationId: number): number[] {
  return tx
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.kitApplicationId, applicationId), isNull(activities.deletedAt)))
    .all()
    .map((row) => row.id);
}

function withResultCount(tx: Tx, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  return (
    tx
      .select({ n: count() })
      .from(results)
      .where(inArray(results.activityId, [...ids]))
      .get()?.n ?? 0
  );
}

function toApplication(tx: Tx, row: ApplicationRow): KitApplication {
  const ids = activityIdsOf(tx, row.id);
  const { undoneBy: _undoneBy, ...rest } = row;
  return { ...rest, activityCount: ids.length, withResult: withResultCount(tx, ids) };
}

function readApplication(tx: Tx, id: number): KitApplication | null {
  const row = tx.select().from(kitApplications).where(eq(kitApplications.id, id)).get();
  return row ? toApplication(tx, row) : null;
}

export function listApplications(
  ctx: ServiceContext,
  query: { campaignId?: number | undefined; kitId?: number | undefined },
) {
  const rows = ctx.db
    .select()
    .from(kitApplications)
    .where(
      and(
        query.campaignId ? eq(kitApplications.campaignId, query.campaignId) : undefined,
        query.kitId ? eq(kitApplications.kitId, query.kitId) : undefined,
      ),
    )
    .orderBy(desc(kitApplications.id))
    .limit(200)
    .all();
  return { items: rows.map((row) => toApplication(ctx.db, row)) };
}

/** Every activity of the plan, each a single create; the refused ones named all at once. */
function createPlanned(ctx: ServiceContext, plan: KitPreview, campaignId: number): number[] {
  const ids: number[] = [];
  const details: ErrorDetail[] = [];
  plan.activities.forEach((activity, index) => {
    const { itemIndex: _item, ...fields } = activity;
    try {
      ids.push(createActivity(ctx, { ...fields, allDay: true, campaignId }).id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'VERSION_CONFLICT') throw error;
      details.push(...rowDetails(error, `activities.${index}`));
    }
  });
  if (details.length > 0) throw invalidFields(details);
  return ids;
}

function applyInTransaction(ctx: ServiceContext, kitId: number, input: KitApplyInput): KitApplyResult {
  const kit = readKit(ctx.db, kitId);
  const plan = planOf(ctx, kit, input);
  const { id: existing, ...campaign } = plan.campaign;
  const campaignId = existing ?? createCampaign(ctx, campaign).id;
  const activityIds = createPlanned(ctx, plan, campaignId);
  const application = auditedCreate(
    ctx,
    'kit_application',
    (tx) => {
      const { id } = tx
        .insert(kitApplications)
        .values({
          kitId,
          campaignId,
          createdCampaign: existing === null,
          year: input.year,
          agencyIds: input.agencyIds,
          unitIds: input.unitIds,
          createdBy: actorIdOf(ctx),
        })
        .returning({ id: kitApplications.id })
        .get();
      if (activityIds.length > 0) {
        tx.update(activities).set({ kitApplicationId: id }).where(inArray(activities.id, activityIds)).run();
      }
      return id;
    },
    (tx, id) => readApplication(tx, id) ?? notFoundApplication(id),
  );
  return { applicationId: application.id, campaignId, activityIds };
}

export function applyKit(ctx: ServiceContext, kitId: number, input: KitApplyInput): KitApplyResult {
  return ctx.db.transaction(() => applyInTransaction(ctx, kitId, input));
}

/** Thrown to roll the preview's run back once it has gone through every check. */
class PreviewDone extends Error {
  constructor(readonly preview: KitPreview) {
    super('preview done');
  }
}

export function previewKit(ctx: ServiceContext, kitId: number, input: KitApplyInput): KitPreview {
  try {
    ctx.db.transaction(() => {
      const plan = planOf(ctx, readKit(ctx.db, kitId), input);
      applyInTransaction(ctx, kitId, input);
      throw new PreviewDone(plan);
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.preview;
    throw error;
  }
  throw new Error('a preview always rolls back');
}

function notFoundApplication(id: number): never {
  throw notFound('lần áp dụng bộ hoạt động mẫu', id);
}

/** The campaign the application created goes too, unless something else now uses it. */
function removeCreatedCampaign(ctx: ServiceContext, application: KitApplication): void {
  if (!application.createdCampaign || application.campaignId === null) return;
  try {
    deleteCampaign(ctx, application.campaignId, undefined);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) return;
    throw error;
  }
}

export function undoApplication(ctx: ServiceContext, id: number): KitApplication {
  const undone = auditedWrite<KitApplication>(ctx, {
    action: 'delete',
    entityType: 'kit_application',
    key: id,
    read: readApplication,
    write: (tx, before) => {
      if (!before) notFoundApplication(id);
      if (before.undoneAt) throw refuse('CONFLICT', 'kit.alreadyUndone');
      if (before.withResult > 0) throw refuse('CONFLICT', 'kit.hasResults', { count: before.withResult });
      for (const activityId of activityIdsOf(tx, id)) deleteActivity(ctx, activityId, undefined);
      removeCreatedCampaign(ctx, before);
      tx.update(kitApplications)
        .set({ undoneAt: storedNow(ctx.now), undoneBy: actorIdOf(ctx) })
        .where(eq(kitApplications.id, id))
        .run();
      return id;
    },
  });
  return undone ?? notFoundApplication(id);
}
