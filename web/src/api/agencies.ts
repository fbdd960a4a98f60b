import {
  Agency,
  type AgencyInput,
  AgencyList,
  type AgencyPatch,
  type Agency as AgencyType,
  agencyKinds,
} from '../../../server/contracts/agencies';
import { cachedReference, referenceChanged, referenceKeys } from '../lib/query-client';
import { apiGet, apiSend } from './client';

export type { AgencyType as Agency };
export { type AgencyInput, type AgencyPatch, agencyKinds };
export type AgencyKind = (typeof agencyKinds)[number];

/** Every agency, or those valid on `asOf` (`YYYY-MM-DD`): a province has a few hundred. */
async function fetchAgencies(asOf: string | undefined, signal?: AbortSignal) {
  const page = await apiGet('/api/agencies', AgencyList, { query: { limit: 1000, asOf }, signal });
  return page.items;
}

/** Those valid on `asOf` (`YYYY-MM-DD`), or every one, from the cache all screens share. */
export function listAgencies(options: { asOf?: string | undefined; signal?: AbortSignal } = {}) {
  if (options.asOf) return fetchAgencies(options.asOf, options.signal);
  return cachedReference(referenceKeys.agencies, () => fetchAgencies(undefined));
}

export function getAgency(id: number, signal?: AbortSignal): Promise<AgencyType> {
  return apiGet(`/api/agencies/${id}`, Agency, { signal });
}

export async function createAgency(input: AgencyInput): Promise<AgencyType> {
  const written = await apiSend('POST', '/api/agencies', Agency, { body: input });
  await referenceChanged('agencies');
  return written;
}

export async function updateAgency(
  id: number,
  version: number,
  patch: Omit<AgencyPatch, 'version'>,
): Promise<AgencyType> {
  const written = await apiSend('PATCH', `/api/agencies/${id}`, Agency, { body: patch, ifMatch: version });
  await referenceChanged('agencies');
  return written;
}
