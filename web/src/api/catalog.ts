import type { z } from 'zod';
import {
  type Catalog,
  type CatalogKind,
  catalogEndpoints,
  type Indicator,
  type Observance,
  type ObservanceTheme,
  type ObservanceThemeInput,
} from '../../../server/contracts/catalog';
import { cachedReference, referenceChanged, referenceKeys } from '../lib/query-client';
import { type BodyOf, call } from './client';

export type { Catalog, CatalogKind, ObservanceThemeInput };
export type IndicatorEntry = z.infer<typeof Indicator>;
export type ObservanceEntry = z.infer<typeof Observance>;
export type ObservanceThemeEntry = z.infer<typeof ObservanceTheme>;

/** The endpoints that write an entry, by kind: one POST and one PATCH each. */
type EntryEndpoints = (typeof catalogEndpoints.entries)[CatalogKind];

/**
 * Any kind's entry as a write answers it: the entry as the catalogue lists it, an observance
 * without its yearly themes. The page reloads the catalogue after a write anyway.
 */
export type CatalogEntry = z.infer<EntryEndpoints['create']['response']>;
/**
 * A new entry or a change, as the form builds it from the kind's field list. The server
 * checks it against that kind's contract and names any field that does not fit.
 */
export type CatalogBody = Record<string, unknown>;
// Hence the casts below from CatalogBody to the kind's own body: the server checks it, not they.

/** The catalogue, from the cache all screens share (one request for every screen asking). */
export function getCatalog(_signal?: AbortSignal): Promise<Catalog> {
  return cachedReference(referenceKeys.catalog, () => call(catalogEndpoints.get));
}

export async function createCatalogEntry(kind: CatalogKind, input: CatalogBody): Promise<CatalogEntry> {
  const endpoint = catalogEndpoints.entries[kind].create;
  const written = await call(endpoint, { body: input as BodyOf<typeof endpoint> });
  await referenceChanged('catalog');
  return written;
}

export async function updateCatalogEntry(
  kind: CatalogKind,
  code: string,
  patch: CatalogBody,
): Promise<CatalogEntry> {
  const endpoint = catalogEndpoints.entries[kind].update;
  const written = await call(endpoint, { params: { code }, body: patch as BodyOf<typeof endpoint> });
  await referenceChanged('catalog');
  return written;
}

/** Creates or replaces an observance's theme for one year. */
export async function putObservanceTheme(
  code: string,
  year: number,
  input: z.input<typeof ObservanceThemeInput>,
): Promise<ObservanceThemeEntry> {
  const written = await call(catalogEndpoints.putTheme, { params: { code, year }, body: input });
  await referenceChanged('catalog');
  return written;
}
