// The campaign an observance's band offers to create: "Cao điểm tuyên truyền 30/7/2027" for a
// day, "Tháng hành động vì trẻ em 2027" for a month, with the year's theme and peak window
// from the catalogue when they are known.
import type { CampaignInput } from '../../api/campaigns';
import type { ObservanceEntry } from '../../api/catalog';
import { addDays, formatIsoDay } from '../../i18n/dates';

/** A one-day observance without a peak window in the catalogue: a month of work before the day, ten days of results after. */
const DAYS_BEFORE = 30;
const DAYS_AFTER = 10;

export type PeakDraft = Required<Pick<CampaignInput, 'name' | 'theme' | 'startDate' | 'endDate'>> & {
  observanceCode: string;
  /** The observance's day that year, `YYYY-MM-DD`. */
  day: string;
  /** True when the year has no theme yet: the form asks for one. */
  themeMissing: boolean;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Whether the observance is one day (30/7) rather than a span (the month of June). */
const isOneDay = (observance: ObservanceEntry) =>
  observance.month === observance.endMonth && observance.day === observance.endDay;

/** The campaign's name: a day's peak, or a span's own name and year. */
function peakName(observance: ObservanceEntry, year: number): string {
  const day = `${year}-${pad(observance.month)}-${pad(observance.day)}`;
  return isOneDay(observance) ? `Cao điểm tuyên truyền ${formatIsoDay(day)}` : `${observance.name} ${year}`;
}

export function peakDraft(observance: ObservanceEntry, year: number): PeakDraft {
  const day = `${year}-${pad(observance.month)}-${pad(observance.day)}`;
  const theme = observance.themes.find((entry) => entry.year === year);
  // A span over New Year ends the year after, as its band does.
  const endYear = observance.endMonth < observance.month ? year + 1 : year;
  const spanEnd = `${endYear}-${pad(observance.endMonth)}-${pad(observance.endDay)}`;
  const oneDay = isOneDay(observance);
  return {
    name: peakName(observance, year),
    theme: theme?.theme ?? '',
    startDate: theme?.peakStartDate ?? (oneDay ? addDays(day, -DAYS_BEFORE) : day),
    endDate: theme?.peakEndDate ?? (oneDay ? addDays(day, DAYS_AFTER) : spanEnd),
    observanceCode: observance.code,
    day,
    themeMissing: !theme?.theme,
  };
}
