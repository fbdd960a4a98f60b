// The campaign an observance's band offers to create: "Cao điểm 30/7/2027", with the year's
// theme and peak window from the catalogue when they are known.
import type { CampaignInput } from '../../api/campaigns';
import type { ObservanceEntry } from '../../api/catalog';
import { addDays, formatIsoDay } from '../../i18n/dates';

/** Without a peak window in the catalogue: a month of work before the day, ten days of results after. */
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

export function peakDraft(observance: ObservanceEntry, year: number): PeakDraft {
  const day = `${year}-${pad(observance.month)}-${pad(observance.day)}`;
  const theme = observance.themes.find((entry) => entry.year === year);
  return {
    name: `Cao điểm tuyên truyền ${formatIsoDay(day)}`,
    theme: theme?.theme ?? '',
    startDate: theme?.peakStartDate ?? addDays(day, -DAYS_BEFORE),
    endDate: theme?.peakEndDate ?? addDays(day, DAYS_AFTER),
    observanceCode: observance.code,
    day,
    themeMissing: !theme?.theme,
  };
}
