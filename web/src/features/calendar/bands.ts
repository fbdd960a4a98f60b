// What the calendar draws behind the activities: the catalogue's observance days (30/7 and
// its theme of the year) and the campaigns' windows. They are background events: never
// clickable or draggable as activities, never counted in a day's "+N hoạt động".
import type { EventInput } from '@fullcalendar/react';
import type { Campaign } from '../../api/campaigns';
import type { ObservanceEntry } from '../../api/catalog';
import type { Language } from '../../i18n/context';
import { addDays } from '../../i18n/dates';
import { entryName } from '../../lib/names';
import { chosenColours, paletteColours } from './colours';

/** The data bands are drawn from; the page loads it once. */
export type BandSource = { observances: readonly ObservanceEntry[]; campaigns: readonly Campaign[] };

/** One observance in one year, or one campaign: dates with an exclusive end, as all-day events have. */
export type Band = {
  kind: 'observance' | 'campaign';
  key: string;
  name: string;
  /** That year's theme of an observance, a campaign's theme; empty when there is none. */
  theme: string;
  start: string;
  end: string;
  color: string;
  /** An observance band's own: which observance and year, and whether a campaign already serves it. */
  observance?: { code: string; year: number; hasCampaign: boolean };
};

/** An observance's colour: the app's red accent, set apart from every campaign and status colour. */
const observanceColour = '#b91c1c';

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of a day of `year`. */
const dateIn = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The observance's days in each year that [start, end) touches; a window over New Year ends the year after. */
/** A campaign serves an observance's year when it names the observance and starts that year. */
function servedYears(campaigns: readonly Campaign[], code: string): Set<number> {
  return new Set(
    campaigns
      .filter((campaign) => campaign.observanceCode === code)
      .map((campaign) => Number(campaign.startDate.slice(0, 4))),
  );
}

function observanceBands(
  observance: ObservanceEntry,
  start: string,
  end: string,
  language: Language,
  served: Set<number>,
): Band[] {
  const bands: Band[] = [];
  const firstYear = Number(start.slice(0, 4)) - 1;
  const lastYear = Number(end.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const wraps =
      observance.endMonth < observance.month ||
      (observance.endMonth === observance.month && observance.endDay < observance.day);
    const from = dateIn(year, observance.month, observance.day);
    const to = addDays(dateIn(wraps ? year + 1 : year, observance.endMonth, observance.endDay), 1);
    if (from >= end || to <= start) continue;
    const theme = observance.themes.find((entry) => entry.year === year);
    bands.push({
      kind: 'observance',
      key: `${observance.code}-${year}`,
      name: entryName(observance, language),
      theme: theme ? (language === 'en' && theme.themeEn ? theme.themeEn : theme.theme) : '',
      start: from,
      end: to,
      color: observanceColour,
      observance: { code: observance.code, year, hasCampaign: served.has(year) },
    });
  }
  return bands;
}

function campaignBand(campaign: Campaign, index: number): Band {
  return {
    kind: 'campaign',
    key: `campaign-${campaign.id}`,
    name: campaign.name,
    theme: campaign.theme,
    start: campaign.startDate,
    end: addDays(campaign.endDate, 1),
    // The same colour as "colour by campaign" gives the campaign's activities.
    color: campaign.color ? chosenColours(campaign.color).color : paletteColours(index).color,
  };
}

/** Every band that overlaps [start, end) (`YYYY-MM-DD`, end exclusive), observances first. */
export function bandsIn(source: BandSource, start: string, end: string, language: Language): Band[] {
  const observances = source.observances.flatMap((observance) =>
    observanceBands(observance, start, end, language, servedYears(source.campaigns, observance.code)),
  );
  const campaigns = source.campaigns
    .map((campaign, index) => campaignBand(campaign, index))
    .filter((band) => band.start < end && band.end > start);
  return [...observances.sort((a, b) => a.start.localeCompare(b.start)), ...campaigns];
}

export function toBackgroundEvent(band: Band): EventInput {
  return {
    id: band.key,
    title: band.name,
    allDay: true,
    start: band.start,
    end: band.end,
    display: 'background',
    color: band.color,
    className: `band band--${band.kind}`,
    extendedProps: { band },
  };
}

/** The band behind a background event built by toBackgroundEvent, or undefined for an activity. */
export function bandOf(event: { extendedProps: Record<string, unknown> }): Band | undefined {
  return event.extendedProps.band as Band | undefined;
}
