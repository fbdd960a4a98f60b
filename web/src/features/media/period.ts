// The periods the media page offers, in the deployment's zone: this month, this quarter and
// this year, each up to today (nothing later has been published yet).

export type Period = { startDate: string; endDate: string };
export type Preset = 'month' | 'quarter' | 'year';
export const presets: readonly Preset[] = ['month', 'quarter', 'year'];

export function presetPeriod(preset: Preset, today: string): Period {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const first = preset === 'year' ? 1 : preset === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return { startDate: `${year}-${String(first).padStart(2, '0')}-01`, endDate: today };
}

/** The preset a period is, if any: the button that shows as pressed. */
export function presetOf(period: Period, today: string): Preset | null {
  return (
    presets.find((preset) => {
      const candidate = presetPeriod(preset, today);
      return candidate.startDate === period.startDate && candidate.endDate === period.endDate;
    }) ?? null
  );
}

/** Every month a period touches, `YYYY-MM`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.startDate.slice(0, 4));
  let month = Number(period.startDate.slice(5, 7));
  const last = period.endDate.slice(0, 7);
  // Bounded: a period of a hundred years is no table or chart anyone reads.
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** `2026-07` → `7/2026`, as a column heading. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}
