// How a kit reads: its anchor day in a year, an item's place around it, and an activity's
// days (its end exclusive) as people write them, 30/7/2027.
import type { Catalog } from '../../api/catalog';
import type { Kit } from '../../api/kits';
import type { Language, Translate } from '../../i18n/context';
import { formatIsoDay, previousDay } from '../../i18n/dates';
import { entryName } from '../../lib/names';

const pad = (n: number) => String(n).padStart(2, '0');

/** The anchor's day in `year` (ISO), or null when the catalogue has no such observance. */
export function anchorDay(anchor: Kit['anchor'], catalog: Catalog, year: number): string | null {
  const fixed =
    'month' in anchor ? anchor : catalog.observances.find((entry) => entry.code === anchor.observanceCode);
  return fixed ? `${year}-${pad(fixed.month)}-${pad(fixed.day)}` : null;
}

/** "Ngày toàn dân phòng, chống mua bán người (30/7)" or "ngày 9/11 hằng năm". */
export function anchorText(
  anchor: Kit['anchor'],
  catalog: Catalog,
  language: Language,
  t: Translate,
): string {
  if ('month' in anchor) return t('kits.anchorText', { day: anchor.day, month: anchor.month });
  const observance = catalog.observances.find((entry) => entry.code === anchor.observanceCode);
  return observance
    ? `${entryName(observance, language)} (${observance.day}/${observance.month})`
    : anchor.observanceCode;
}

/** "30 ngày trước mốc", "đúng ngày mốc", "10 ngày sau mốc". */
export function offsetText(offset: number, t: Translate): string {
  if (offset === 0) return t('kits.onAnchor');
  return offset < 0 ? t('kits.before', { days: -offset }) : t('kits.after', { days: offset });
}

/** One day as 30/7/2027, several as 16/7/2027 – 29/7/2027 (`end` exclusive). */
export function dayRange(start: string, end: string): string {
  const last = previousDay(end);
  return last <= start ? formatIsoDay(start) : `${formatIsoDay(start)} – ${formatIsoDay(last)}`;
}
