import type { z } from 'zod';
import { type AuditList, auditEndpoints } from '../../../server/contracts/users';
import { call } from './client';

export type AuditEntry = z.infer<typeof AuditList>['items'][number];
export type AuditPage = z.infer<typeof AuditList>;

export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: number | undefined;
  userId?: number | undefined;
  /** Inclusive `YYYY-MM-DD` bounds, read by the server in the deployment's zone. */
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** The audit trail, newest first (admins and coordinators only). */
export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPage> {
  return call(auditEndpoints.list, { query: filter, signal });
}
