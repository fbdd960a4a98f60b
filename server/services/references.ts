// Checks that what a request refers to exists (and, where dated, was valid on the day).
// Each check returns the offending fields instead of throwing, so that a user sees every
// wrong field of a form at once.
import { and, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  activityTypes,
  agencies,
  campaigns,
  channels,
  indicators,
  observances,
  plans,
  targetGroups,
  tasks,
  units,
} from '../../db/schema';
import type { ErrorDetail } from '../contracts/common';
import { type Validity, validityInOrder, validOn } from '../domain/validity';
import { fieldRefusal, invalidFields } from '../errors';
import type { Tx } from './context';

type Dated = { id: number; code: string; validFrom: string | null; validTo: string | null };

const catalogTables = {
  activityType: { table: activityTypes, column: activityTypes.code, label: 'loại hoạt động' },
  channel: { table: channels, column: channels.code, label: 'kênh' },
  targetGroup: { table: targetGroups, column: targetGroups.code, label: 'đối tượng' },
  indicator: { table: indicators, column: indicators.code, label: 'chỉ tiêu' },
  observance: { table: observances, column: observances.code, label: 'ngày kỷ niệm' },
} as const;

/** Catalogue codes that do not exist, one detail each: `channelCodes.1`, `typeCode`... */
export function unknownCodes(
  tx: Tx,
  kind: keyof typeof catalogTables,
  path: string,
  codes: readonly string[],
  indexed = true,
): ErrorDetail[] {
  if (codes.length === 0) return [];
  const { table, column, label } = catalogTables[kind];
  const found = new Set(
    tx
      .select({ code: column })
      .from(table)
      .where(inArray(column, [...codes]))
      .all()
      .map((row) => row.code),
  );
  return codes.flatMap((code, index) =>
    found.has(code)
      ? []
      : [fieldRefusal(indexed ? `${path}.${index}` : path, 'reference.unknownCode', { what: label, code })],
  );
}

function datedCheck(
  rows: Dated[],
  ids: readonly number[],
  path: string,
  label: string,
  date: string | undefined,
  indexed: boolean,
): ErrorDetail[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id, index) => {
    const at = indexed ? `${path}.${index}` : path;
    const row = byId.get(id);
    if (!row) return [fieldRefusal(at, 'reference.unknownId', { what: label, id })];
    if (date && !validOn(row, date)) {
      return [fieldRefusal(at, 'reference.notInForce', { what: label, code: row.code, date })];
    }
    return [];
  });
}

/** Agencies that do not exist or (given a date) were not in being that day. */
export function invalidAgencies(tx: Tx, path: string, ids: readonly number[], date?: string, indexed = true) {
  if (ids.length === 0) return [];
  const rows = tx
    .select({
      id: agencies.id,
      code: agencies.code,
      validFrom: agencies.validFrom,
      validTo: agencies.validTo,
    })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]))
    .all();
  return datedCheck(rows, ids, path, 'cơ quan', date, indexed);
}

/** Units that do not exist or (given a date) were not in being that day. */
export function invalidUnits(tx: Tx, path: string, ids: readonly number[], date?: string, indexed = true) {
  if (ids.length === 0) return [];
  const rows = tx
    .select({ id: units.id, code: units.code, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(inArray(units.id, [...ids]))
    .all();
  return datedCheck(rows, ids, path, 'đơn vị hành chính', date, indexed);
}

const recordTables = {
  plan: { table: plans, column: plans.id, label: 'kế hoạch' },
  task: { table: tasks, column: tasks.id, label: 'nhiệm vụ' },
  campaign: { table: campaigns, column: campaigns.id, label: 'chiến dịch' },
} as const;

/** Plain records (plans, tasks, campaigns) that do not exist. */
export function missingRecords(
  tx: Tx,
  kind: keyof typeof recordTables,
  path: string,
  ids: readonly number[],
  indexed = true,
): ErrorDetail[] {
  if (ids.length === 0) return [];
  const { table, column, label } = recordTables[kind];
  const found = new Set(
    tx
      .select({ id: column })
      .from(table)
      .where(inArray(column, [...ids]))
      .all()
      .map((row) => row.id),
  );
  return ids.flatMap((id, index) =>
    found.has(id)
      ? []
      : [fieldRefusal(indexed ? `${path}.${index}` : path, 'reference.unknownId', { what: label, id })],
  );
}

/** Records in force on a date: `validFrom`/`validTo` inclusive, null meaning open-ended. */
export function validOnSql(validFrom: AnySQLiteColumn, validTo: AnySQLiteColumn, date: string) {
  return and(or(isNull(validFrom), lte(validFrom, date)), or(isNull(validTo), gte(validTo, date)));
}

/** After a patch, a record's validity must still run forwards (`validTo` inclusive). */
export function assertValidityInOrder(before: Validity, changes: Partial<Validity>): void {
  const merged = {
    validFrom: changes.validFrom === undefined ? before.validFrom : changes.validFrom,
    validTo: changes.validTo === undefined ? before.validTo : changes.validTo,
  };
  if (!validityInOrder(merged)) {
    throw invalidFields([fieldRefusal('validTo', 'validity.order')]);
  }
}
