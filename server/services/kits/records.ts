// Kits as records: read, listed, created and changed, each change one audited, versioned write.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { kits } from '../../../db/schema';
import type { ErrorDetail } from '../../contracts/common';
import { type Kit, KitAnchor, type KitInput, KitItem, type KitPatch } from '../../contracts/kits';
import { storedNow } from '../../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../../errors';
import { actorIdOf, type ServiceContext, type Tx } from '../context';
import { auditedCreate, auditedUpdate } from '../records';
import { invalidAgencies, unknownCodes } from '../references';

type KitRow = typeof kits.$inferSelect;

const StoredItems = z.array(KitItem);

/** A stored kit as the API shows it; its JSON was checked by the contract when written. */
function toKit(row: KitRow): Kit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    anchor: KitAnchor.parse(row.anchor),
    items: StoredItems.parse(row.items),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function readKit(tx: Tx, id: number, withDeleted = false): Kit {
  const row = tx
    .select()
    .from(kits)
    .where(and(eq(kits.id, id), withDeleted ? undefined : isNull(kits.deletedAt)))
    .get();
  if (!row) throw notFound('bộ hoạt động mẫu', id);
  return toKit(row);
}

export function getKit(ctx: ServiceContext, id: number): Kit {
  return readKit(ctx.db, id);
}

/** Every kit: a province keeps a handful, so the list is one page. */
export function listKits(ctx: ServiceContext) {
  const items = ctx.db
    .select()
    .from(kits)
    .where(isNull(kits.deletedAt))
    .orderBy(asc(kits.name), asc(kits.id))
    .all()
    .map(toKit);
  return { items, total: items.length, limit: Math.max(items.length, 1), offset: 0 };
}

/** What each item names must exist: its type, channels, target groups, figures and lead agency. */
function itemDetails(tx: Tx, items: KitInput['items']): ErrorDetail[] {
  return items.flatMap((item, index) => {
    const at = `items.${index}`;
    return [
      ...unknownCodes(tx, 'activityType', `${at}.typeCode`, [item.typeCode], false),
      ...unknownCodes(tx, 'channel', `${at}.channelCodes`, item.channelCodes),
      ...unknownCodes(tx, 'targetGroup', `${at}.targetGroupCodes`, item.targetGroupCodes),
      ...Object.keys(item.expected).flatMap((code) =>
        unknownCodes(tx, 'indicator', `${at}.expected.${code}`, [code], false),
      ),
      ...(typeof item.lead === 'object'
        ? invalidAgencies(tx, `${at}.lead.agencyId`, [item.lead.agencyId], undefined, false)
        : []),
    ];
  });
}

function checkKit(tx: Tx, input: Partial<KitInput>, selfId: number | null): void {
  const details: ErrorDetail[] = [];
  if (input.code !== undefined) {
    const clash = tx.select({ id: kits.id }).from(kits).where(eq(kits.code, input.code)).get();
    if (clash && clash.id !== selfId) details.push(fieldRefusal('code', 'code.taken', { code: input.code }));
  }
  if (input.anchor && 'observanceCode' in input.anchor) {
    details.push(
      ...unknownCodes(tx, 'observance', 'anchor.observanceCode', [input.anchor.observanceCode], false),
    );
  }
  if (input.items) details.push(...itemDetails(tx, input.items));
  if (details.length > 0) throw invalidFields(details);
}

export function createKit(ctx: ServiceContext, input: KitInput): Kit {
  return auditedCreate(
    ctx,
    'kit',
    (tx) => {
      checkKit(tx, input, null);
      return tx
        .insert(kits)
        .values({ ...input, createdBy: actorIdOf(ctx), updatedBy: actorIdOf(ctx) })
        .returning({ id: kits.id })
        .get().id;
    },
    readKit,
  );
}

export function updateKit(
  ctx: ServiceContext,
  id: number,
  patch: KitPatch,
  expected: number | undefined,
): Kit {
  const { version: _version, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'kit',
    label: 'Bộ hoạt động mẫu',
    id,
    expected,
    read: readKit,
    apply: (tx, _before, version) => {
      checkKit(tx, changes, id);
      tx.update(kits)
        .set({ ...changes, updatedBy: actorIdOf(ctx), updatedAt: storedNow(ctx.now), version })
        .where(eq(kits.id, id))
        .run();
    },
  });
}

/** Soft delete: its applications keep their kit, so they can still be listed and undone. */
export function deleteKit(ctx: ServiceContext, id: number, expected: number | undefined): Kit {
  return auditedUpdate(ctx, {
    action: 'delete',
    entityType: 'kit',
    label: 'Bộ hoạt động mẫu',
    id,
    expected,
    read: (tx, kitId) => readKit(tx, kitId, true),
    apply: (tx, _before, version) => {
      const now = storedNow(ctx.now);
      tx.update(kits)
        .set({ deletedAt: now, updatedBy: actorIdOf(ctx), version, updatedAt: now })
        .where(eq(kits.id, id))
        .run();
    },
  });
}
