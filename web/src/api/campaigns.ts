import { Campaign, CampaignList } from '../../../server/contracts/campaigns';
import { apiGet } from './client';

export type { Campaign };

/** Every campaign: a province runs a few dozen a year, well within one page of 1000. */
export async function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  const page = await apiGet('/api/campaigns', CampaignList, { query: { limit: 1000 }, signal });
  return page.items;
}

export function getCampaign(id: number, signal?: AbortSignal): Promise<Campaign> {
  return apiGet(`/api/campaigns/${id}`, Campaign, { signal });
}
