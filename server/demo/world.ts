// The province as the demo sees it: the agencies and units in being on each day, which of
// them is the standing agency, which are local bodies (a commune's or a district's) and
// where each one acts. A local body works in its own commune: the unit it belongs to
// (`agencies.unit_id`), or on a day before that unit's record began, the record of the same
// territory then (the 1/1/2025 renames). Deterministic: every draw comes from `random`.
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activityTypes, agencies, unitSuccessions, units } from '../../db/schema';
import { validOn } from '../domain/validity';
import type { ServiceContext } from '../services/context';

export type AgencyRow = typeof agencies.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
type TypeRow = { name: string; channelCodes: string[]; indicatorCodes: string[] };

/** The demo plan's tasks, as activities find the task they serve (see plan.ts). */
export type DemoTask = {
  id: number;
  code: string;
  leadAgencyIds: number[];
  partnerAgencyIds: number[];
  leadAllAgencies: boolean;
  partnerAllAgencies: boolean;
  activityTypeCodes: string[];
  /** The observance a task is about (1.2: the 30/7 day): only that observance's campaign serves it. */
  observanceCodes: string[];
};

export type DemoPlan = { year: number; tasks: DemoTask[] };

export type DemoWorld = {
  ctx: ServiceContext;
  agencies: AgencyRow[];
  units: UnitRow[];
  unitById: Map<number, UnitRow>;
  unitSuccessions: { fromUnitId: number; toUnitId: number }[];
  types: Map<string, TypeRow>;
  random: () => number;
  today: string;
  /** This year's demo plan; activities of the year serve its tasks. */
  plan: DemoPlan | null;
};

/** mulberry32: a small seeded generator, so that the demo is the same on every machine for a given day. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadWorld(db: Db, ctx: ServiceContext, today: string): DemoWorld {
  const unitRows = db.select().from(units).orderBy(asc(units.id)).all();
  return {
    ctx,
    today,
    random: seededRandom(Number(today.replaceAll('-', ''))),
    agencies: db.select().from(agencies).orderBy(asc(agencies.id)).all(),
    units: unitRows,
    unitById: new Map(unitRows.map((unit) => [unit.id, unit])),
    unitSuccessions: db
      .select({ fromUnitId: unitSuccessions.fromUnitId, toUnitId: unitSuccessions.toUnitId })
      .from(unitSuccessions)
      .all(),
    types: new Map(
      db
        .select()
        .from(activityTypes)
        .all()
        .map((type) => [type.code, type]),
    ),
    plan: null,
  };
}

export function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('Demo data: nothing to pick from');
  return item;
}

/**
 * The provincial (from 1/1/2025 city) police: the plan's standing agency for the steering
 * committee, which leads its own share of the year's work, not only the 30/7 rally.
 */
const standingAgencyCodes = ['CA_TTH', 'CA_HUE'];

export function isStandingAgency(agency: AgencyRow): boolean {
  return standingAgencyCodes.includes(agency.code);
}

export function standingAgencyOn(world: DemoWorld, date: string): AgencyRow | undefined {
  return world.agencies.find((agency) => isStandingAgency(agency) && validOn(agency, date));
}

/** A commune's or a district's body: its unit is below the province. */
export function isLocal(world: DemoWorld, agency: AgencyRow): boolean {
  const unit = agency.unitId === null ? undefined : world.unitById.get(agency.unitId);
  return unit !== undefined && unit.tier >= 2;
}

/**
 * The record of a unit's territory in force on the date: the unit itself, or following its
 * successions back (or forward) the one record that continues it, a rename's other record,
 * or of a merge's or split's several the one of the same name. Null when none is certain.
 */
function sameTerritoryOn(world: DemoWorld, unit: UnitRow, date: string, seen: Set<number>): UnitRow | null {
  if (validOn(unit, date)) return unit;
  seen.add(unit.id);
  const backwards = unit.validFrom !== null && date < unit.validFrom;
  const linked = world.unitSuccessions
    .filter((link) => (backwards ? link.toUnitId : link.fromUnitId) === unit.id)
    .map((link) => world.unitById.get(backwards ? link.fromUnitId : link.toUnitId))
    .filter((other): other is UnitRow => other !== undefined && !seen.has(other.id));
  const next = linked.length === 1 ? linked[0] : linked.find((other) => other.shortName === unit.shortName);
  return next ? sameTerritoryOn(world, next, date, seen) : null;
}

/** Where a local body acts on the date: its own commune (district), as recorded then. */
export function homeUnitOn(world: DemoWorld, agency: AgencyRow, date: string): UnitRow | null {
  const unit = agency.unitId === null ? undefined : world.unitById.get(agency.unitId);
  return unit ? sameTerritoryOn(world, unit, date, new Set()) : null;
}

/**
 * The places a provincial body goes to on the date: the communes and wards in being, and
 * before 1/7/2025 the districts too (the seed records only a few communes of that time).
 * The border guard works where its plan clause sends it, in border and coastal areas.
 */
export function placesFor(world: DemoWorld, agency: AgencyRow, date: string): UnitRow[] {
  const places = world.units.filter((unit) => unit.tier >= 2 && validOn(unit, date));
  if (agency.kind !== 'border_guard') return places;
  const frontier = places.filter((unit) => unit.tags.includes('border') || unit.tags.includes('coastal'));
  return frontier.length > 0 ? frontier : places;
}

/** Who leads an ordinary day's activity, by share: a province's mix of bodies, not a draw from a list. */
type LeadGroup =
  | 'standing'
  | 'local'
  | 'department'
  | 'mass_organisation'
  | 'border_guard'
  | 'media'
  | 'telecom';

/**
 * The shares of an ordinary day's activities. The standing agency leads its part (with the
 * 30/7 peak, 10–20 % of the demo); the communes do much of the grassroots work; the media's
 * weekly output comes on top of their share here.
 */
const leadShares: [LeadGroup, number][] = [
  ['standing', 0.17],
  ['local', 0.3],
  ['department', 0.25],
  ['mass_organisation', 0.12],
  ['border_guard', 0.06],
  ['media', 0.05],
  ['telecom', 0.05],
];

/** The provincial bodies' groups by kind; the province's (city's) people's committee is in none. */
const groupByKind: Partial<Record<string, LeadGroup>> = {
  department: 'department',
  mass_organisation: 'mass_organisation',
  border_guard: 'border_guard',
  media: 'media',
  telecom: 'telecom',
};

/** The committee issues the plan and leads no day's activity itself. */
function groupOf(world: DemoWorld, agency: AgencyRow): LeadGroup | null {
  if (isStandingAgency(agency)) return 'standing';
  if (isLocal(world, agency)) return 'local';
  return groupByKind[agency.kind] ?? null;
}

/** Those who may lead on the date: in being and, for a local body, with a commune to act in. */
function leadersOn(world: DemoWorld, date: string): { agency: AgencyRow; group: LeadGroup }[] {
  return world.agencies.flatMap((agency) => {
    const group = groupOf(world, agency);
    if (!group || !validOn(agency, date)) return [];
    if (group === 'local' && !homeUnitOn(world, agency, date)) return [];
    return [{ agency, group }];
  });
}

/** The group a roll in [0, 1) falls in, each group taking its share of the interval. */
function groupOfRoll(roll: number): LeadGroup {
  let below = 0;
  for (const [group, share] of leadShares) {
    below += share;
    if (roll < below) return group;
  }
  return 'department';
}

/** The lead of an ordinary day's activity: a group by its share, then one of its bodies in being. */
export function pickLead(world: DemoWorld, date: string): AgencyRow {
  const leaders = leadersOn(world, date);
  const group = groupOfRoll(world.random());
  const inGroup = leaders.filter((leader) => leader.group === group);
  return pick(inGroup.length > 0 ? inGroup : leaders, world.random).agency;
}

/** The bodies of the given groups that may lead on the date, in the seed's order. */
export function leadsInGroups(world: DemoWorld, date: string, groups: LeadGroup[]): AgencyRow[] {
  return leadersOn(world, date)
    .filter((leader) => groups.includes(leader.group))
    .map((leader) => leader.agency);
}

/**
 * Who may join an activity at a place: the province's mass organisations, and the local
 * bodies of that very commune (its police beside its committee), never another commune's.
 */
export function partnersAt(
  world: DemoWorld,
  lead: AgencyRow,
  place: UnitRow | null,
  date: string,
): AgencyRow[] {
  return world.agencies.filter((other) => {
    if (other.id === lead.id || !validOn(other, date)) return false;
    if (isLocal(world, other)) return place !== null && homeUnitOn(world, other, date)?.id === place.id;
    return other.kind === 'mass_organisation';
  });
}
