// Media output: what the communication department published (news articles, radio and TV
// programmes, posts, SMS runs) and its reach, by channel and month. An item is credited to
// each of its channels, and counted once in the totals. Figures come from results, each
// indicator in its own unit; `max` indicators (unique reach) are never summed.
import { and, eq, gte, inArray, isNull, lte, ne, type SQL } from 'drizzle-orm';
import { activities, activityChannels, activityTypes, channels, indicators, results } from '../../db/schema';
import type { MediaOutput, MediaOutputQuery } from '../contracts/media-output';
import { combineFigures } from '../domain/indicators';
import { ledOrJoinedBy } from './activities';
import type { ServiceContext, Tx } from './context';
import { countedResults } from './counted-results';

/** Channels that publish rather than gather people: a media type uses only these. */
const mediaChannelKinds = new Set(['broadcast', 'press', 'online', 'sms']);

/** Activity types whose every channel is a media channel: news, programmes, posts, SMS runs, loudspeakers. */
export function mediaTypeCodes(tx: Tx): string[] {
  const kinds = new Map(
    tx
      .select({ code: channels.code, kind: channels.kind })
      .from(channels)
      .all()
      .map((c) => [c.code, c.kind]),
  );
  return tx
    .select({ code: activityTypes.code, channelCodes: activityTypes.channelCodes })
    .from(activityTypes)
    .all()
    .filter(
      (type) =>
        type.channelCodes.length > 0 &&
        type.channelCodes.every((code) => mediaChannelKinds.has(kinds.get(code) ?? '')),
    )
    .map((type) => type.code);
}

type Item = { id: number; month: string; channelCodes: string[]; values: Record<string, number> };

export function getMediaOutput(ctx: ServiceContext, query: MediaOutputQuery): MediaOutput {
  const tx = ctx.db;
  const types = mediaTypeCodes(tx);
  const conditions: SQL[] = [
    isNull(activities.deletedAt),
    ne(activities.status, 'cancelled'),
    inArray(activities.typeCode, types),
    gte(activities.startDate, query.startDate),
    lte(activities.startDate, query.endDate),
    countedResults(query.acceptedOnly === 'true'),
  ];
  if (query.campaignId) conditions.push(eq(activities.campaignId, query.campaignId));
  if (query.agencyId) conditions.push(ledOrJoinedBy(tx, [query.agencyId]));
  const rows = types.length
    ? tx
        .select({ id: activities.id, startDate: activities.startDate, values: results.values })
        .from(activities)
        .innerJoin(results, eq(results.activityId, activities.id))
        .where(and(...conditions))
        .all()
    : [];
  // The same items as a subquery, not as a list of ids: a busy year exceeds SQLite's
  // limit on bound values.
  const itemIds = tx
    .select({ id: activities.id })
    .from(activities)
    .innerJoin(results, eq(results.activityId, activities.id))
    .where(and(...conditions));
  const channelsOf = new Map<number, string[]>();
  if (rows.length > 0) {
    for (const link of tx
      .select({ id: activityChannels.activityId, code: activityChannels.channelCode })
      .from(activityChannels)
      .where(inArray(activityChannels.activityId, itemIds))
      .all()) {
      channelsOf.set(link.id, [...(channelsOf.get(link.id) ?? []), link.code]);
    }
  }
  const items: Item[] = rows.map((row) => ({
    id: row.id,
    month: row.startDate.slice(0, 7),
    channelCodes: channelsOf.get(row.id) ?? [],
    values: row.values,
  }));

  const usedTypes = new Set(types);
  const typeIndicators = new Set(
    tx
      .select({ code: activityTypes.code, indicatorCodes: activityTypes.indicatorCodes })
      .from(activityTypes)
      .all()
      .filter((type) => usedTypes.has(type.code))
      .flatMap((type) => type.indicatorCodes),
  );
  const catalogue = tx
    .select()
    .from(indicators)
    .all()
    .filter((indicator) => typeIndicators.has(indicator.code));
  const max = new Set(
    catalogue.filter((indicator) => indicator.aggregation === 'max').map((indicator) => indicator.code),
  );

  const cells = new Map<
    string,
    { channelCode: string; month: string; items: number; values: Record<string, number> }
  >();
  const channelTotals = new Map<
    string,
    { channelCode: string; items: number; values: Record<string, number> }
  >();
  const totals = { items: 0, values: {} as Record<string, number> };
  for (const item of items) {
    totals.items += 1;
    combineFigures(totals.values, item.values, max);
    for (const channelCode of item.channelCodes) {
      const key = `${channelCode}|${item.month}`;
      const cell = cells.get(key) ?? { channelCode, month: item.month, items: 0, values: {} };
      cell.items += 1;
      combineFigures(cell.values, item.values, max);
      cells.set(key, cell);
      const channel = channelTotals.get(channelCode) ?? { channelCode, items: 0, values: {} };
      channel.items += 1;
      combineFigures(channel.values, item.values, max);
      channelTotals.set(channelCode, channel);
    }
  }
  const byKey = <T extends { channelCode: string; month?: string }>(a: T, b: T) =>
    a.channelCode.localeCompare(b.channelCode) || (a.month ?? '').localeCompare(b.month ?? '');
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    indicators: catalogue.map(({ code, name, nameEn, unit, unitWord, unitWordEn, aggregation }) => ({
      code,
      name,
      nameEn,
      unit,
      unitWord,
      unitWordEn,
      aggregation,
    })),
    rows: [...cells.values()].sort(byKey),
    byChannel: [...channelTotals.values()].sort(byKey),
    totals,
    rowsOverlap: items.some((item) => item.channelCodes.length > 1),
  };
}
