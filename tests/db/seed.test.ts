// Point 3: the reference data seed, its idempotence, the demo activities, and NFC text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { Activity } from '../../server/contracts/activities';
import type { Agency } from '../../server/contracts/agencies';
import type { Campaign } from '../../server/contracts/campaigns';
import type { Catalog } from '../../server/contracts/catalog';
import type { MediaOutput } from '../../server/contracts/media-output';
import type { Plan, PlanProgress } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import type { Unit } from '../../server/contracts/units';
import { seedWithDemo } from '../../server/demo';
import { daysFromToday, localToday } from '../helpers/accounts';
import { countRows, createTestApp, TEST_TIME_ZONE, type TestApp } from '../helpers/app';
import { agencyIdByCode, getJson, listActivities, type Page } from '../helpers/factories';

function tableCounts(db: Db): Record<string, number> {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, countRows(db, name)]));
}

describe('the reference data seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts from an empty database', () => {
    expect(countRows(t.db, 'units')).toBe(0);
    expect(countRows(t.db, 'seed_runs')).toBe(0);
  });

  it('loads units, agencies, the catalogue and the 2024 plan', () => {
    const report = seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: false });
    expect(report.applied).toEqual([
      'catalog',
      'units',
      'agencies',
      'plan-2024',
      'catalog-revision-2026-12',
      'agency-document-lines-2026-12',
      'kits-2026-12',
    ]);
    expect(countRows(t.db, 'kits')).toBe(1);
    expect(countRows(t.db, 'units')).toBe(72);
    expect(countRows(t.db, 'unit_successions')).toBe(69);
    expect(countRows(t.db, 'agencies')).toBe(128);
    expect(countRows(t.db, 'plans')).toBe(1);
    expect(countRows(t.db, 'tasks')).toBe(11);
    expect(countRows(t.db, 'activity_types')).toBe(26);
    expect(countRows(t.db, 'channels')).toBe(11);
    expect(countRows(t.db, 'target_groups')).toBe(20);
    expect(countRows(t.db, 'indicators')).toBe(28);
    expect(countRows(t.db, 'observances')).toBe(7);
    expect(countRows(t.db, 'activities')).toBe(0);
  });

  it('words every indicator by the catalogue, and sums contestants across contests', async () => {
    const catalog = await getJson<Catalog>(t.app, '/api/catalog');
    const words = Object.fromEntries(catalog.indicators.map((entry) => [entry.code, entry.unitWord]));
    expect(words).toMatchObject({
      attendances: 'lượt người',
      posters: 'tấm',
      billboards: 'pano',
      contestants: 'lượt thí sinh',
    });
    expect(catalog.indicators.every((entry) => entry.unitWord !== '' && entry.unitWordEn !== '')).toBe(true);
    expect(catalog.indicators.find((entry) => entry.code === 'contestants')?.aggregation).toBe('sum');
    // Every type that counts attendances asks for all three breakdowns.
    for (const type of catalog.activityTypes.filter((entry) =>
      entry.indicatorCodes.includes('attendances'),
    )) {
      expect(type.indicatorCodes, type.code).toEqual(
        expect.arrayContaining(['attendances_female', 'attendances_ethnic_minority', 'attendances_students']),
      );
    }
  });

  it('links every unit below the top to a parent that exists', () => {
    const orphans = t.db.$client
      .prepare(
        'select code from units where tier > 1 and (parent_id is null or parent_id not in (select id from units))',
      )
      .all();
    expect(orphans).toEqual([]);
  });

  it('changes nothing when run a second time', () => {
    const before = tableCounts(t.db);
    const report = seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: false });
    expect(report.applied).toEqual([]);
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('stores every unit and agency name in NFC', async () => {
    const units = await getJson<Page<Unit>>(t.app, '/api/units?limit=1000');
    expect(units.items).toHaveLength(72);
    for (const unit of units.items) {
      expect(unit.name, unit.code).toBe(unit.name.normalize('NFC'));
      expect(unit.shortName, unit.code).toBe(unit.shortName.normalize('NFC'));
    }
    const agencies = await getJson<Page<Agency>>(t.app, '/api/agencies?limit=1000');
    expect(agencies.items).toHaveLength(128);
    for (const agency of agencies.items) {
      expect(agency.name, agency.code).toBe(agency.name.normalize('NFC'));
      expect(agency.shortName, agency.code).toBe(agency.shortName.normalize('NFC'));
      expect(agency.nameEn, agency.code).toBe(agency.nameEn.normalize('NFC'));
    }
    // Every stored text column, not only what the API shows.
    const texts = t.db.$client
      .prepare(
        `select name as text from units union all select short_name from units
         union all select name from agencies union all select short_name from agencies
         union all select title from plans union all select goal from plans
         union all select title from tasks union all select text from tasks
         union all select theme from observance_themes union all select name from observances`,
      )
      .all() as { text: string }[];
    expect(texts.length).toBeGreaterThan(300);
    const notNfc = texts.filter(({ text }) => text !== text.normalize('NFC'));
    expect(notNfc).toEqual([]);
  });
});

describe('the demo seed', () => {
  let t: TestApp;
  let afterFirst: Record<string, number>;
  beforeAll(async () => {
    t = await createTestApp();
    const report = seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: true, today: '2026-03-15' });
    expect(report.applied).toEqual(['demo']);
    afterFirst = tableCounts(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds activities from a year back to six months ahead of today', async () => {
    expect(afterFirst.activities).toBeGreaterThan(100);
    const all = await listActivities(t.app, 'start=2025-03-01&end=2026-10-01&limit=10000');
    expect(all.total).toBe(afterFirst.activities);
    const before = await listActivities(t.app, 'start=2025-03-01&end=2026-03-15');
    // A year back: the last half-year and year reports have activities to count.
    const lastYear = await listActivities(t.app, 'start=2025-03-15&end=2025-06-15');
    expect(lastYear.total).toBeGreaterThan(50);
    const after = await listActivities(t.app, 'start=2026-03-16&end=2026-10-01');
    expect(before.total).toBeGreaterThan(20);
    expect(after.total).toBeGreaterThan(20);
  });

  it('puts several activities on the 30/7 peak day, led by the city police among others', async () => {
    const peak = await listActivities(t.app, 'start=2026-07-30&end=2026-07-31');
    expect(peak.total).toBeGreaterThanOrEqual(5);
    const police = await agencyIdByCode(t.app, 'CA_HUE');
    const rally = peak.items.find((activity) => activity.typeCode === 'rally');
    expect(rally?.leadAgencyId).toBe(police);
    expect(rally?.start.slice(0, 10)).toBe('2026-07-30');
    expect(new Set(peak.items.map((activity) => activity.leadAgencyId)).size).toBeGreaterThanOrEqual(5);
    // The peak activities belong to the peak campaign.
    expect(rally?.campaignId).not.toBeNull();
  });

  it('adds this year’s plan with the standing tasks and targets, and links activities of the year to them', async () => {
    const plans = await getJson<Page<Plan>>(t.app, '/api/plans?year=2026');
    const [plan] = plans.items;
    expect(plans.total).toBe(1);
    expect(plan?.taskCount).toBe(11);
    expect(plan?.sections.map((section) => section.code)).toEqual(['1', '2', '3']);
    const progress = await getJson<PlanProgress>(t.app, `/api/plans/${plan?.id}/progress`);
    const withTargets = progress.tasks.filter((task) => task.targets.length > 0);
    expect(withTargets.length).toBeGreaterThan(3);
    const linked = progress.tasks.reduce((sum, task) => sum + task.planned + task.cancelled, 0);
    const linkedByApi = await listActivities(t.app, 'limit=10000');
    expect(linked).toBe(linkedByApi.items.filter((activity) => activity.taskId !== null).length);
    expect(linked).toBeGreaterThan(50);
    // Only activities of the plan's year belong to it.
    for (const activity of linkedByApi.items.filter((entry) => entry.taskId !== null)) {
      expect(activity.start.slice(0, 4)).toBe('2026');
    }
  });

  it('has the standing agency (the city police) lead a tenth to a fifth of the activities, not only the rally', async () => {
    const all = await listActivities(t.app, 'limit=10000');
    const standing = new Set([await agencyIdByCode(t.app, 'CA_TTH'), await agencyIdByCode(t.app, 'CA_HUE')]);
    const share = all.items.filter((activity) => standing.has(activity.leadAgencyId)).length / all.total;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.2);
  });

  it('has each commune (district) body act only in its own commune, lead or partner', async () => {
    const all = await listActivities(t.app, 'limit=10000');
    const units = new Map(
      (await getJson<Page<Unit>>(t.app, '/api/units?limit=1000')).items.map((unit) => [unit.id, unit]),
    );
    const local = new Map(
      (await getJson<Page<Agency>>(t.app, '/api/agencies?limit=1000')).items
        .filter((agency) => agency.unitId !== null && (units.get(agency.unitId)?.tier ?? 1) >= 2)
        .map((agency) => [agency.id, agency]),
    );
    // From 15/3/2025 on, every local body's own unit record is in force on each of its days
    // (the communes of 1/7/2025 and their bodies start together): its own unit is the place.
    const ledLocally = all.items.filter((activity) => local.has(activity.leadAgencyId));
    expect(ledLocally.length).toBeGreaterThan(50);
    for (const activity of ledLocally) {
      expect(activity.unitIds, `activity ${activity.id}`).toEqual([local.get(activity.leadAgencyId)?.unitId]);
    }
    for (const activity of all.items) {
      for (const partner of activity.partnerAgencyIds.flatMap((id) => local.get(id) ?? [])) {
        expect(activity.unitIds, `activity ${activity.id}, partner ${partner.code}`).toContain(
          partner.unitId,
        );
      }
    }
  });

  it('leads each task of this year’s plan by the agencies the 2024 plan names, or their successors', async () => {
    const plan = (await getJson<Page<Plan>>(t.app, '/api/plans?year=2026')).items[0];
    const tasks = (await getJson<Page<Task>>(t.app, `/api/plans/${plan?.id}/tasks`)).items;
    const codes = new Map(
      (await getJson<Page<Agency>>(t.app, '/api/agencies?limit=1000')).items.map((agency) => [
        agency.id,
        agency.code,
      ]),
    );
    const leads = Object.fromEntries(
      tasks.map((task) => [
        task.code,
        [...(task.leadAllAgencies ? ['ALL'] : []), ...task.leadAgencyIds.map((id) => codes.get(id))].sort(),
      ]),
    );
    // The police, the border guard and the Department of Information and Communications'
    // work under the city's names; the radio and television station's under the merged body's.
    expect(leads).toEqual({
      '1.1': ['ALL'],
      '1.2': ['CA_HUE'],
      '1.3': ['BPTTH', 'CA_HUE', 'SKHCN'],
      '1.4': ['ALL', 'BDBP_HUE', 'SDL', 'SGDDT', 'SNGV', 'SVHTT'],
      '1.5': ['CA_HUE', 'SKHCN'],
      '2.1': ['ALL'],
      '2.2': ['ALL'],
      '2.3': ['ALL'],
      '3.1': ['BDBP_HUE', 'CA_HUE'],
      '3.2': ['BDBP_HUE', 'CA_HUE'],
      '3.3': ['BDBP_HUE', 'CA_HUE'],
    });
    const partners = tasks.find((task) => task.code === '1.5')?.partnerAgencyIds.map((id) => codes.get(id));
    expect(partners).toEqual(expect.arrayContaining(['MTTQ_HUE', 'LHPN_HUE', 'VIETTEL']));
    // An activity serves a task that names its lead (as lead or partner, or all agencies).
    const byId = new Map(tasks.map((task) => [task.id, task]));
    for (const activity of (await listActivities(t.app, 'limit=10000')).items) {
      const task = activity.taskId === null ? undefined : byId.get(activity.taskId);
      if (!task) continue;
      const names =
        task.leadAllAgencies ||
        task.partnerAllAgencies ||
        [...task.leadAgencyIds, ...task.partnerAgencyIds].includes(activity.leadAgencyId);
      expect(names, `activity ${activity.id} under task ${task.code}`).toBe(true);
      expect(task.activityTypeCodes).toContain(activity.typeCode);
    }
  });

  it('links the 30/7 peak and the school campaign to their tasks, and each of their activities to one', async () => {
    const plan = (await getJson<Page<Plan>>(t.app, '/api/plans?year=2026')).items[0];
    const tasks = (await getJson<Page<Task>>(t.app, `/api/plans/${plan?.id}/tasks`)).items;
    const taskId = (code: string) => tasks.find((task) => task.code === code)?.id;
    const campaigns = (await getJson<Page<Campaign>>(t.app, '/api/campaigns')).items;
    const peak = campaigns.find((campaign) => campaign.observanceCode === 'anti_trafficking_day');
    const school = campaigns.find((campaign) => campaign !== peak);
    expect(campaigns).toHaveLength(2);
    expect(peak?.leadAgencyId).toBe(await agencyIdByCode(t.app, 'CA_HUE'));
    expect(peak?.taskIds).toContain(taskId('1.2'));
    expect(school?.leadAgencyId).toBe(await agencyIdByCode(t.app, 'SGDDT'));
    expect(school?.taskIds).toEqual([taskId('1.4')]);
    const all = await listActivities(t.app, 'limit=10000');
    for (const campaign of campaigns) {
      const own = all.items.filter((activity) => activity.campaignId === campaign.id);
      expect(own.length, campaign.name).toBeGreaterThan(10);
      for (const activity of own) {
        expect(campaign.taskIds, `activity ${activity.id} of ${campaign.name}`).toContain(activity.taskId);
      }
    }
    // The 30/7 task is the peak's: no activity outside it serves it.
    const servingPeakTask = all.items.filter((activity) => activity.taskId === taskId('1.2'));
    expect(servingPeakTask.length).toBeGreaterThan(0);
    expect(servingPeakTask.every((activity) => activity.campaignId === peak?.id)).toBe(true);
  });

  it('gives every held demo activity a result, most reviewed, and the media output figures', async () => {
    const done = await listActivities(t.app, 'status=done&limit=10000');
    expect(done.total).toBeGreaterThan(50);
    expect(done.items.every((activity) => activity.resultStatus !== null)).toBe(true);
    const statuses = new Set(done.items.map((activity) => activity.resultStatus));
    expect(statuses).toEqual(new Set(['submitted', 'accepted', 'returned']));
    // The demo's past year, whenever the test runs: its media products have their figures.
    const media = await getJson<MediaOutput>(
      t.app,
      `/api/media-output?startDate=${daysFromToday(-365)}&endDate=${localToday()}`,
    );
    expect(media.rows.length).toBeGreaterThan(5);
    expect(media.totals.values.views).toBeGreaterThan(0);
  });

  it('writes only valid activities: references in being on the start date, NFC text', async () => {
    const all = await listActivities(t.app, 'limit=10000');
    const agencies = new Map(
      (await getJson<Page<Agency>>(t.app, '/api/agencies?limit=1000')).items.map((agency) => [
        agency.id,
        agency,
      ]),
    );
    const localStart = (activity: Activity) => activity.start.slice(0, 10);
    for (const activity of all.items) {
      const lead = agencies.get(activity.leadAgencyId);
      const day = localStart(activity);
      expect(lead, `activity ${activity.id}`).toBeDefined();
      expect(
        (lead?.validFrom ?? day) <= day && (lead?.validTo ?? day) >= day,
        `activity ${activity.id}`,
      ).toBe(true);
      expect(activity.title).toBe(activity.title.normalize('NFC'));
      expect(activity.end > activity.start).toBe(true);
    }
  });

  it('audits each demo activity like a user write', () => {
    const rows = t.db.$client
      .prepare("select count(*) as n from audit_log where entity_type = 'activity' and action = 'create'")
      .get() as { n: number };
    expect(rows.n).toBe(afterFirst.activities);
  });

  it('adds nothing when run a second time', () => {
    const report = seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: true, today: '2026-03-15' });
    expect(report.applied).toEqual([]);
    expect(tableCounts(t.db)).toEqual(afterFirst);
    // Nor on a later day: the demo is a one-time step.
    const later = seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: true, today: '2026-06-01' });
    expect(later.applied).toEqual([]);
    expect(tableCounts(t.db)).toEqual(afterFirst);
  });
});

describe("the catalogue's revision of December 2026 on a database seeded before it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: false });
    // The database as the earlier catalogue left it, with one word an administrator set since.
    const sql = t.db.$client;
    sql.prepare("delete from seed_runs where step = 'catalog-revision-2026-12'").run();
    sql.prepare("update indicators set unit_word = '', unit_word_en = ''").run();
    sql.prepare("update indicators set unit_word = 'tờ gấp' where code = 'leaflets'").run();
    sql.prepare("update indicators set aggregation = 'max' where code = 'contestants'").run();
    sql
      .prepare(
        `update activity_types set indicator_codes = '["sessions","attendances","questionnaires"]' where code = 'thematic_talk'`,
      )
      .run();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs once, bringing the words, the aggregation and the types up to it, keeping what an admin set', async () => {
    expect(seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: false }).applied).toEqual([
      'catalog-revision-2026-12',
    ]);
    expect(seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: false }).applied).toEqual([]);
    const catalog = await getJson<Catalog>(t.app, '/api/catalog');
    const indicator = (code: string) => catalog.indicators.find((entry) => entry.code === code);
    expect(indicator('attendances')?.unitWord).toBe('lượt người');
    expect(indicator('leaflets')?.unitWord).toBe('tờ gấp');
    expect(indicator('contestants')?.aggregation).toBe('sum');
    const talk = catalog.activityTypes.find((entry) => entry.code === 'thematic_talk');
    // The type's own list first (an administrator's additions kept), the revision's added after.
    expect(talk?.indicatorCodes.slice(0, 3)).toEqual(['sessions', 'attendances', 'questionnaires']);
    expect(talk?.indicatorCodes).toEqual(
      expect.arrayContaining(['attendances_students', 'leaflets', 'booklets']),
    );
  });
});
