// The one audited write path. Every change to a record — create, update, delete, restore,
// a result, a review, a catalogue entry — runs through `auditedWrite`: in one transaction,
// read the record as the API shows it, check the writer's version, let the caller apply its
// rules and write, read it again, and append exactly one audit row. A change without its
// row (or a row without its change) therefore cannot exist.
import { type AuditAction, recordAudit } from './audit';
import type { ServiceContext, Tx } from './context';
import { assertVersion } from './versions';

type Change = Exclude<AuditAction, 'login' | 'logout' | 'refused'>;

export type AuditedWrite<T, K> = {
  action: Change;
  entityType: string;
  /** The record's name in a 412 message ("Hoạt động"); needed when `expected` may be given. */
  label?: string;
  /** The record's key, or null for a record that does not exist yet. */
  key: K | null;
  /** The version the writer read (If-Match or `version`); undefined when it did not say. */
  expected?: number | undefined;
  /** The record as the API shows it; null when there is none (yet, or any more). */
  read: (tx: Tx, key: K) => T | null;
  /**
   * The rules and the write, given the record as it was (null when new) and the version it
   * takes. Returns the key of the record written (the new id of a created one).
   */
  write: (tx: Tx, before: T | null, nextVersion: number) => K;
  /** The audit row's entity id, when the key is not a number (a catalogue code). */
  entityId?: (key: K) => number | null;
  /** A change the record's shape does not show (a new password), noted in the audit row's `after`. */
  unseenChange?: Record<string, unknown> | undefined;
};

const versionOf = (record: unknown): number =>
  typeof record === 'object' && record !== null && 'version' in record && typeof record.version === 'number'
    ? record.version
    : 0;

/**
 * Runs one audited change and returns the record as it now reads (null when the change
 * removed it). An update that changes nothing is rolled back: no new version, no audit row.
 */
export function auditedWrite<T, K = number>(ctx: ServiceContext, change: AuditedWrite<T, K>): T | null {
  try {
    return ctx.db.transaction((tx) => {
      const before = change.key === null ? null : change.read(tx, change.key);
      // A record never seen counts as version 0: If-Match "0" guards a first write.
      assertVersion(versionOf(before), change.expected, change.label ?? change.entityType);
      const key = change.write(tx, before, versionOf(before) + 1);
      const after = change.read(tx, key);
      if (change.action === 'update' && !change.unseenChange && sameContent(before, after)) {
        throw new NothingChanged(before);
      }
      recordAudit(tx, ctx, {
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId ? change.entityId(key) : typeof key === 'number' ? key : null,
        before,
        after: change.unseenChange && after ? { ...after, ...change.unseenChange } : after,
      });
      return after;
    });
  } catch (error) {
    if (error instanceof NothingChanged) return error.unchanged as T;
    throw error;
  }
}

/** A record that must be there once written (anything but a removal). */
function present<T>(record: T | null, entityType: string): T {
  if (record === null) throw new Error(`${entityType}: the record written cannot be read back`);
  return record;
}

/** Shorthand of `auditedWrite` for a new record with a numeric id. */
export function auditedCreate<T>(
  ctx: ServiceContext,
  entityType: string,
  insert: (tx: Tx) => number,
  read: (tx: Tx, id: number) => T,
): T {
  const created = auditedWrite<T>(ctx, { action: 'create', entityType, key: null, read, write: insert });
  return present(created, entityType);
}

/** Shorthand of `auditedWrite` for a change to an existing, versioned record. */
export function auditedUpdate<T extends { id: number; version: number }>(
  ctx: ServiceContext,
  options: {
    entityType: string;
    label: string;
    id: number;
    expected: number | undefined;
    read: (tx: Tx, id: number) => T;
    /** Writes the change; the new version number is given so that it bumps with it. */
    apply: (tx: Tx, before: T, nextVersion: number) => void;
    unseenChange?: Record<string, unknown> | undefined;
    action?: 'update' | 'delete' | 'restore';
  },
): T {
  const updated = auditedWrite<T>(ctx, {
    action: options.action ?? 'update',
    entityType: options.entityType,
    label: options.label,
    key: options.id,
    expected: options.expected,
    read: options.read,
    write: (tx, before, nextVersion) => {
      options.apply(tx, present(before, options.entityType), nextVersion);
      return options.id;
    },
    unseenChange: options.unseenChange,
  });
  return present(updated, options.entityType);
}

class NothingChanged extends Error {
  constructor(readonly unchanged: unknown) {
    super('nothing changed');
  }
}

/** Equal but for the bookkeeping that every write moves (version, update time and author). */
function sameContent(before: unknown, after: unknown): boolean {
  const content = (record: unknown) =>
    typeof record === 'object' && record !== null
      ? JSON.stringify({ ...record, version: undefined, updatedAt: undefined, updatedBy: undefined })
      : JSON.stringify(record);
  return content(before) === content(after);
}
