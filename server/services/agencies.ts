// Agencies: departments, police, border guard, media bodies, mass organisations, commune
// authorities, telecom operators; each valid over dates, with successors.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { agencies, agencySuccessions } from '../../db/schema';
import { parentLineOf, symbolOf } from '../../db/seed/document-lines';
import type { Agency, AgencyInput, AgencyPatch, AgencyQuery } from '../contracts/agencies';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedUpdate } from './records';
import { assertValidityInOrder, invalidAgencies, invalidUnits, validOnSql } from './references';

type AgencyRow = typeof agencies.$inferSelect;

function toAgencies(tx: Tx, rows: AgencyRow[]): Agency[] {
  const ids = rows.map((row) => row.id);
  const successions =
    ids.length === 0
      ? []
      : tx.select().from(agencySuccessions).where(inArray(agencySuccessions.fromAgencyId, ids)).all();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    nameEn: row.nameEn,
    kind: row.kind as Agency['kind'],
    unitId: row.unitId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    successorIds: successions.filter((s) => s.fromAgencyId === row.id).map((s) => s.toAgencyId),
    documentSymbol: row.documentSymbol,
    parentLine: row.parentLine,
    version: row.version,
  }));
}

function readAgency(tx: Tx, id: number): Agency {
  const row = tx.select().from(agencies).where(eq(agencies.id, id)).get();
  const [agency] = row ? toAgencies(tx, [row]) : [];
  if (!agency) throw notFound('cơ quan', id);
  return agency;
}

export function getAgency(ctx: ServiceContext, id: number): Agency {
  return readAgency(ctx.db, id);
}

export function listAgencies(ctx: ServiceContext, query: z.infer<typeof AgencyQuery>) {
  const where = and(
    query.code ? eq(agencies.code, query.code) : undefined,
    query.kind ? eq(agencies.kind, query.kind) : undefined,
    query.unitId ? eq(agencies.unitId, query.unitId) : undefined,
    query.asOf ? validOnSql(agencies.validFrom, agencies.validTo, query.asOf) : undefined,
  );
  const rows = ctx.db
    .select()
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(agencies).where(where).get()?.n ?? 0;
  return page(toAgencies(ctx.db, rows), total, query);
}

function checkAgency(tx: Tx, input: Partial<AgencyInput>, selfId?: number): void {
  const details = [
    ...(input.unitId ? invalidUnits(tx, 'unitId', [input.unitId], undefined, false) : []),
    ...invalidAgencies(tx, 'successorIds', input.successorIds ?? []),
  ];
  if (selfId !== undefined && input.successorIds?.includes(selfId)) {
    details.push(fieldRefusal('successorIds', 'agency.ownSuccessor'));
  }
  if (input.code) {
    const clash = tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.code)).get();
    if (clash && clash.id !== selfId) details.push(fieldRefusal('code', 'code.taken', { code: input.code }));
  }
  if (details.length > 0) throw invalidFields(details);
}

function writeSuccessors(tx: Tx, id: number, successorIds: number[] | undefined): void {
  if (successorIds === undefined) return;
  tx.delete(agencySuccessions).where(eq(agencySuccessions.fromAgencyId, id)).run();
  const rows = [...new Set(successorIds)].map((toAgencyId) => ({ fromAgencyId: id, toAgencyId }));
  if (rows.length > 0) tx.insert(agencySuccessions).values(rows).run();
}

export function createAgency(ctx: ServiceContext, input: AgencyInput): Agency {
  return auditedCreate(
    ctx,
    'agency',
    (tx) => {
      checkAgency(tx, input);
      const lines = { ...input, shortName: input.shortName ?? input.name, validTo: input.validTo ?? null };
      const id = tx
        .insert(agencies)
        .values({
          documentSymbol: input.documentSymbol || symbolOf(lines),
          parentLine:
            input.parentLine ?? parentLineOf({ validFrom: null, ...lines }, tx.select().from(agencies).all()),
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? input.name,
          nameEn: input.nameEn ?? '',
          kind: input.kind,
          unitId: input.unitId ?? null,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        })
        .returning({ id: agencies.id })
        .get().id;
      writeSuccessors(tx, id, input.successorIds);
      return id;
    },
    readAgency,
  );
}

export function updateAgency(
  ctx: ServiceContext,
  id: number,
  patch: AgencyPatch,
  expected: number | undefined,
) {
  const { version: _version, successorIds, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'agency',
    label: 'Cơ quan',
    id,
    expected,
    read: readAgency,
    apply: (tx, before, version) => {
      checkAgency(tx, patch, id);
      assertValidityInOrder(before, changes);
      tx.update(agencies)
        .set({ ...changes, version, updatedAt: storedNow(ctx.now) })
        .where(eq(agencies.id, id))
        .run();
      writeSuccessors(tx, id, successorIds);
    },
  });
}
