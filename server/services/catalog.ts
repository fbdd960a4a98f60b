// The catalogue: activity types, channels, target groups, indicators and observances.
import { asc } from 'drizzle-orm';
import {
  activityTypes,
  channels,
  indicators,
  observances,
  observanceThemes,
  targetGroups,
} from '../../db/schema';
import type { Catalog } from '../contracts/catalog';
import type { ServiceContext } from './context';

export function getCatalog(ctx: ServiceContext): Catalog {
  const db = ctx.db;
  const themes = db
    .select()
    .from(observanceThemes)
    .orderBy(asc(observanceThemes.observanceCode), asc(observanceThemes.year))
    .all();
  return {
    activityTypes: db
      .select({
        code: activityTypes.code,
        name: activityTypes.name,
        nameEn: activityTypes.nameEn,
        channelCodes: activityTypes.channelCodes,
        indicatorCodes: activityTypes.indicatorCodes,
      })
      .from(activityTypes)
      .orderBy(asc(activityTypes.sortOrder))
      .all(),
    channels: db
      .select({ code: channels.code, name: channels.name, nameEn: channels.nameEn, kind: channels.kind })
      .from(channels)
      .orderBy(asc(channels.sortOrder))
      .all(),
    targetGroups: db
      .select({ code: targetGroups.code, name: targetGroups.name, nameEn: targetGroups.nameEn })
      .from(targetGroups)
      .orderBy(asc(targetGroups.sortOrder))
      .all(),
    indicators: db
      .select({
        code: indicators.code,
        name: indicators.name,
        nameEn: indicators.nameEn,
        unit: indicators.unit,
        unitWord: indicators.unitWord,
        unitWordEn: indicators.unitWordEn,
        aggregation: indicators.aggregation,
        parentCode: indicators.parentCode,
      })
      .from(indicators)
      .orderBy(asc(indicators.sortOrder))
      .all(),
    observances: db
      .select()
      .from(observances)
      .orderBy(asc(observances.sortOrder))
      .all()
      .map(({ sortOrder: _sortOrder, ...observance }) => ({
        ...observance,
        themes: themes
          .filter((theme) => theme.observanceCode === observance.code)
          .map(({ year, theme, themeEn, peakStartDate, peakEndDate }) => ({
            year,
            theme,
            themeEn,
            peakStartDate,
            peakEndDate,
          })),
      })),
  };
}
