// Personal API tokens and calendar feed tokens: created by their user, listed, revoked.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { apiTokens } from '../../db/schema';
import { notFound } from '../errors';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { hashSecret, newSecret } from './passwords';
import { toStoredInstant } from './time';

type TokenRow = typeof apiTokens.$inferSelect;

function toToken({ id, kind, name, createdAt, lastUsedAt, revokedAt }: TokenRow) {
  return { id, kind, name, createdAt, lastUsedAt, revokedAt };
}

export function listTokens(ctx: ServiceContext, userId: number) {
  const rows = ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.id))
    .all();
  return { items: rows.map(toToken) };
}

export function createToken(
  ctx: ServiceContext,
  userId: number,
  input: { kind: 'api' | 'feed'; name: string },
) {
  const secret = newSecret();
  return ctx.db.transaction((tx) => {
    const row = tx
      .insert(apiTokens)
      .values({ userId, kind: input.kind, name: input.name, tokenHash: hashSecret(secret) })
      .returning()
      .get();
    const token = toToken(row);
    recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      before: null,
      after: token,
    });
    return { ...token, secret };
  });
}

/** Revokes one of the user's own tokens; someone else's is as good as absent. */
export function revokeToken(ctx: ServiceContext, userId: number, id: number) {
  return ctx.db.transaction((tx) => {
    const row = tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .get();
    if (!row) throw notFound('mã truy cập', id);
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: toStoredInstant(Temporal.Now.instant()) })
      .where(eq(apiTokens.id, id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'api_token',
      entityId: id,
      before: toToken(row),
      after: toToken(revoked),
    });
  });
}
