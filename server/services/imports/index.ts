// Imports (issue 13): a sheet is stored as read, with the planner's mapping, fixes and
// dropped rows; its preview is worked out again from them on every read, so that the rows'
// statuses always reflect the reference data and the activities of the moment. Commit stores
// every new and update row in one transaction; undo soft-deletes what it created.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { activities, importMappings, imports, indicators, results } from '../../../db/schema';
import type { ErrorDetail } from '../../contracts/common';
import type { ImportCommitted, ImportPatch, ImportPreview, ImportRow } from '../../contracts/imports';
import { fieldHeadings, fieldOfHeading, figureHeading, foldText, importFields } from '../../domain/imports';
import { storedNow, todayIn } from '../../domain/time';
import { AppError, invalidFields, notFound, refuse } from '../../errors';
import { createActivity, deleteActivity, updateActivity } from '../activities/writes';
import { recordAudit } from '../audit';
import { actorIdOf, type ServiceContext, type Tx } from '../context';
import { readSheet, type Sheet } from './read-file';
import { existingIds, loadReferences, resolveRow, storedKeys, valuesOf } from './rows';

type ImportRecord = typeof imports.$inferSelect;

function findImport(tx: Tx, id: number): ImportRecord {
  const row = tx.select().from(imports).where(eq(imports.id, id)).get();
  if (!row) throw notFound('lượt nhập', id);
  return row;
}

/** Who may see an import: who brought it in, and the province-wide roles. */
function assertMayUse(ctx: ServiceContext, record: ImportRecord): void {
  const role = ctx.actor?.role;
  if (role === 'admin' || role === 'coordinator') return;
  if (record.createdBy !== actorIdOf(ctx)) throw notFound('lượt nhập', record.id);
}

/** The mapping the headings suggest, the user's own earlier choices first. */
function guessMapping(
  tx: Tx,
  ctx: ServiceContext,
  headers: string[],
  indicatorOf: (f: string) => string | null,
) {
  const userId = actorIdOf(ctx);
  const remembered = new Map(
    userId === null
      ? []
      : tx
          .select()
          .from(importMappings)
          .where(eq(importMappings.userId, userId))
          .all()
          .map((row) => [row.heading, row.field]),
  );
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  headers.forEach((heading, column) => {
    const field = remembered.get(foldText(heading)) ?? fieldOfHeading(heading, indicatorOf);
    if (field && !taken.has(field)) {
      mapping[String(column)] = field;
      taken.add(field);
    }
  });
  return mapping;
}

/** Every field a column can take: the template's, then each indicator's planned figure. */
function fieldsOffered(tx: Tx): ImportPreview['fields'] {
  const figures = tx
    .select({ code: indicators.code, name: indicators.name })
    .from(indicators)
    .all()
    .map((indicator) => ({ key: `expected:${indicator.code}`, heading: figureHeading(indicator.name) }));
  return [...importFields.map((key) => ({ key, heading: fieldHeadings[key] })), ...figures];
}

function countsOf(rows: ImportRow[]): ImportPreview['counts'] {
  const counts = { new: 0, update: 0, duplicate: 0, invalid: 0, dropped: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

type Worked = { rows: ImportRow[]; inputs: Map<number, ReturnType<typeof resolveRow>> };

/** The rows as they stand now: values, errors, suggestions and status. */
function workRows(ctx: ServiceContext, record: ImportRecord): Worked {
  const references = loadReferences(ctx.db);
  const dropped = new Set(record.dropped);
  const resolved = record.cells.map((cells, index) => {
    const values = valuesOf(cells, record.mapping, record.fixes[String(index)]);
    return { index, values, resolved: resolveRow(values, references, record.year, ctx.timeZone) };
  });
  const dates = resolved
    .flatMap((row) => (row.resolved.key ? [row.resolved.key.split('|')[1] ?? ''] : []))
    .sort();
  const [first, last] = [dates[0], dates.at(-1)];
  const stored = first && last ? storedKeys(ctx.db, first, last) : new Map<string, number>();
  const targets = existingIds(
    ctx.db,
    resolved.flatMap((row) => (row.resolved.update ? [row.resolved.update.id] : [])),
  );
  const seen = new Set<string>();
  const inputs = new Map<number, ReturnType<typeof resolveRow>>();
  const rows = resolved.map(({ index, values, resolved: row }): ImportRow => {
    const base = { index, values, errors: row.errors, suggestions: row.suggestions };
    if (dropped.has(index)) return { ...base, status: 'dropped' };
    if (row.update && !targets.has(row.update.id)) {
      return { ...base, status: 'invalid', errors: [...row.errors, rowIdError(row.update.id)] };
    }
    if (row.errors.length > 0 || !row.input) return { ...base, status: 'invalid' };
    inputs.set(index, row);
    if (row.update) return { ...base, status: 'update' };
    const key = row.key ?? '';
    const duplicate = stored.has(key) || seen.has(key);
    seen.add(key);
    return { ...base, status: duplicate ? 'duplicate' : 'new' };
  });
  return { rows, inputs };
}

function rowIdError(id: number): ImportRow['errors'][number] {
  const error = refuse('NOT_FOUND', 'import.noSuchActivity', { id });
  return {
    field: 'id',
    message: error.refusal.message,
    key: error.refusal.key,
    params: error.refusal.params,
  };
}

function previewOf(ctx: ServiceContext, record: ImportRecord): ImportPreview {
  const { rows } = workRows(ctx, record);
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    year: record.year,
    status: record.status,
    headers: record.headers,
    mapping: record.mapping,
    fields: fieldsOffered(ctx.db),
    rows,
    counts: countsOf(rows),
    activityIds: record.activityIds,
    version: record.version,
  };
}

/** The audit's view of an import: never its cells (ten thousand rows would fill the trail). */
function auditView(record: ImportRecord) {
  return {
    fileName: record.fileName,
    rows: record.cells.length,
    status: record.status,
    activityIds: record.activityIds,
  };
}

/** Writes a change to an import with its next version, and its one audit row. */
function changeImport(
  tx: Tx,
  ctx: ServiceContext,
  before: ImportRecord,
  changes: Partial<typeof imports.$inferInsert>,
  action: 'update' | 'delete',
  extra: Record<string, unknown> = {},
): ImportRecord {
  const after = tx
    .update(imports)
    .set({ ...changes, version: before.version + 1, updatedAt: storedNow(ctx.now) })
    .where(eq(imports.id, before.id))
    .returning()
    .get();
  recordAudit(tx, ctx, {
    action,
    entityType: 'import',
    entityId: before.id,
    before: auditView(before),
    after: { ...auditView(after), ...extra },
  });
  return after;
}

/** `POST /api/imports`: the sheet read, stored and previewed. */
export async function createImport(
  ctx: ServiceContext,
  upload: { fileName: string; content: Buffer; year?: number | undefined },
): Promise<ImportPreview> {
  const sheet: Sheet = await readSheet(upload.content);
  const references = loadReferences(ctx.db);
  const indicatorOf = (folded: string) => references.indicatorByName.get(folded) ?? null;
  const record = ctx.db.transaction((tx) => {
    const inserted = tx
      .insert(imports)
      .values({
        kind: 'activities',
        fileName: upload.fileName.normalize('NFC').slice(0, 255),
        year: upload.year ?? Number(todayIn(ctx.timeZone, ctx.now).slice(0, 4)),
        headers: sheet.headers,
        cells: sheet.rows,
        mapping: guessMapping(tx, ctx, sheet.headers, indicatorOf),
        fixes: {},
        dropped: [],
        status: 'preview',
        activityIds: [],
        createdBy: actorIdOf(ctx),
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'import',
      entityId: inserted.id,
      before: null,
      after: auditView(inserted),
    });
    return inserted;
  });
  return previewOf(ctx, record);
}

export function getImport(ctx: ServiceContext, id: number): ImportPreview {
  const record = findImport(ctx.db, id);
  assertMayUse(ctx, record);
  return previewOf(ctx, record);
}

/** An import's state in the words of the refusal that names it. */
const statusWords: Record<ImportRecord['status'], string> = {
  preview: 'xem trước',
  committed: 'đã lưu',
  discarded: 'đã bỏ',
  undone: 'đã hoàn tác',
};

function assertPreview(record: ImportRecord): void {
  if (record.status !== 'preview')
    throw refuse('CONFLICT', 'import.notPreview', { status: statusWords[record.status] });
}

/** Remembers the headings the user mapped by hand, for their next file. */
function rememberMapping(
  tx: Tx,
  ctx: ServiceContext,
  headers: string[],
  mapping: Record<string, string>,
): void {
  const userId = actorIdOf(ctx);
  if (userId === null) return;
  for (const [column, field] of Object.entries(mapping)) {
    const heading = foldText(headers[Number(column)] ?? '');
    if (heading === '') continue;
    tx.insert(importMappings)
      .values({ userId, heading, field })
      .onConflictDoUpdate({ target: [importMappings.userId, importMappings.heading], set: { field } })
      .run();
  }
}

/** `PATCH /api/imports/:id`: a new mapping, fixed cells, dropped or kept rows. */
export function updateImport(ctx: ServiceContext, id: number, patch: ImportPatch): ImportPreview {
  const record = ctx.db.transaction((tx) => {
    const before = findImport(tx, id);
    assertMayUse(ctx, before);
    assertPreview(before);
    const rowCount = before.cells.length;
    const outside = [
      ...(patch.drop ?? []),
      ...(patch.keep ?? []),
      ...(patch.rows ?? []).map((row) => row.index),
    ].find((index) => index >= rowCount);
    if (outside !== undefined) throw refuse('VALIDATION_FAILED', 'import.noSuchRow', { row: outside });
    let mapping = before.mapping;
    if (patch.mapping) {
      mapping = { ...before.mapping };
      for (const [column, field] of Object.entries(patch.mapping)) {
        if (Number(column) >= before.headers.length)
          throw refuse('VALIDATION_FAILED', 'import.noSuchColumn', { column });
        for (const [other, taken] of Object.entries(mapping))
          if (field !== '' && taken === field) delete mapping[other];
        if (field === '') delete mapping[column];
        else mapping[column] = field;
      }
      rememberMapping(tx, ctx, before.headers, patch.mapping);
    }
    const fixes = { ...before.fixes };
    for (const row of patch.rows ?? [])
      fixes[String(row.index)] = { ...fixes[String(row.index)], ...row.values };
    const dropped = new Set(before.dropped);
    for (const index of patch.drop ?? []) dropped.add(index);
    for (const index of patch.keep ?? []) dropped.delete(index);
    return changeImport(
      tx,
      ctx,
      before,
      { mapping, fixes, dropped: [...dropped].sort((a, b) => a - b) },
      'update',
    );
  });
  return previewOf(ctx, record);
}

/** A row's refusal at commit, under `rows.N`. */
function commitDetails(error: AppError, index: number): ErrorDetail[] {
  const row = `rows.${index}`;
  if (error.details && error.details.length > 0) {
    return error.details.map((detail) => ({ ...detail, path: `${row}.${detail.path}` }));
  }
  return [{ path: row, ...error.refusal }];
}

/**
 * `POST /api/imports/:id/commit`: every new and update row, in one transaction, or none. A
 * row still invalid (and not dropped) refuses it (409); a refusal of a row by the
 * activities' own rules (scope, a locked period, a stale version) names the row (400).
 * Duplicates are not stored: an import sent twice stores its rows once.
 */
export function commitImport(ctx: ServiceContext, id: number): ImportCommitted {
  return ctx.db.transaction((tx) => {
    const record = findImport(tx, id);
    assertMayUse(ctx, record);
    assertPreview(record);
    const { rows, inputs } = workRows(ctx, record);
    const invalid = rows.filter((row) => row.status === 'invalid');
    if (invalid.length > 0) {
      throw refuse('CONFLICT', 'import.invalidRows', {
        count: invalid.length,
        rows: invalid
          .slice(0, 10)
          .map((row) => row.index + 2)
          .join(', '),
      });
    }
    const created: number[] = [];
    const updated: number[] = [];
    const details: ErrorDetail[] = [];
    for (const row of rows) {
      const resolved = inputs.get(row.index);
      if (!resolved?.input || (row.status !== 'new' && row.status !== 'update')) continue;
      try {
        if (row.status === 'new') {
          const activity = createActivity(ctx, resolved.input);
          tx.update(activities).set({ importId: id }).where(eq(activities.id, activity.id)).run();
          created.push(activity.id);
        } else if (resolved.update) {
          const version = resolved.update.version ?? undefined;
          updated.push(updateActivity(ctx, resolved.update.id, resolved.input, version).id);
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        details.push(...commitDetails(error, row.index));
      }
    }
    if (details.length > 0) throw invalidFields(details);
    changeImport(
      tx,
      ctx,
      record,
      { status: 'committed', activityIds: created, committedAt: storedNow(ctx.now) },
      'update',
      { updatedActivityIds: updated },
    );
    return { created: created.length, updated: updated.length, activityIds: [...created, ...updated] };
  });
}

/**
 * `DELETE /api/imports/:id`: a preview is discarded; a committed import is undone (its
 * activities soft-deleted) while none of them has a result (409 otherwise). The updates it
 * made stay: each is in the activity's own history.
 */
export function removeImport(ctx: ServiceContext, id: number): ImportPreview {
  const record = ctx.db.transaction((tx) => {
    const before = findImport(tx, id);
    assertMayUse(ctx, before);
    if (before.status === 'discarded' || before.status === 'undone') {
      throw refuse('CONFLICT', 'import.notPreview', { status: statusWords[before.status] });
    }
    if (before.status === 'committed') {
      const withResults = before.activityIds.length
        ? tx
            .select({ id: results.activityId })
            .from(results)
            .where(inArray(results.activityId, before.activityIds))
            .all()
        : [];
      if (withResults.length > 0)
        throw refuse('CONFLICT', 'import.undoResults', { count: withResults.length });
      const live = before.activityIds.length
        ? tx
            .select({ id: activities.id })
            .from(activities)
            .where(and(inArray(activities.id, before.activityIds), isNull(activities.deletedAt)))
            .all()
        : [];
      for (const { id: activityId } of live) deleteActivity(ctx, activityId, undefined);
    }
    const status = before.status === 'committed' ? 'undone' : 'discarded';
    return changeImport(tx, ctx, before, { status }, 'delete');
  });
  return previewOf(ctx, record);
}
