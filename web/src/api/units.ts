import {
  type UnitInput,
  type UnitPatch,
  type Unit as UnitType,
  unitEndpoints,
  unitLevels,
} from '../../../server/contracts/units';
import { cachedReference, referenceChanged, referenceKeys } from '../lib/query-client';
import { call } from './client';

export type { UnitType as Unit };
export { type UnitInput, type UnitPatch, unitLevels };
export type UnitLevel = (typeof unitLevels)[number];

/** Every unit, or those valid on `asOf`: one province has about a hundred, past and present. */
async function fetchUnits(asOf: string | undefined, signal?: AbortSignal) {
  const page = await call(unitEndpoints.list, { query: { limit: 1000, asOf }, signal });
  return page.items;
}

/** Those valid on `asOf` (`YYYY-MM-DD`), or every one, from the cache all screens share. */
export function listUnits(options: { asOf?: string | undefined; signal?: AbortSignal } = {}) {
  if (options.asOf) return fetchUnits(options.asOf, options.signal);
  return cachedReference(referenceKeys.units, () => fetchUnits(undefined));
}

export async function createUnit(input: UnitInput): Promise<UnitType> {
  const written = await call(unitEndpoints.create, { body: input });
  await referenceChanged('units');
  return written;
}

export async function updateUnit(
  id: number,
  version: number,
  patch: Omit<UnitPatch, 'version'>,
): Promise<UnitType> {
  const written = await call(unitEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await referenceChanged('units');
  return written;
}
