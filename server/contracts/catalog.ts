import { z } from 'zod';
import { DateString } from './common';

export const ActivityType = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  channelCodes: z.array(z.string()),
  indicatorCodes: z.array(z.string()),
});

export const Channel = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: z.string() });

export const TargetGroup = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const Indicator = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  aggregation: z.enum(['sum', 'max']),
  parentCode: z.string().nullable(),
});

export const ObservanceTheme = z.object({
  year: z.number().int(),
  theme: z.string(),
  themeEn: z.string(),
  peakStartDate: DateString.nullable(),
  peakEndDate: DateString.nullable(),
});

export const Observance = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  month: z.number().int(),
  day: z.number().int(),
  endMonth: z.number().int(),
  endDay: z.number().int(),
  themes: z.array(ObservanceTheme),
});

export const Catalog = z.object({
  activityTypes: z.array(ActivityType),
  channels: z.array(Channel),
  targetGroups: z.array(TargetGroup),
  indicators: z.array(Indicator),
  observances: z.array(Observance),
});
export type Catalog = z.infer<typeof Catalog>;
