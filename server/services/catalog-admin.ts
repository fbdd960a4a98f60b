// Administering the catalogue: entries are added and edited, never removed (activities
// and reports refer to them by code), and the code of an entry never changes.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  activityTypes,
  channels,
  indicators,
  observances,
  observanceThemes,
  targetGroups,
} from '../../db/schema';
import type { CatalogKind, catalogWrites, ObservanceThemeInput } from '../contracts/catalog';
import type { ErrorDetail } from '../contracts/common';
import { dateOf } from '../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../errors';
import type { ServiceContext, Tx } from './context';
import { auditedWrite } from './records';
import { unknownCodes } from './references';

type Input<K extends CatalogKind> = z.infer<(typeof catalogWrites)[K]['input']>;
type Patch<K extends CatalogKind> = z.infer<(typeof catalogWrites)[K]['patch']>;

const tables = {
  'activity-types': activityTypes,
  channels,
  'target-groups': targetGroups,
  indicators,
  observances,
} as const;

const labels: Record<CatalogKind, string> = {
  'activity-types': 'loại hoạt động',
  channels: 'kênh',
  'target-groups': 'đối tượng',
  indicators: 'chỉ tiêu',
  observances: 'ngày kỷ niệm',
};

function readEntry(tx: Tx, kind: CatalogKind, code: string) {
  const table = tables[kind];
  return tx.select().from(table).where(eq(table.code, code)).get();
}

/** A day that exists in its month in some year (29/2 does; 31/4 does not). */
function dayExists(month: number, day: number): boolean {
  return dateOf(2024, month, day) !== null;
}

/** References inside an entry must exist, and an observance's days must be real. */
function checkEntry(tx: Tx, kind: CatalogKind, entry: Record<string, unknown>): void {
  const details: ErrorDetail[] = [];
  const codes = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  if (kind === 'activity-types') {
    details.push(...unknownCodes(tx, 'channel', 'channelCodes', codes(entry.channelCodes)));
    details.push(...unknownCodes(tx, 'indicator', 'indicatorCodes', codes(entry.indicatorCodes)));
  }
  if (kind === 'indicators' && typeof entry.parentCode === 'string') {
    details.push(...unknownCodes(tx, 'indicator', 'parentCode', [entry.parentCode], false));
    if (entry.parentCode === entry.code) details.push(fieldRefusal('parentCode', 'catalog.ownParent'));
  }
  if (kind === 'observances') {
    const { month, day, endMonth, endDay } = entry as {
      month: number;
      day: number;
      endMonth: number;
      endDay: number;
    };
    if (!dayExists(month, day)) details.push(fieldRefusal('day', 'date.noSuchDay', { day, month }));
    if (!dayExists(endMonth, endDay))
      details.push(fieldRefusal('endDay', 'date.noSuchDay', { day: endDay, month: endMonth }));
  }
  if (details.length > 0) throw invalidFields(details);
}

/** One audited catalogue change; entries are keyed by code, which the audit row's `after` carries. */
function audited<T>(
  ctx: ServiceContext,
  kind: CatalogKind,
  action: 'create' | 'update',
  code: string,
  write: (tx: Tx) => unknown,
) {
  return auditedWrite<unknown, string>(ctx, {
    action,
    entityType: `catalog.${kind}`,
    key: action === 'create' ? null : code,
    read: (tx, key) => readEntry(tx, kind, key) ?? null,
    write: (tx, before) => {
      if (action === 'update' && !before) throw notFound(labels[kind], code);
      write(tx);
      return code;
    },
    entityId: () => null,
  }) as T;
}

/** The stored columns of an entry: empty lists by default, and a one-day observance ends on the day it starts. */
function columns(kind: CatalogKind, entry: Record<string, unknown>) {
  if (kind === 'activity-types') {
    return { ...entry, channelCodes: entry.channelCodes ?? [], indicatorCodes: entry.indicatorCodes ?? [] };
  }
  if (kind === 'observances') {
    return { ...entry, endMonth: entry.endMonth ?? entry.month, endDay: entry.endDay ?? entry.day };
  }
  return entry;
}

// The casts below are sound: each kind's zod contract has exactly its table's columns,
// and the values were parsed by it; TypeScript cannot follow a kind to its table.
function insertEntry(tx: Tx, kind: CatalogKind, values: Record<string, unknown>): void {
  switch (kind) {
    case 'activity-types':
      return void tx
        .insert(activityTypes)
        .values(values as typeof activityTypes.$inferInsert)
        .run();
    case 'channels':
      return void tx
        .insert(channels)
        .values(values as typeof channels.$inferInsert)
        .run();
    case 'target-groups':
      return void tx
        .insert(targetGroups)
        .values(values as typeof targetGroups.$inferInsert)
        .run();
    case 'indicators':
      return void tx
        .insert(indicators)
        .values(values as typeof indicators.$inferInsert)
        .run();
    case 'observances':
      return void tx
        .insert(observances)
        .values(values as typeof observances.$inferInsert)
        .run();
  }
}

function updateEntry(tx: Tx, kind: CatalogKind, code: string, values: Record<string, unknown>): void {
  switch (kind) {
    case 'activity-types':
      return void tx.update(activityTypes).set(values).where(eq(activityTypes.code, code)).run();
    case 'channels':
      return void tx.update(channels).set(values).where(eq(channels.code, code)).run();
    case 'target-groups':
      return void tx.update(targetGroups).set(values).where(eq(targetGroups.code, code)).run();
    case 'indicators':
      return void tx.update(indicators).set(values).where(eq(indicators.code, code)).run();
    case 'observances':
      return void tx.update(observances).set(values).where(eq(observances.code, code)).run();
  }
}

export function createCatalogEntry<K extends CatalogKind>(ctx: ServiceContext, kind: K, input: Input<K>) {
  return audited(ctx, kind, 'create', input.code, (tx) => {
    if (readEntry(tx, kind, input.code)) {
      throw invalidFields([
        fieldRefusal('code', 'catalog.duplicate', { code: input.code, what: labels[kind] }),
      ]);
    }
    const values = columns(kind, { nameEn: '', ...input });
    checkEntry(tx, kind, values);
    insertEntry(tx, kind, values);
  });
}

export function updateCatalogEntry<K extends CatalogKind>(
  ctx: ServiceContext,
  kind: K,
  code: string,
  patch: Patch<K>,
) {
  return audited(ctx, kind, 'update', code, (tx) => {
    const current = readEntry(tx, kind, code) ?? {};
    const merged = columns(kind, { ...current, ...patch });
    checkEntry(tx, kind, merged);
    updateEntry(tx, kind, code, merged);
  });
}

/** Sets the theme (and peak window) of an observance for one year, creating or replacing it. */
export function putObservanceTheme(
  ctx: ServiceContext,
  code: string,
  year: number,
  input: ObservanceThemeInput,
) {
  const values = {
    theme: input.theme,
    themeEn: input.themeEn ?? '',
    peakStartDate: input.peakStartDate ?? null,
    peakEndDate: input.peakEndDate ?? null,
  };
  const where = and(eq(observanceThemes.observanceCode, code), eq(observanceThemes.year, year));
  const existing = ctx.db.select().from(observanceThemes).where(where).get();
  auditedWrite(ctx, {
    action: existing ? 'update' : 'create',
    entityType: 'catalog.observance-themes',
    key: year,
    read: (tx) => tx.select().from(observanceThemes).where(where).get() ?? null,
    write: (tx) => {
      if (!readEntry(tx, 'observances', code)) throw notFound('ngày kỷ niệm', code);
      tx.insert(observanceThemes)
        .values({ observanceCode: code, year, ...values })
        .onConflictDoUpdate({ target: [observanceThemes.observanceCode, observanceThemes.year], set: values })
        .run();
      return year;
    },
  });
  return { year, ...values };
}
