import type { Campaign } from '../../api/campaigns';
import { chosenColours, paletteColours } from '../calendar/colours';

/**
 * A campaign's colour as the calendar paints it: its own, or the palette's by its place in
 * the list of every campaign, so that the swatch here matches the events there.
 */
export function campaignColour(campaign: Campaign, all: readonly Campaign[]): string {
  if (campaign.color) return chosenColours(campaign.color).color;
  return paletteColours(all.findIndex((entry) => entry.id === campaign.id)).color;
}
