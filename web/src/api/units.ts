import {
  Unit,
  type UnitInput,
  UnitList,
  type UnitPatch,
  type Unit as UnitType,
  unitLevels,
} from '../../../server/contracts/units';
import { apiGet, apiSend } from './client';

export type { UnitType as Unit };
export { type UnitInput, type UnitPatch, unitLevels };
export type UnitLevel = (typeof unitLevels)[number];

/** Every unit, or those valid on `asOf`: one province has about a hundred, past and present. */
export async function listUnits(options: { asOf?: string | undefined; signal?: AbortSignal } = {}) {
  const page = await apiGet('/api/units', UnitList, {
    query: { limit: 1000, asOf: options.asOf },
    signal: options.signal,
  });
  return page.items;
}

export function createUnit(input: UnitInput): Promise<UnitType> {
  return apiSend('POST', '/api/units', Unit, { body: input });
}

export function updateUnit(
  id: number,
  version: number,
  patch: Omit<UnitPatch, 'version'>,
): Promise<UnitType> {
  return apiSend('PATCH', `/api/units/${id}`, Unit, { body: patch, ifMatch: version });
}
