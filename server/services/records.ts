// The shape every audited write takes: in one transaction, read the record as the API
// shows it, check the writer's version, change it, read it again, append the audit row.
import { invalidFields } from '../errors';
import { recordAudit } from './audit';
import type { ServiceContext, Tx } from './context';
import { assertVersion } from './versions';

type Versioned = { id: number; version: number };

export function auditedCreate<T extends { id: number }>(
  ctx: ServiceContext,
  entityType: string,
  insert: (tx: Tx) => number,
  read: (tx: Tx, id: number) => T,
): T {
  return ctx.db.transaction((tx) => {
    const id = insert(tx);
    const after = read(tx, id);
    recordAudit(tx, ctx, { action: 'create', entityType, entityId: id, before: null, after });
    return after;
  });
}

export function auditedUpdate<T extends Versioned>(
  ctx: ServiceContext,
  options: {
    entityType: string;
    label: string;
    id: number;
    expected: number | undefined;
    read: (tx: Tx, id: number) => T;
    /** Writes the change; the new version number is given so that it bumps with it. */
    apply: (tx: Tx, before: T, nextVersion: number) => void;
    /** A change the record's shape does not show (a new password), noted in the audit row's `after`. */
    unseenChange?: Record<string, unknown> | undefined;
  },
): T {
  try {
    return ctx.db.transaction((tx) => {
      const before = options.read(tx, options.id);
      assertVersion(before.version, options.expected, options.label);
      options.apply(tx, before, before.version + 1);
      const after = options.read(tx, options.id);
      if (!options.unseenChange && sameContent(before, after)) throw new NothingChanged(before);
      recordAudit(tx, ctx, {
        action: 'update',
        entityType: options.entityType,
        entityId: options.id,
        before,
        after: options.unseenChange ? { ...after, ...options.unseenChange } : after,
      });
      return after;
    });
  } catch (error) {
    // A patch that changes nothing is rolled back: no new version, no audit row.
    if (error instanceof NothingChanged) return error.unchanged as T;
    throw error;
  }
}

class NothingChanged extends Error {
  constructor(readonly unchanged: unknown) {
    super('nothing changed');
  }
}

/** Equal but for the bookkeeping that every write moves (version, update time and author). */
function sameContent(before: object, after: object): boolean {
  const content = (record: object) =>
    JSON.stringify({ ...record, version: undefined, updatedAt: undefined, updatedBy: undefined });
  return content(before) === content(after);
}

/** A page of a list: the rows asked for and how many there are in all. */
export function page<T>(items: T[], total: number, query: { limit: number; offset: number }) {
  return { items, total, limit: query.limit, offset: query.offset };
}

type Validity = { validFrom?: string | null | undefined; validTo?: string | null | undefined };

/** After a patch, a record's validity must still run forwards (`validTo` inclusive). */
export function assertValidityInOrder(before: Validity, changes: Validity): void {
  const validFrom = changes.validFrom === undefined ? before.validFrom : changes.validFrom;
  const validTo = changes.validTo === undefined ? before.validTo : changes.validTo;
  if (validFrom && validTo && validTo < validFrom) {
    throw invalidFields([{ path: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực' }]);
  }
}
