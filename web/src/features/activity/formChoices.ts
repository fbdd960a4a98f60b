// What the activity form offers in its lists, loaded once per form: the catalogue, every agency
// and unit (the form keeps those valid on the activity's first day, as the server's `asOf` does,
// without asking again at each keystroke of a date), the plans' tasks and the campaigns.
import type { Agency } from '../../api/agencies';
import { listAgencies } from '../../api/agencies';
import { listCampaigns } from '../../api/campaigns';
import { getCatalog } from '../../api/catalog';
import { listPlans, listTasks } from '../../api/plans';
import { listUnits, type Unit } from '../../api/units';
import type { PickerOption } from '../../components/form';
import type { Language, Translate } from '../../i18n/context';
import { agencyName, byName, entryName, validOn } from '../../lib/names';

export async function loadFormChoices(signal: AbortSignal) {
  const [catalog, agencies, units, plans, campaigns] = await Promise.all([
    getCatalog(signal),
    listAgencies({ signal }),
    listUnits({ signal }),
    listPlans(signal),
    listCampaigns(signal),
  ]);
  const tasks = await Promise.all(
    plans.map(async (plan) => ({ plan, tasks: await listTasks(plan.id, signal) })),
  );
  return { catalog, agencies, units, tasks, campaigns };
}
export type FormChoices = Awaited<ReturnType<typeof loadFormChoices>>;

/**
 * Records valid on `date` (the activity's first day), and those already chosen even if they
 * are not: the person sees what the activity holds, and the server's message says why not.
 */
function inForce<T extends { id: number; validFrom: string | null; validTo: string | null }>(
  records: readonly T[],
  date: string,
  chosen: readonly number[],
): T[] {
  return records.filter((record) => chosen.includes(record.id) || validOn(record, date));
}

export function agencyPickerOptions(
  agencies: readonly Agency[],
  date: string,
  chosen: readonly number[],
  language: Language,
  t: Translate,
  exclude: number | null,
): Array<PickerOption & { value: number }> {
  return inForce(agencies, date, chosen)
    .filter((agency) => agency.id !== exclude)
    .sort(byName)
    .map((agency) => ({
      value: agency.id,
      label: agencyName(agency, language),
      detail: validOn(agency, date) ? t(`agencyKind.${agency.kind}`) : t('activityForm.notInForce'),
    }));
}

/** Units with their level and the unit above them: two communes of one name are told apart. */
export function unitPickerOptions(
  units: readonly Unit[],
  date: string,
  chosen: readonly number[],
  allowed: readonly number[] | null,
  t: Translate,
): Array<PickerOption & { value: number }> {
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  return inForce(units, date, chosen)
    .filter((unit) => allowed === null || allowed.includes(unit.id) || chosen.includes(unit.id))
    .sort(byName)
    .map((unit) => {
      const parent = unit.parentId === null ? undefined : names.get(unit.parentId);
      const level = t(`unitLevel.${unit.level}`);
      return {
        value: unit.id,
        label: unit.name,
        detail: validOn(unit, date) ? (parent ? `${level}, ${parent}` : level) : t('activityForm.notInForce'),
      };
    });
}

/** Channels with those the activity type uses first, said so: the usual choice is at hand. */
export function channelPickerOptions(
  choices: FormChoices,
  typeCode: string,
  language: Language,
  t: Translate,
): Array<PickerOption & { value: string }> {
  const typical = choices.catalog.activityTypes.find((type) => type.code === typeCode)?.channelCodes ?? [];
  const rank = (code: string) => (typical.includes(code) ? 0 : 1);
  return [...choices.catalog.channels]
    .sort((a, b) => rank(a.code) - rank(b.code))
    .map((channel) => ({
      value: channel.code,
      label: entryName(channel, language),
      detail: typical.includes(channel.code) ? t('activityForm.typicalChannel') : undefined,
    }));
}

/** The indicators a type plans for, and any other the activity already holds a figure of. */
export function plannedIndicators(choices: FormChoices, typeCode: string, filled: readonly string[]) {
  const type = choices.catalog.activityTypes.find((entry) => entry.code === typeCode);
  const codes = [...new Set([...(type?.indicatorCodes ?? []), ...filled])];
  return codes.map(
    (code) =>
      choices.catalog.indicators.find((indicator) => indicator.code === code) ?? {
        code,
        name: code,
        nameEn: code,
        unit: '',
        unitWord: '',
        unitWordEn: '',
        aggregation: 'sum' as const,
        parentCode: null,
      },
  );
}
