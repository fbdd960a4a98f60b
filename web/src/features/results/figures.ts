// Figures as people type them and as the API wants them: whole, non-negative counts by
// indicator code, each in its indicator's own unit.
import type { Catalog, IndicatorEntry } from '../../api/catalog';

/** An indicator among the fields of a form: a breakdown ("of which female") sits under its parent. */
export type FigureField = { indicator: IndicatorEntry; depth: 0 | 1 };

/**
 * The indicators of an activity type, in the catalogue's order for the type, each breakdown
 * right after its parent (or where it is, when its parent is not among the type's).
 */
export function figureFields(catalog: Catalog, typeCode: string): FigureField[] {
  const type = catalog.activityTypes.find((entry) => entry.code === typeCode);
  const byCode = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const codes = (type?.indicatorCodes ?? []).filter((code) => byCode.has(code));
  const chosen = new Set(codes);
  const fields: FigureField[] = [];
  for (const code of codes) {
    const indicator = byCode.get(code);
    if (!indicator) continue;
    const parent = indicator.parentCode;
    if (parent && chosen.has(parent)) continue; // placed under its parent below
    fields.push({ indicator, depth: 0 });
    for (const childCode of codes) {
      const child = byCode.get(childCode);
      if (child?.parentCode === code) fields.push({ indicator: child, depth: 1 });
    }
  }
  return fields;
}

/**
 * A figure as typed: `1200`, or grouped the Vietnamese way `1.200` / `1 200` → 1200; undefined
 * for an empty field; NaN for anything else (a decimal, a sign, a word).
 */
export function parseFigure(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^\d{1,3}([. ]\d{3})+$/.test(value)) return Number(value.replace(/[. ]/g, ''));
  return Number.NaN;
}

/** The figures of a form as the API takes them, or the codes of the fields that hold no whole number. */
export function readFigures(
  texts: Record<string, string>,
  codes: readonly string[],
): { ok: true; values: Record<string, number> } | { ok: false; invalid: string[] } {
  const values: Record<string, number> = {};
  const invalid: string[] = [];
  for (const code of codes) {
    const value = parseFigure(texts[code] ?? '');
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value)) invalid.push(code);
    else values[code] = value;
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, values };
}

/** Saved figures back as the texts of the fields. */
export function figureTexts(values: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([code, value]) => [code, String(value)]));
}
