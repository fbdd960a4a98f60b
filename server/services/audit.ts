// The audit trail. Every change writes exactly one row, inside the transaction of the
// change itself, so a change without its row (or a row without its change) cannot exist.
import { and, count, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { auditLog } from '../../db/schema';
import { isDate } from '../contracts/common';
import type { AuditQuery } from '../contracts/users';
import { addDays, boundToInstant, storedNow } from '../domain/time';
import { invalidField } from '../errors';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'login' | 'logout' | 'refused';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
};

/** `actorId` overrides the context's actor, for sign-in where the actor is who just signed in. */
export function recordAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry, actorId = actorIdOf(ctx)): void {
  tx.insert(auditLog)
    .values({
      // The service's clock, not SQLite's: a test that fixes the clock fixes the trail too.
      at: storedNow(ctx.now),
      actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId ?? null,
    })
    .run();
}

/** A bound of the audit query: a date is that whole local day, a date-time is itself. */
function auditBound(value: string, path: string, timeZone: string, end: boolean): string {
  try {
    return isDate(value) && end
      ? boundToInstant(addDays(value, 1), timeZone)
      : boundToInstant(value, timeZone);
  } catch {
    throw invalidField(path, 'field.bound');
  }
}

export function listAudit(ctx: ServiceContext, query: z.infer<typeof AuditQuery>) {
  const where = and(
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.userId ? eq(auditLog.actorId, query.userId) : undefined,
    query.from
      ? gte(auditLog.at, auditBound(query.from, 'querystring.from', ctx.timeZone, false))
      : undefined,
    // `to` as a date includes that whole day: up to, not including, the next local midnight.
    query.to
      ? (isDate(query.to) ? lt : lte)(auditLog.at, auditBound(query.to, 'querystring.to', ctx.timeZone, true))
      : undefined,
  );
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return page(rows, total, query);
}
