// Personal API tokens and calendar feed tokens: created by their user, listed, revoked.
import { and, asc, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { storedNow } from '../domain/time';
import { notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { hashSecret, newSecret } from './passwords';
import { auditedCreate, auditedWrite } from './records';

type TokenRow = typeof apiTokens.$inferSelect;

function toToken({ id, kind, name, createdAt, lastUsedAt, revokedAt }: TokenRow) {
  return { id, kind, name, createdAt, lastUsedAt, revokedAt };
}

/** One of the user's tokens; someone else's is as good as absent. */
function ownToken(tx: Tx, userId: number, id: number) {
  const row = tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .get();
  if (!row) throw notFound('mã truy cập', id);
  return toToken(row);
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
  const token = auditedCreate(
    ctx,
    'api_token',
    (tx) =>
      tx
        .insert(apiTokens)
        .values({ userId, kind: input.kind, name: input.name, tokenHash: hashSecret(secret) })
        .returning({ id: apiTokens.id })
        .get().id,
    (tx, id) => ownToken(tx, userId, id),
  );
  // The secret is shown once, here, and never stored nor audited.
  return { ...token, secret };
}

/** Revokes one of the user's own tokens; someone else's is as good as absent. */
export function revokeToken(ctx: ServiceContext, userId: number, id: number) {
  auditedWrite(ctx, {
    action: 'delete',
    entityType: 'api_token',
    key: id,
    read: (tx, key) => ownToken(tx, userId, key),
    write: (tx, before) => {
      if (!before || before.revokedAt) throw notFound('mã truy cập', id);
      tx.update(apiTokens)
        .set({ revokedAt: storedNow(ctx.now) })
        .where(eq(apiTokens.id, id))
        .run();
      return id;
    },
  });
}
