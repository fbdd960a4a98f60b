import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { Code, DateString, RequiredText, Text } from './common';

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

// ---------------------------------------------------------------- writing (admin)

const name = RequiredText(300);
const nameEn = Text.max(300).optional();
const codeList = z.array(Code).max(50);

const activityTypeFields = {
  name,
  nameEn,
  channelCodes: codeList.optional(),
  indicatorCodes: codeList.optional(),
};
const channelFields = { name, nameEn, kind: Code };
const targetGroupFields = { name, nameEn };
const indicatorFields = {
  name,
  nameEn,
  unit: Code,
  aggregation: z.enum(['sum', 'max']),
  parentCode: Code.nullable().optional(),
};
const month = z.number().int().min(1).max(12);
const day = z.number().int().min(1).max(31);
const observanceFields = { name, nameEn, month, day, endMonth: month.optional(), endDay: day.optional() };

/** Each kind of catalogue entry: what a new one needs, and what an edit may change (never the code). */
export const catalogWrites = {
  'activity-types': {
    input: z.strictObject({ code: Code, ...activityTypeFields }),
    patch: z.strictObject(activityTypeFields).partial(),
  },
  channels: {
    input: z.strictObject({ code: Code, ...channelFields }),
    patch: z.strictObject(channelFields).partial(),
  },
  'target-groups': {
    input: z.strictObject({ code: Code, ...targetGroupFields }),
    patch: z.strictObject(targetGroupFields).partial(),
  },
  indicators: {
    input: z.strictObject({ code: Code, ...indicatorFields }),
    patch: z.strictObject(indicatorFields).partial(),
  },
  observances: {
    input: z.strictObject({ code: Code, ...observanceFields }),
    patch: z.strictObject(observanceFields).partial(),
  },
} as const;
export type CatalogKind = keyof typeof catalogWrites;

export const ObservanceThemeInput = z
  .strictObject({
    theme: RequiredText(500),
    themeEn: Text.max(500).optional(),
    peakStartDate: DateString.nullable().optional(),
    peakEndDate: DateString.nullable().optional(),
  })
  .refine((t) => !t.peakStartDate || !t.peakEndDate || t.peakEndDate >= t.peakStartDate, {
    message: refusalText('range.peakEnd'),
    path: ['peakEndDate'],
  });
export type ObservanceThemeInput = z.infer<typeof ObservanceThemeInput>;
export const CodeParams = z.strictObject({ code: Code });
export const ThemeParams = z.strictObject({ code: Code, year: z.coerce.number().int().min(2000).max(2100) });
