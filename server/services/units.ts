// Administrative units: province/city → district → commune/ward, each valid over dates.
import { and, asc, count, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { unitSuccessions, units } from '../../db/schema';
import type { Unit, UnitInput, UnitPatch, UnitQuery, UnitSuccessionInput } from '../contracts/units';
import { refusal } from '../domain/refusals';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedUpdate } from './records';
import { assertValidityInOrder, invalidUnits, validOnSql } from './references';

type UnitRow = typeof units.$inferSelect;

const tierOf: Record<Unit['level'], number> = {
  province: 1,
  city: 1,
  district: 2,
  town: 2,
  commune: 3,
  ward: 3,
  township: 3,
};

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    level: row.level,
    tier: row.tier,
    parentId: row.parentId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    tags: row.tags,
    version: row.version,
  };
}

function readUnit(tx: Tx, id: number): Unit {
  const row = tx.select().from(units).where(eq(units.id, id)).get();
  if (!row) throw notFound('đơn vị hành chính', id);
  return toUnit(row);
}

export function getUnit(ctx: ServiceContext, id: number): Unit {
  return readUnit(ctx.db, id);
}

export function listUnits(ctx: ServiceContext, query: z.infer<typeof UnitQuery>) {
  const conditions = [
    query.code ? eq(units.code, query.code) : undefined,
    query.level ? eq(units.level, query.level) : undefined,
    query.parentId ? eq(units.parentId, query.parentId) : undefined,
    query.asOf ? validOnSql(units.validFrom, units.validTo, query.asOf) : undefined,
  ];
  const where = and(...conditions);
  const rows = ctx.db
    .select()
    .from(units)
    .where(where)
    .orderBy(asc(units.tier), asc(units.code))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(units).where(where).get()?.n ?? 0;
  return page(rows.map(toUnit), total, query);
}

/** Walks up from `unitId`; true when it meets `ancestorId` (a parent link would close a loop). */
function isAncestorOrSelf(tx: Tx, ancestorId: number, unitId: number): boolean {
  const seen = new Set<number>();
  for (let at: number | null = unitId; at !== null && !seen.has(at); ) {
    if (at === ancestorId) return true;
    seen.add(at);
    at = tx.select({ parentId: units.parentId }).from(units).where(eq(units.id, at)).get()?.parentId ?? null;
  }
  return false;
}

function checkUnit(tx: Tx, input: Partial<UnitInput>, selfId?: number): void {
  const details = input.parentId ? invalidUnits(tx, 'parentId', [input.parentId], undefined, false) : [];
  if (selfId !== undefined && input.parentId && isAncestorOrSelf(tx, selfId, input.parentId)) {
    details.push({
      path: 'parentId',
      ...refusal('unit.ownParent'),
    });
  }
  if (input.code) {
    const clash = tx.select({ id: units.id }).from(units).where(eq(units.code, input.code)).get();
    if (clash && clash.id !== selfId) details.push(fieldRefusal('code', 'code.taken', { code: input.code }));
  }
  if (details.length > 0) throw invalidFields(details);
}

export function createUnit(ctx: ServiceContext, input: UnitInput): Unit {
  return auditedCreate(
    ctx,
    'unit',
    (tx) => {
      checkUnit(tx, input);
      return tx
        .insert(units)
        .values({
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? input.name,
          level: input.level,
          tier: tierOf[input.level],
          parentId: input.parentId ?? null,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
          tags: input.tags ?? [],
        })
        .returning({ id: units.id })
        .get().id;
    },
    readUnit,
  );
}

export function updateUnit(
  ctx: ServiceContext,
  id: number,
  patch: UnitPatch,
  expected: number | undefined,
): Unit {
  const { version: _version, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'unit',
    label: 'Đơn vị hành chính',
    id,
    expected,
    read: readUnit,
    apply: (tx, before, version) => {
      checkUnit(tx, changes, id);
      assertValidityInOrder(before, changes);
      tx.update(units)
        .set({
          ...changes,
          ...(changes.level ? { tier: tierOf[changes.level] } : {}),
          version,
          updatedAt: storedNow(ctx.now),
        })
        .where(eq(units.id, id))
        .run();
    },
  });
}

type SuccessionRow = typeof unitSuccessions.$inferSelect;
const toSuccession = ({ id, fromUnitId, toUnitId, date, kind }: SuccessionRow) => ({
  id,
  fromUnitId,
  toUnitId,
  date,
  kind,
});

/** Successions from or to a unit (or all), in date order. */
export function listUnitSuccessions(
  ctx: ServiceContext,
  query: { unitId?: number | undefined; limit: number; offset: number },
) {
  const where = query.unitId
    ? or(eq(unitSuccessions.fromUnitId, query.unitId), eq(unitSuccessions.toUnitId, query.unitId))
    : undefined;
  const rows = ctx.db
    .select()
    .from(unitSuccessions)
    .where(where)
    .orderBy(asc(unitSuccessions.date), asc(unitSuccessions.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(unitSuccessions).where(where).get()?.n ?? 0;
  return page(rows.map(toSuccession), total, query);
}

export function createUnitSuccession(ctx: ServiceContext, input: UnitSuccessionInput) {
  return auditedCreate(
    ctx,
    'unit_succession',
    (tx) => {
      const details = [
        ...invalidUnits(tx, 'fromUnitId', [input.fromUnitId], undefined, false),
        ...invalidUnits(tx, 'toUnitId', [input.toUnitId], undefined, false),
      ];
      if (input.fromUnitId === input.toUnitId) {
        details.push(fieldRefusal('toUnitId', 'unit.sameSuccessor'));
      }
      if (details.length > 0) throw invalidFields(details);
      const row = tx.insert(unitSuccessions).values(input).onConflictDoNothing().returning().get();
      if (!row) throw invalidFields([fieldRefusal('toUnitId', 'succession.exists')]);
      return row.id;
    },
    (tx, id) => {
      const row = tx.select().from(unitSuccessions).where(eq(unitSuccessions.id, id)).get();
      if (!row) throw notFound('quan hệ kế thừa', id);
      return toSuccession(row);
    },
  );
}
