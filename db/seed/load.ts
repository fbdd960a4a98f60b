// Loads the reference data (units, agencies, catalogue) and the 2024 plan; the demo
// activities are the server's (server/demo), since they go through its services. Each step
// runs once: `seed_runs` remembers it, and rows are keyed
// by their stable codes, so a second start changes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
  activityTypes,
  agencies,
  agencySuccessions,
  channels,
  indicators,
  kits,
  observances,
  observanceThemes,
  planSections,
  plans,
  seedRuns,
  targetGroups,
  taskActivityTypes,
  taskAgencies,
  taskChannels,
  tasks,
  taskTargetGroups,
  unitSuccessions,
  units,
} from '../schema';
import agencyData from './agencies.json' with { type: 'json' };
import catalogData from './catalog.json' with { type: 'json' };
import { parentLineOf, symbolOf } from './document-lines';
import { seedKits } from './kits';
import planData from './plan-2024.json' with { type: 'json' };
import unitData from './units.json' with { type: 'json' };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Reference data may come from any editor: store it in NFC, as everything else. */
const nfc = (text: string) => text.normalize('NFC');
const nfcOrNull = (text: string | null | undefined) => (text == null ? null : nfc(text));

/** The plan's stand-in for "các sở, ban, ngành, địa phương" (every agency). */
const ALL_AGENCIES = 'ALL';
const namesAll = (codes: readonly string[]) => codes.includes(ALL_AGENCIES);

export type SeedReport = { applied: string[] };

export function seedDatabase(db: Db): SeedReport {
  const applied: string[] = [];
  const step = (name: string, run: (tx: Tx) => void) => {
    db.transaction((tx) => {
      if (tx.select().from(seedRuns).where(eq(seedRuns.step, name)).get()) return;
      run(tx);
      tx.insert(seedRuns).values({ step: name }).run();
      applied.push(name);
    });
  };
  step('catalog', seedCatalog);
  step('units', seedUnits);
  step('agencies', seedAgencies);
  step('plan-2024', seedPlan2024);
  step('catalog-revision-2026-12', reviseCatalog202612);
  step('agency-document-lines-2026-12', seedDocumentLines);
  step('kits-2026-12', seedKitTemplates);
  return { applied };
}

function seedCatalog(tx: Tx): void {
  catalogData.activityTypes.forEach((type, sortOrder) => {
    tx.insert(activityTypes)
      .values({ ...type, name: nfc(type.name), sortOrder })
      .onConflictDoNothing()
      .run();
  });
  catalogData.channels.forEach((channel, sortOrder) => {
    tx.insert(channels)
      .values({ ...channel, name: nfc(channel.name), sortOrder })
      .onConflictDoNothing()
      .run();
  });
  catalogData.targetGroups.forEach((group, sortOrder) => {
    tx.insert(targetGroups)
      .values({ ...group, name: nfc(group.name), sortOrder })
      .onConflictDoNothing()
      .run();
  });
  catalogData.indicators.forEach((indicator, sortOrder) => {
    tx.insert(indicators)
      .values({
        code: indicator.code,
        name: nfc(indicator.name),
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        unitWord: nfc(indicator.unitWord),
        unitWordEn: indicator.unitWordEn,
        aggregation: indicator.aggregation === 'max' ? 'max' : 'sum',
        parentCode: indicator.parentCode,
        sortOrder,
      })
      .onConflictDoNothing()
      .run();
  });
  catalogData.observances.forEach((observance, sortOrder) => {
    const { code, name, nameEn, month, day, endMonth, endDay } = observance;
    tx.insert(observances)
      .values({ code, name: nfc(name), nameEn, month, day, endMonth, endDay, sortOrder })
      .onConflictDoNothing()
      .run();
    for (const theme of observance.themes) {
      tx.insert(observanceThemes)
        .values({
          observanceCode: code,
          year: theme.year,
          theme: nfc(theme.theme),
          themeEn: theme.themeEn,
          peakStartDate: theme.peakStartDate,
          peakEndDate: theme.peakEndDate,
          uncertain: 'uncertain' in theme && theme.uncertain === true,
        })
        .onConflictDoNothing()
        .run();
    }
  });
}

/**
 * The catalogue's revision of December 2026 for a database seeded before it (a new one has it
 * from the 'catalog' step already): each indicator's unit words where none is set yet, the
 * aggregation of `contestants` (now summed across contests, as published reports total
 * them), and each activity type's indicators widened to the revision's, keeping any an
 * administrator added.
 */
function reviseCatalog202612(tx: Tx): void {
  for (const indicator of catalogData.indicators) {
    tx.update(indicators)
      .set({ unitWord: nfc(indicator.unitWord), unitWordEn: indicator.unitWordEn })
      .where(and(eq(indicators.code, indicator.code), eq(indicators.unitWord, '')))
      .run();
    if (indicator.code === 'contestants') {
      tx.update(indicators)
        .set({ aggregation: indicator.aggregation === 'max' ? 'max' : 'sum' })
        .where(eq(indicators.code, indicator.code))
        .run();
    }
  }
  for (const type of catalogData.activityTypes) {
    const row = tx.select().from(activityTypes).where(eq(activityTypes.code, type.code)).get();
    if (!row) continue;
    const added = type.indicatorCodes.filter((code) => !row.indicatorCodes.includes(code));
    if (added.length === 0) continue;
    tx.update(activityTypes)
      .set({ indicatorCodes: [...row.indicatorCodes, ...added] })
      .where(eq(activityTypes.code, type.code))
      .run();
  }
}

function idsByCode(tx: Tx, table: typeof units | typeof agencies): Map<string, number> {
  return new Map(
    tx
      .select({ code: table.code, id: table.id })
      .from(table)
      .all()
      .map((row) => [row.code, row.id]),
  );
}

function seedUnits(tx: Tx): void {
  // Parents first would need a sort; two passes are simpler: rows, then parent links.
  for (const unit of unitData.units) {
    tx.insert(units)
      .values({
        code: unit.code,
        name: nfc(unit.name),
        shortName: nfc(unit.shortName),
        level: unit.level as typeof units.$inferInsert.level,
        tier: unit.tier,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
        tags: unit.tags,
        notes: nfcOrNull(unit.notes),
        uncertain: unit.uncertain === true,
      })
      .onConflictDoNothing()
      .run();
  }
  const ids = idsByCode(tx, units);
  for (const unit of unitData.units) {
    const parentId = unit.parentCode ? ids.get(unit.parentCode) : undefined;
    if (parentId) tx.update(units).set({ parentId }).where(eq(units.code, unit.code)).run();
  }
  for (const succession of unitData.successions) {
    const fromUnitId = ids.get(succession.fromCode);
    const toUnitId = ids.get(succession.toCode);
    if (!fromUnitId || !toUnitId)
      throw new Error(`Seed: unknown unit in succession ${JSON.stringify(succession)}`);
    tx.insert(unitSuccessions)
      .values({
        fromUnitId,
        toUnitId,
        date: succession.date,
        kind: succession.kind as typeof unitSuccessions.$inferInsert.kind,
        basis: succession.basis,
        uncertain: succession.uncertain === true,
      })
      .onConflictDoNothing()
      .run();
  }
}

function seedAgencies(tx: Tx): void {
  const unitIds = idsByCode(tx, units);
  for (const agency of agencyData) {
    // An agency listed under two unit records (before and after 1/1/2025) belongs to today's.
    const unitCode = agency.unitCodes?.at(-1);
    tx.insert(agencies)
      .values({
        code: agency.code,
        name: nfc(agency.name),
        shortName: nfc(agency.shortName),
        nameEn: agency.nameEn,
        kind: agency.kind,
        unitId: unitCode ? (unitIds.get(unitCode) ?? null) : null,
        validFrom: agency.validFrom,
        validTo: agency.validTo,
        notes: nfcOrNull(agency.notes),
        uncertain: agency.uncertain === true,
      })
      .onConflictDoNothing()
      .run();
  }
  const ids = idsByCode(tx, agencies);
  for (const agency of agencyData) {
    for (const successorCode of agency.successorCodes) {
      const fromAgencyId = ids.get(agency.code);
      const toAgencyId = ids.get(successorCode);
      if (!fromAgencyId || !toAgencyId)
        throw new Error(`Seed: unknown successor ${successorCode} of ${agency.code}`);
      tx.insert(agencySuccessions).values({ fromAgencyId, toAgencyId }).onConflictDoNothing().run();
    }
  }
}

function seedPlan2024(tx: Tx): void {
  const agencyIds = idsByCode(tx, agencies);
  const plan = tx
    .insert(plans)
    .values({
      code: planData.code,
      title: nfc(planData.title),
      titleEn: planData.titleEn,
      year: planData.year,
      startDate: planData.periodStart,
      endDate: planData.periodEnd,
      issuerAgencyId: agencyIds.get(planData.issuerAgencyCode) ?? null,
      goal: nfc(planData.goal),
      goalEn: planData.goalEn,
    })
    .returning({ id: plans.id })
    .get();
  let sortOrder = 0;
  for (const section of planData.sections) {
    const sectionRow = tx
      .insert(planSections)
      .values({ planId: plan.id, code: section.code, title: nfc(section.title), titleEn: section.titleEn })
      .returning({ id: planSections.id })
      .get();
    for (const task of section.tasks) {
      const taskRow = tx
        .insert(tasks)
        .values({
          planId: plan.id,
          sectionId: sectionRow.id,
          code: task.code,
          title: nfc(task.title),
          titleEn: task.titleEn,
          text: nfc(task.text),
          textEn: task.textEn,
          leadAllAgencies: namesAll(task.leadAgencyCodes),
          partnerAllAgencies: namesAll(task.partnerAgencyCodes),
          sortOrder: sortOrder++,
        })
        .returning({ id: tasks.id })
        .get();
      const agencyRow = (code: string, role: 'lead' | 'partner') => {
        const agencyId = agencyIds.get(code);
        if (!agencyId) throw new Error(`Seed: task ${task.code} names unknown agency ${code}`);
        return { taskId: taskRow.id, agencyId, role };
      };
      const named = (codes: string[]) => codes.filter((code) => code !== ALL_AGENCIES);
      const agencyRows = [
        ...named(task.leadAgencyCodes).map((code) => agencyRow(code, 'lead')),
        ...named(task.partnerAgencyCodes).map((code) => agencyRow(code, 'partner')),
      ];
      if (agencyRows.length > 0) tx.insert(taskAgencies).values(agencyRows).run();
      const taskId = taskRow.id;
      const groupRows = task.targetGroupCodes.map((targetGroupCode) => ({ taskId, targetGroupCode }));
      if (groupRows.length > 0) tx.insert(taskTargetGroups).values(groupRows).run();
      const channelRows = task.channelCodes.map((channelCode) => ({ taskId, channelCode }));
      if (channelRows.length > 0) tx.insert(taskChannels).values(channelRows).run();
      const typeRows = task.activityTypeCodes.map((activityTypeCode) => ({ taskId, activityTypeCode }));
      if (typeRows.length > 0) tx.insert(taskActivityTypes).values(typeRows).run();
    }
  }
}

/**
 * Each agency's ký hiệu letters and header line, guessed once from its names and kind (the
 * rules of document-lines.ts); what an admin set before is kept.
 */
function seedDocumentLines(tx: Tx): void {
  const all = tx.select().from(agencies).all();
  for (const agency of all) {
    if (agency.documentSymbol !== '' || agency.parentLine !== '') continue;
    tx.update(agencies)
      .set({ documentSymbol: symbolOf(agency), parentLine: parentLineOf(agency, all) })
      .where(eq(agencies.id, agency.id))
      .run();
  }
}

/** The kits that ship with the product, their named leads resolved from agency codes. */
function seedKitTemplates(tx: Tx): void {
  const agencyIds = idsByCode(tx, agencies);
  for (const kit of seedKits) {
    const items = kit.items.map(({ lead, ...item }) => {
      if (typeof lead === 'string') return { ...item, title: nfc(item.title), lead };
      const agencyId = agencyIds.get(lead.agencyCode);
      if (!agencyId) throw new Error(`Seed: unknown agency ${lead.agencyCode} in kit ${kit.code}`);
      return { ...item, title: nfc(item.title), lead: { agencyId } };
    });
    tx.insert(kits)
      .values({ code: kit.code, name: nfc(kit.name), anchor: kit.anchor, items })
      .onConflictDoNothing()
      .run();
  }
}
