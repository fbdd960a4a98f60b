// Indicators: what a result counts, each in its own unit. Figures of different units are
// never added (attendances, people, views and SMS sent are different things); an indicator
// whose catalogue entry says `max` (the unique reach of a page) takes its largest single
// figure instead of a sum; a breakdown (`parentCode`) never exceeds its parent.
import type { Aggregation } from './vocabularies';

/** The units indicators are counted in, each with the word written after a figure. */
export const unitWords = {
  session: { vi: 'buổi', en: 'sessions' },
  attendance: { vi: 'lượt người', en: 'attendances' },
  person: { vi: 'người', en: 'people' },
  entry: { vi: 'lượt', en: 'entries' },
  prize: { vi: 'giải', en: 'prizes' },
  item: { vi: 'sản phẩm', en: 'items' },
  copy: { vi: 'bản', en: 'copies' },
  broadcast: { vi: 'lượt phát', en: 'broadcasts' },
  minute: { vi: 'phút', en: 'minutes' },
  view: { vi: 'lượt xem', en: 'views' },
  message: { vi: 'tin nhắn', en: 'messages' },
  pledge: { vi: 'bản cam kết', en: 'pledges' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type IndicatorUnit = keyof typeof unitWords;

/** What names the word after an indicator's figure: its catalogue's own words, and its unit. */
export type WordedIndicator = {
  unit: string;
  unitWord?: string | undefined;
  unitWordEn?: string | undefined;
};

/**
 * The word written after a figure of this indicator ("1.234 lượt người", "20 tấm", "15 pano"):
 * the catalogue's own word for it, else its unit's word, else (a unit an admin added since
 * without words) the unit's code.
 */
export function unitWord(indicator: WordedIndicator, language: 'vi' | 'en' = 'vi'): string {
  const own = language === 'vi' ? indicator.unitWord : indicator.unitWordEn;
  if (own) return own;
  const { unit } = indicator;
  return unit in unitWords ? unitWords[unit as IndicatorUnit][language] : unit;
}

/** One indicator's figures over several activities, as the catalogue says they combine. */
export function aggregate(values: readonly number[], aggregation: Aggregation): number {
  if (aggregation === 'max') return values.reduce((best, value) => Math.max(best, value), 0);
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Adds one result's figures to a total, each indicator within its own code (never across
 * units); a `max` indicator keeps the largest single value instead of a sum.
 */
export function combineFigures(
  target: Record<string, number>,
  values: Record<string, number>,
  max: ReadonlySet<string>,
): void {
  for (const [code, value] of Object.entries(values)) {
    const current = target[code];
    target[code] = current === undefined ? value : max.has(code) ? Math.max(current, value) : current + value;
  }
}

/** A breakdown's figure is within its parent's (women among the attendances, at most all of them). */
export function withinParent(values: Record<string, number>, code: string, parentCode: string): boolean {
  return (values[code] ?? 0) <= (values[parentCode] ?? 0);
}
