import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { Code, DateString, RequiredText, Text } from './common';
import { endpoint } from './endpoints';

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
  /** The word written after its figure, from the catalogue ("tấm", "pano"); empty: its unit's word. */
  unitWord: z.string(),
  unitWordEn: z.string(),
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
  unitWord: Text.max(50).optional(),
  unitWordEn: Text.max(50).optional(),
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

// ---------------------------------------------------------------- endpoints

/**
 * What a write answers: the entry as the catalogue lists it, but an observance without its
 * yearly themes, which have their own endpoint.
 */
const catalogEntrySchemas = {
  'activity-types': ActivityType,
  channels: Channel,
  'target-groups': TargetGroup,
  indicators: Indicator,
  observances: Observance.omit({ themes: true }),
} as const satisfies Record<CatalogKind, z.ZodType>;

const tags = ['catalog'];

/**
 * One POST and one PATCH per kind of entry, each with that kind's own contract. Their types
 * are those of any kind (a body is one of the kinds' bodies): the routes register them in a
 * loop over the kinds, and the web's form sends the fields of the kind it edits.
 */
function entryEndpoints(kind: CatalogKind) {
  return {
    create: endpoint({
      method: 'POST',
      path: `/api/catalog/${kind}`,
      body: catalogWrites[kind].input,
      response: catalogEntrySchemas[kind],
      status: 201,
      tags,
    }),
    update: endpoint({
      method: 'PATCH',
      path: `/api/catalog/${kind}/:code`,
      params: CodeParams,
      body: catalogWrites[kind].patch,
      response: catalogEntrySchemas[kind],
      status: 200,
      tags,
    }),
  };
}

export const catalogEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/catalog',
    response: Catalog,
    status: 200,
    summary: 'Activity types, channels, target groups, indicators, observances',
    tags,
  }),
  /** By kind, in the order of `catalogWrites`. */
  entries: {
    'activity-types': entryEndpoints('activity-types'),
    channels: entryEndpoints('channels'),
    'target-groups': entryEndpoints('target-groups'),
    indicators: entryEndpoints('indicators'),
    observances: entryEndpoints('observances'),
  } satisfies Record<CatalogKind, unknown>,
  putTheme: endpoint({
    method: 'PUT',
    path: '/api/catalog/observances/:code/themes/:year',
    params: ThemeParams,
    body: ObservanceThemeInput,
    response: ObservanceTheme,
    status: 200,
    summary: "Set an observance's theme and peak window for a year",
    tags,
  }),
};
