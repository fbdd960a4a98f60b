import { type Campaign, campaignEndpoints } from '../../../server/contracts/campaigns';
import { call } from './client';

export type { Campaign };

/** Every campaign: a province runs a few dozen a year, well within one page of 1000. */
export async function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  const page = await call(campaignEndpoints.list, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getCampaign(id: number, signal?: AbortSignal): Promise<Campaign> {
  return call(campaignEndpoints.get, { params: { id }, signal });
}
