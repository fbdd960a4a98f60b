// The audit trail. Every change writes exactly one row, inside the transaction of the
// change itself, so a change without its row (or a row without its change) cannot exist.
import { auditLog } from '../../db/schema';
import type { ServiceContext, Tx } from './context';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
};

export function recordAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorId: ctx.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId ?? null,
    })
    .run();
}
