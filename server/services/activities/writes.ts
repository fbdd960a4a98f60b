// Writing activities: create, change, soft delete and restore, each one audited write.
import { eq } from 'drizzle-orm';
import { activities } from '../../../db/schema';
import { type Activity, ActivityInput, type ActivityPatch } from '../../contracts/activities';
import { storedNow } from '../../domain/time';
import { fieldRefusal, invalidFields, issueDetails, refuse } from '../../errors';
import { assertCampaignOpen } from '../campaigns';
import { actorIdOf, type ServiceContext, type Tx } from '../context';
import { assertUnlocked } from '../period-locks';
import { assertMayWriteActivity } from '../permissions';
import { auditedCreate, auditedUpdate } from '../records';
import { invalidAgencies, invalidUnits, missingRecords, unknownCodes } from '../references';
import { writeLinks } from './links';
import { findRow, readOne } from './read';
import { shiftEnd, storedTimes } from './times';

/** Everything an activity refers to must exist, and agencies and units must be valid on its start date. */
function checkReferences(tx: Tx, input: ActivityInput, startDate: string): void {
  const details = [
    ...unknownCodes(tx, 'activityType', 'typeCode', [input.typeCode], false),
    ...unknownCodes(tx, 'channel', 'channelCodes', input.channelCodes ?? []),
    ...unknownCodes(tx, 'targetGroup', 'targetGroupCodes', input.targetGroupCodes ?? []),
    // Figures are keyed by indicator code, so each unknown code is named by its key.
    ...Object.keys(input.expected ?? {}).flatMap((code) =>
      unknownCodes(tx, 'indicator', `expected.${code}`, [code], false),
    ),
    ...invalidAgencies(tx, 'leadAgencyId', [input.leadAgencyId], startDate, false),
    ...invalidAgencies(tx, 'partnerAgencyIds', input.partnerAgencyIds ?? [], startDate),
    ...invalidUnits(tx, 'unitIds', input.unitIds ?? [], startDate),
    ...missingRecords(tx, 'task', 'taskId', input.taskId ? [input.taskId] : [], false),
    ...missingRecords(tx, 'campaign', 'campaignId', input.campaignId ? [input.campaignId] : [], false),
  ];
  if ((input.partnerAgencyIds ?? []).includes(input.leadAgencyId)) {
    details.push(fieldRefusal('partnerAgencyIds', 'activity.leadIsPartner'));
  }
  if (details.length > 0) throw invalidFields(details);
}

/** The columns of an activity row that a complete input decides. */
function activityColumns(input: ActivityInput, timeZone: string) {
  return {
    title: input.title,
    description: input.description ?? '',
    typeCode: input.typeCode,
    // The merged input of a patch always carries the stored status; a new activity starts planned.
    status: input.status ?? 'planned',
    statusNote: input.statusNote ?? '',
    ...storedTimes(input, timeZone),
    leadAgencyId: input.leadAgencyId,
    venue: input.venue ?? '',
    taskId: input.taskId ?? null,
    campaignId: input.campaignId ?? null,
    expected: input.expected ?? {},
  };
}

/** Where a new activity sits in a recurring series, when it is an occurrence of one. */
export type SeriesPlace = { seriesId: number; seriesPosition: number };

export function createActivity(ctx: ServiceContext, input: ActivityInput, place?: SeriesPlace): Activity {
  return auditedCreate(
    ctx,
    'activity',
    (tx) => {
      assertMayWriteActivity(ctx.actor, null, input);
      const { startDate } = storedTimes(input, ctx.timeZone);
      assertUnlocked(tx, [startDate], 'tạo hoạt động');
      checkReferences(tx, input, startDate);
      assertCampaignOpen(tx, input.campaignId);
      const { id } = tx
        .insert(activities)
        .values({
          ...activityColumns(input, ctx.timeZone),
          ...place,
          createdBy: actorIdOf(ctx),
          updatedBy: actorIdOf(ctx),
        })
        .returning({ id: activities.id })
        .get();
      writeLinks(tx, id, input, false);
      return id;
    },
    (tx, id) => readOne(tx, id, ctx),
  );
}

/** The stored activity as a complete input, so a patch can be merged and checked whole. */
function asInput(activity: Activity): ActivityInput {
  return {
    title: activity.title,
    description: activity.description,
    typeCode: activity.typeCode,
    channelCodes: activity.channelCodes,
    status: activity.status,
    statusNote: activity.statusNote,
    allDay: activity.allDay,
    start: activity.start,
    end: activity.end,
    leadAgencyId: activity.leadAgencyId,
    partnerAgencyIds: activity.partnerAgencyIds,
    unitIds: activity.unitIds,
    venue: activity.venue,
    targetGroupCodes: activity.targetGroupCodes,
    taskId: activity.taskId,
    campaignId: activity.campaignId,
    expected: activity.expected,
  };
}

/**
 * Merges a patch into the stored activity. Switching between all-day and timed, or moving
 * the start alone, drops the old end so that it is derived again from the new start.
 */
export function mergePatch(current: Activity, patch: ActivityPatch): ActivityInput {
  const { version: _version, ...changes } = patch;
  const merged: ActivityInput = { ...asInput(current), ...changes };
  const kindChanged = changes.allDay !== undefined && changes.allDay !== current.allDay;
  if ((kindChanged || changes.start !== undefined) && changes.end === undefined) {
    if (kindChanged) delete merged.end;
    else if (changes.start !== undefined) merged.end = shiftEnd(current, changes.start);
  }
  return merged;
}

function parseMerged(merged: ActivityInput): ActivityInput {
  const parsed = ActivityInput.safeParse(merged);
  if (parsed.success) return parsed.data;
  throw invalidFields(parsed.error.issues.flatMap((issue) => issueDetails({ ...issue, keys: undefined })));
}

function assertWritable(activity: Activity): void {
  if (activity.deletedAt) {
    throw refuse('CONFLICT', 'activity.deletedRestoreFirst', { id: activity.id });
  }
}

/** The activity as every change to it reads, checks and audits it: as the API shows it. */
function activityRecord(ctx: ServiceContext, id: number) {
  return {
    entityType: 'activity',
    label: 'Hoạt động',
    id,
    read: (tx: Tx, activityId: number) => readOne(tx, activityId, ctx),
  } as const;
}

/**
 * `inSeries`: the change is one of a series edit (services/activities/series.ts). Any other
 * change of an occurrence is its own, so it detaches it: later series edits then keep it.
 */
export function updateActivity(
  ctx: ServiceContext,
  id: number,
  patch: ActivityPatch,
  expected: number | undefined,
  inSeries = false,
): Activity {
  return auditedUpdate(ctx, {
    ...activityRecord(ctx, id),
    expected,
    apply: (tx, before, version) => {
      assertWritable(before);
      const input = parseMerged(mergePatch(before, patch));
      assertMayWriteActivity(ctx.actor, before, input);
      const { startDate } = storedTimes(input, ctx.timeZone);
      // Neither change an activity of a locked period nor move one into or out of it.
      assertUnlocked(tx, [findRow(tx, id).startDate, startDate], 'sửa hoặc dời hoạt động');
      checkReferences(tx, input, startDate);
      if (input.campaignId !== before.campaignId) assertCampaignOpen(tx, input.campaignId);
      tx.update(activities)
        .set({
          ...activityColumns(input, ctx.timeZone),
          ...(before.seriesId !== null && !inSeries ? { seriesDetached: true } : {}),
          updatedBy: actorIdOf(ctx),
          updatedAt: storedNow(ctx.now),
          version,
        })
        .where(eq(activities.id, id))
        .run();
      writeLinks(tx, id, input, true);
    },
  });
}

/**
 * Soft delete and restore: the row stays, hidden from lists while deleted, and each move
 * is versioned and audited like any other change.
 */
function setDeleted(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  deleted: boolean,
): Activity {
  return auditedUpdate(ctx, {
    action: deleted ? 'delete' : 'restore',
    ...activityRecord(ctx, id),
    expected,
    apply: (tx, before, version) => {
      if (Boolean(before.deletedAt) === deleted) {
        throw refuse('CONFLICT', deleted ? 'activity.alreadyDeleted' : 'activity.notDeleted', { id });
      }
      if (deleted) assertMayWriteActivity(ctx.actor, before, null);
      assertUnlocked(tx, [findRow(tx, id).startDate], deleted ? 'xóa hoạt động' : 'khôi phục hoạt động');
      const now = storedNow(ctx.now);
      tx.update(activities)
        .set({
          deletedAt: deleted ? now : null,
          deletedBy: deleted ? actorIdOf(ctx) : null,
          updatedAt: now,
          updatedBy: actorIdOf(ctx),
          version,
        })
        .where(eq(activities.id, id))
        .run();
    },
  });
}

export function deleteActivity(ctx: ServiceContext, id: number, expected: number | undefined): Activity {
  return setDeleted(ctx, id, expected, true);
}

export function restoreActivity(ctx: ServiceContext, id: number, expected: number | undefined): Activity {
  return setDeleted(ctx, id, expected, false);
}
