import {
  type Campaign,
  type CampaignInput,
  type CampaignPatch,
  campaignEndpoints,
} from '../../../server/contracts/campaigns';
import { queryClient } from '../lib/query-client';
import { call } from './client';

export type { Campaign, CampaignInput };

/** Every campaign: a province runs a few dozen a year, well within one page of 1000. */
export async function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  const page = await call(campaignEndpoints.list, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getCampaign(id: number, signal?: AbortSignal): Promise<Campaign> {
  return call(campaignEndpoints.get, { params: { id }, signal });
}

export async function createCampaign(input: CampaignInput): Promise<Campaign> {
  const written = await call(campaignEndpoints.create, { body: input });
  await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  return written;
}

export async function updateCampaign(
  id: number,
  version: number,
  patch: Omit<CampaignPatch, 'version'>,
): Promise<Campaign> {
  const written = await call(campaignEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  return written;
}

/** Soft delete; the server refuses (409) while activities or reports use the campaign. */
export async function deleteCampaign(id: number, version: number): Promise<Campaign> {
  const written = await call(campaignEndpoints.remove, { params: { id }, ifMatch: version });
  // The deleted campaign's own page is left behind: asking for it again would only answer 404.
  queryClient.removeQueries({ queryKey: ['campaigns', id] });
  await queryClient.invalidateQueries({
    queryKey: ['campaigns'],
    predicate: (query) => query.queryKey[1] !== id,
  });
  return written;
}
