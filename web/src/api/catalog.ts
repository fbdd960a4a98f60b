import type { z } from 'zod';
import {
  ActivityType,
  Catalog,
  type CatalogKind,
  Channel,
  Indicator,
  Observance,
  ObservanceTheme,
  type ObservanceThemeInput,
  TargetGroup,
} from '../../../server/contracts/catalog';
import { cachedReference, referenceChanged, referenceKeys } from '../lib/query-client';
import { apiGet, apiSend } from './client';

export type { Catalog, CatalogKind, ObservanceThemeInput };
export type IndicatorEntry = z.infer<typeof Indicator>;
export type ObservanceEntry = z.infer<typeof Observance>;
export type ObservanceThemeEntry = z.infer<typeof ObservanceTheme>;

/**
 * What each kind's endpoint answers a write with: the entry as the catalogue lists it,
 * except an observance, whose yearly themes have their own route and are not repeated.
 */
const entrySchemas = {
  'activity-types': ActivityType,
  channels: Channel,
  'target-groups': TargetGroup,
  indicators: Indicator,
  observances: Observance.omit({ themes: true }),
} as const satisfies Record<CatalogKind, z.ZodType>;

/** Any kind's entry as a write answers it; the page reloads the catalogue after a write anyway. */
export type CatalogEntry = z.infer<(typeof entrySchemas)[CatalogKind]>;
/**
 * A new entry or a change, as the form builds it from the kind's field list. The server
 * checks it against that kind's contract and names any field that does not fit.
 */
export type CatalogBody = Record<string, unknown>;

/** The catalogue, from the cache all screens share (one request for every screen asking). */
export function getCatalog(_signal?: AbortSignal): Promise<Catalog> {
  return cachedReference(referenceKeys.catalog, () => apiGet('/api/catalog', Catalog, {}));
}

function entrySchema(kind: CatalogKind): z.ZodType<CatalogEntry> {
  return entrySchemas[kind];
}

export async function createCatalogEntry(kind: CatalogKind, input: CatalogBody): Promise<CatalogEntry> {
  const written = await apiSend('POST', `/api/catalog/${kind}`, entrySchema(kind), { body: input });
  await referenceChanged('catalog');
  return written;
}

export async function updateCatalogEntry(
  kind: CatalogKind,
  code: string,
  patch: CatalogBody,
): Promise<CatalogEntry> {
  const written = await apiSend(
    'PATCH',
    `/api/catalog/${kind}/${encodeURIComponent(code)}`,
    entrySchema(kind),
    {
      body: patch,
    },
  );
  await referenceChanged('catalog');
  return written;
}

/** Creates or replaces an observance's theme for one year. */
export async function putObservanceTheme(
  code: string,
  year: number,
  input: z.input<typeof ObservanceThemeInput>,
): Promise<ObservanceThemeEntry> {
  const written = await apiSend(
    'PUT',
    `/api/catalog/observances/${encodeURIComponent(code)}/themes/${year}`,
    ObservanceTheme,
    {
      body: input,
    },
  );
  await referenceChanged('catalog');
  return written;
}
