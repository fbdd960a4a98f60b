import {
  type AgencyInput,
  type AgencyPatch,
  type Agency as AgencyType,
  agencyEndpoints,
  agencyKinds,
} from '../../../server/contracts/agencies';
import { cachedReference, referenceChanged, referenceKeys } from '../lib/query-client';
import { call } from './client';

export type { AgencyType as Agency };
export { type AgencyInput, type AgencyPatch, agencyKinds };
export type AgencyKind = (typeof agencyKinds)[number];

/** Every agency, or those valid on `asOf` (`YYYY-MM-DD`): a province has a few hundred. */
async function fetchAgencies(asOf: string | undefined, signal?: AbortSignal) {
  const page = await call(agencyEndpoints.list, { query: { limit: 1000, asOf }, signal });
  return page.items;
}

/** Those valid on `asOf` (`YYYY-MM-DD`), or every one, from the cache all screens share. */
export function listAgencies(options: { asOf?: string | undefined; signal?: AbortSignal } = {}) {
  if (options.asOf) return fetchAgencies(options.asOf, options.signal);
  return cachedReference(referenceKeys.agencies, () => fetchAgencies(undefined));
}

export function getAgency(id: number, signal?: AbortSignal): Promise<AgencyType> {
  return call(agencyEndpoints.get, { params: { id }, signal });
}

export async function createAgency(input: AgencyInput): Promise<AgencyType> {
  const written = await call(agencyEndpoints.create, { body: input });
  await referenceChanged('agencies');
  return written;
}

export async function updateAgency(
  id: number,
  version: number,
  patch: Omit<AgencyPatch, 'version'>,
): Promise<AgencyType> {
  const written = await call(agencyEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await referenceChanged('agencies');
  return written;
}
