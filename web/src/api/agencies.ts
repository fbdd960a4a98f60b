import {
  Agency,
  type AgencyInput,
  AgencyList,
  type AgencyPatch,
  type Agency as AgencyType,
  agencyKinds,
} from '../../../server/contracts/agencies';
import { apiGet, apiSend } from './client';

export type { AgencyType as Agency };
export { type AgencyInput, type AgencyPatch, agencyKinds };
export type AgencyKind = (typeof agencyKinds)[number];

/** Every agency, or those valid on `asOf` (`YYYY-MM-DD`): a province has a few hundred. */
export async function listAgencies(options: { asOf?: string | undefined; signal?: AbortSignal } = {}) {
  const page = await apiGet('/api/agencies', AgencyList, {
    query: { limit: 1000, asOf: options.asOf },
    signal: options.signal,
  });
  return page.items;
}

export function getAgency(id: number, signal?: AbortSignal): Promise<AgencyType> {
  return apiGet(`/api/agencies/${id}`, Agency, { signal });
}

export function createAgency(input: AgencyInput): Promise<AgencyType> {
  return apiSend('POST', '/api/agencies', Agency, { body: input });
}

export function updateAgency(
  id: number,
  version: number,
  patch: Omit<AgencyPatch, 'version'>,
): Promise<AgencyType> {
  return apiSend('PATCH', `/api/agencies/${id}`, Agency, { body: patch, ifMatch: version });
}
