// What applying a kit means, before anything is written: the anchor day of the year, each
// item's activities (one, one per chosen agency, or one per chosen unit led by its People's
// Committee) and the campaign they join.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { agencies, observances, observanceThemes, units } from '../../../db/schema';
import type { ErrorDetail } from '../../contracts/common';
import type { Kit, KitActivity, KitAnchor, KitApplyInput, KitPreview } from '../../contracts/kits';
import { addDays, dateOf, formatIsoDay, previousDay } from '../../domain/time';
import { type AppError, fieldRefusal, invalidField, invalidFields } from '../../errors';
import { getCampaign } from '../campaigns';
import type { ServiceContext, Tx } from '../context';
import { validOnSql } from '../references';

/** The kinds of agency that are a unit's People's Committee: the commune's, or a city's or district's. */
const COMMITTEE_KINDS = ['commune_authority', 'people_committee'];

type Anchor = { date: string; observanceCode: string | null };

function anchorOf(tx: Tx, anchor: KitAnchor, year: number): Anchor {
  const day = (month: number, date: number, observanceCode: string | null) => {
    const found = dateOf(year, month, date);
    if (!found) throw invalidField('year', 'kit.anchorMissing', { year: String(year) });
    return { date: found, observanceCode };
  };
  if ('month' in anchor) return day(anchor.month, anchor.day, null);
  const row = tx.select().from(observances).where(eq(observances.code, anchor.observanceCode)).get();
  if (!row) throw invalidField('year', 'kit.anchorMissing', { year: String(year) });
  return day(row.month, row.day, row.code);
}

/** The People's Committee of a unit on a day: the agency of a committee kind attached to it. */
function committeeOf(tx: Tx, unitId: number, date: string): number | null {
  const row = tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.unitId, unitId),
        inArray(agencies.kind, COMMITTEE_KINDS),
        validOnSql(agencies.validFrom, agencies.validTo, date),
      ),
    )
    .orderBy(asc(agencies.id))
    .get();
  return row?.id ?? null;
}

function unitNames(tx: Tx, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]))
    .all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Each chosen agency or unit is needed when an item is led by each of them. */
function choiceDetails(kit: Kit, input: KitApplyInput): ErrorDetail[] {
  const leads = new Set(kit.items.map((item) => (typeof item.lead === 'string' ? item.lead : 'named')));
  return [
    ...(leads.has('each_agency') && input.agencyIds.length === 0
      ? [fieldRefusal('agencyIds', 'kit.agenciesNeeded')]
      : []),
    ...(leads.has('each_unit_committee') && input.unitIds.length === 0
      ? [fieldRefusal('unitIds', 'kit.unitsNeeded')]
      : []),
  ];
}

function planActivities(tx: Tx, kit: Kit, input: KitApplyInput, anchor: string) {
  const activities: KitActivity[] = [];
  const details: ErrorDetail[] = [];
  const names = unitNames(tx, input.unitIds);
  const agencyIds = [...new Set(input.agencyIds)];
  const unitIds = [...new Set(input.unitIds)];
  kit.items.forEach((item, itemIndex) => {
    const start = addDays(anchor, item.offsetDays);
    const base = {
      itemIndex,
      title: item.title,
      typeCode: item.typeCode,
      channelCodes: item.channelCodes,
      targetGroupCodes: item.targetGroupCodes,
      start,
      end: addDays(start, item.durationDays),
      expected: item.expected,
    };
    if (typeof item.lead === 'object') {
      activities.push({ ...base, leadAgencyId: item.lead.agencyId, unitIds: [] });
    } else if (item.lead === 'each_agency') {
      for (const leadAgencyId of agencyIds) activities.push({ ...base, leadAgencyId, unitIds: [] });
    } else {
      for (const unitId of unitIds) {
        const committee = committeeOf(tx, unitId, start);
        if (committee) activities.push({ ...base, leadAgencyId: committee, unitIds: [unitId] });
        else {
          const index = input.unitIds.indexOf(unitId);
          const unit = names.get(unitId) ?? String(unitId);
          details.push(
            fieldRefusal(`unitIds.${index}`, 'kit.noCommittee', { unit, date: formatIsoDay(start) }),
          );
        }
      }
    }
  });
  // One missing committee is named once, not once per item.
  const seen = new Set<string>();
  return { activities, details: details.filter((detail) => !seen.has(detail.path) && seen.add(detail.path)) };
}

/** The window a new campaign takes: its activities' days, widened to the year's peak when the catalogue has one. */
function windowOf(
  activities: readonly KitActivity[],
  anchor: string,
  peak: { start?: string | null; end?: string | null },
) {
  const starts = [anchor, ...activities.map((activity) => activity.start), peak.start ?? anchor].sort();
  const ends = [
    anchor,
    ...activities.map((activity) => previousDay(activity.end)),
    peak.end ?? anchor,
  ].sort();
  return { startDate: starts[0] ?? anchor, endDate: ends.at(-1) ?? anchor };
}

function existingCampaign(ctx: ServiceContext, id: number): KitPreview['campaign'] {
  let campaign: ReturnType<typeof getCampaign>;
  try {
    campaign = getCampaign(ctx, id);
  } catch (error) {
    if ((error as AppError).code === 'NOT_FOUND') {
      throw invalidField('campaignId', 'reference.unknownId', { what: 'chiến dịch', id });
    }
    throw error;
  }
  if (campaign.closedAt) throw invalidField('campaignId', 'campaign.closed', { name: campaign.name });
  const { name, theme, startDate, endDate, observanceCode } = campaign;
  return { id, name, theme, startDate, endDate, observanceCode };
}

function newCampaign(
  tx: Tx,
  kit: Kit,
  input: KitApplyInput,
  anchor: Anchor,
  activities: readonly KitActivity[],
): KitPreview['campaign'] {
  const theme = anchor.observanceCode
    ? tx
        .select()
        .from(observanceThemes)
        .where(
          and(
            eq(observanceThemes.observanceCode, anchor.observanceCode),
            eq(observanceThemes.year, input.year),
          ),
        )
        .get()
    : undefined;
  return {
    id: null,
    name: input.campaign?.name ?? `${kit.name} ${input.year}`,
    theme: input.campaign?.theme ?? theme?.theme ?? '',
    ...windowOf(activities, anchor.date, { start: theme?.peakStartDate, end: theme?.peakEndDate }),
    observanceCode: anchor.observanceCode,
  };
}

/** The preview of an application: refused (400) when the year has no anchor day or a choice is missing. */
export function planOf(ctx: ServiceContext, kit: Kit, input: KitApplyInput): KitPreview {
  const anchor = anchorOf(ctx.db, kit.anchor, input.year);
  const choices = choiceDetails(kit, input);
  if (choices.length > 0) throw invalidFields(choices);
  const { activities, details } = planActivities(ctx.db, kit, input, anchor.date);
  if (details.length > 0) throw invalidFields(details);
  const campaign = input.campaignId
    ? existingCampaign(ctx, input.campaignId)
    : newCampaign(ctx.db, kit, input, anchor, activities);
  return { campaign, activities };
}
