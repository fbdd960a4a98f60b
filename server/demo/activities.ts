// Eighteen months of realistic demo activities around today (DEMO_DATA=1: a year back, so
// that the last half-year and year reports have figures, and six months ahead), so that a newcomer's
// calendar is not empty: talks, contests, rallies, media products, SMS runs across the
// agencies and communes in being on each day, with the 30/7 peak of the current year.
// Deterministic (seeded by today's date), and written through the activity service so
// that every demo row is validated and audited like a user's.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activityTypes, agencies, observanceThemes, plans, units } from '../../db/schema';
import type { ActivityInput, ActivityStatus } from '../contracts/activities';
import { addDays, addMonths, datesFrom, systemClock, todayIn, weekdayOf } from '../domain/time';
import { validOn } from '../domain/validity';
import { createActivity } from '../services/activities';
import { createCampaign } from '../services/campaigns';
import type { ServiceContext } from '../services/context';
import { createPlan, getPlan } from '../services/plans';
import { reviewResult, saveResult } from '../services/results';
import { createTask, listTasks } from '../services/tasks';

type AgencyRow = { id: number; code: string; kind: string; validFrom: string | null; validTo: string | null };
type UnitRow = {
  id: number;
  shortName: string;
  tier: number;
  validFrom: string | null;
  validTo: string | null;
};

/** What each kind of agency typically runs, and for whom. */
const repertoire: Record<string, { types: string[]; groups: string[] }> = {
  police: {
    types: ['community_outreach', 'thematic_talk', 'mobile_outreach', 'integrated_session'],
    groups: ['general_public', 'workers_going_abroad', 'youth'],
  },
  border_guard: {
    types: ['mobile_outreach', 'community_outreach', 'community_leader_meeting'],
    groups: ['border_residents', 'ethnic_minority', 'fishers'],
  },
  department: {
    types: ['thematic_talk', 'competition', 'law_contest', 'staged_performance', 'exhibition', 'training'],
    groups: ['students_secondary', 'university_students', 'officials'],
  },
  media: {
    types: ['tv_programme', 'radio_programme', 'news_article', 'social_post'],
    groups: ['general_public'],
  },
  telecom: { types: ['sms_campaign'], groups: ['general_public'] },
  mass_organisation: {
    types: ['integrated_session', 'community_leader_meeting', 'workshop', 'pledge_signing'],
    groups: ['women', 'youth', 'children_parents', 'vulnerable_groups'],
  },
  commune_authority: {
    types: ['community_outreach', 'loudspeaker_broadcast', 'integrated_session', 'pledge_signing', 'poster'],
    groups: ['general_public', 'vulnerable_groups', 'ethnic_minority'],
  },
  people_committee: { types: ['conference'], groups: ['officials'] },
};

const provincialPolice = ['CA_TTH', 'CA_HUE'];

const topics = [
  'Cảnh giác với thủ đoạn “việc nhẹ lương cao”',
  'Phòng, chống mua bán người qua mạng xã hội',
  'Đi làm việc ở nước ngoài theo hợp đồng an toàn, hợp pháp',
  'Nhận diện và hỗ trợ nạn nhân bị mua bán',
  'Tổng đài 111 bảo vệ trẻ em',
  'Luật Phòng, chống mua bán người năm 2024',
];

/** A title in the words officials use, by activity type. */
function titleFor(typeCode: string, typeName: string, topic: string, place: string): string {
  switch (typeCode) {
    case 'thematic_talk':
      return `Nói chuyện chuyên đề “${topic}” tại ${place}`;
    case 'competition':
      return `Hội thi Rung chuông vàng tìm hiểu pháp luật phòng, chống mua bán người — ${place}`;
    case 'law_contest':
      return 'Cuộc thi trực tuyến tìm hiểu pháp luật về phòng, chống mua bán người';
    case 'tv_programme':
      return `Phóng sự truyền hình: ${topic}`;
    case 'radio_programme':
      return `Chuyên mục phát thanh: ${topic}`;
    case 'news_article':
      return `Tin, bài: ${topic}`;
    case 'social_post':
      return `Bài đăng mạng xã hội: ${topic}`;
    case 'sms_campaign':
      return 'Gửi tin nhắn SMS tuyên truyền phòng, chống mua bán người';
    case 'loudspeaker_broadcast':
      return `Phát loa truyền thanh cơ sở: ${topic} — ${place}`;
    default:
      return `${typeName}: ${topic} — ${place}`;
  }
}

/** Planned figures of the right unit for each type: attendances for events, copies for print, messages for SMS. */
function expectedFor(typeCode: string, random: () => number): Record<string, number> {
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  switch (typeCode) {
    case 'sms_campaign':
      return { sms_sent: between(50, 300) * 1000 };
    case 'tv_programme':
    case 'radio_programme':
      return { programmes: 1, broadcasts: between(1, 4) };
    case 'news_article':
    case 'social_post':
      return { news_items: between(1, 3) };
    case 'law_contest':
      return { contest_entries: between(2, 20) * 1000 };
    case 'poster':
      return { posters: between(20, 200) };
    case 'loudspeaker_broadcast':
      return { loudspeaker_broadcasts: between(10, 60) };
    default:
      return { sessions: 1, attendances: between(4, 60) * 10 };
  }
}

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

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('Demo data: nothing to pick from');
  return item;
}

/** Reasons as units give them when an event is moved or called off. */
const statusNotes = {
  postponed: ['Trùng lịch họp của địa phương', 'Dự báo mưa lớn', 'Chờ bổ sung tài liệu tuyên truyền'],
  cancelled: ['Gộp vào buổi tuyên truyền khác', 'Không đủ kinh phí', 'Thời tiết xấu, bão'],
};

function withStatus(status: ActivityStatus, random: () => number) {
  const reasons = status === 'postponed' || status === 'cancelled' ? statusNotes[status] : null;
  return reasons ? { status, statusNote: pick(reasons, random) } : { status };
}

function statusFor(date: string, today: string, random: () => number): ActivityStatus {
  const roll = random();
  if (date < today) return roll < 0.8 ? 'done' : roll < 0.9 ? 'cancelled' : 'confirmed';
  return roll < 0.55 ? 'planned' : roll < 0.92 ? 'confirmed' : 'postponed';
}

type DemoWorld = {
  ctx: ServiceContext;
  agencies: AgencyRow[];
  units: UnitRow[];
  types: Map<string, { name: string; channelCodes: string[]; indicatorCodes: string[] }>;
  random: () => number;
  today: string;
  /** The demo plan's year and tasks: an activity of that year goes to the first task that runs its type. */
  plan: { year: number; tasks: { id: number; activityTypeCodes: string[] }[] } | null;
};

function taskFor(world: DemoWorld, date: string, typeCode: string): number | null {
  if (!world.plan || !date.startsWith(`${world.plan.year}-`)) return null;
  return world.plan.tasks.find((task) => task.activityTypeCodes.includes(typeCode))?.id ?? null;
}

function demoActivity(
  world: DemoWorld,
  date: string,
  agency: AgencyRow,
  campaignId: number | null,
): ActivityInput {
  const { random } = world;
  const plan = repertoire[agency.kind] ?? repertoire.commune_authority;
  if (!plan) throw new Error('Demo data: no repertoire');
  const typeCode = pick(plan.types, random);
  const type = world.types.get(typeCode);
  if (!type) throw new Error(`Demo data: unknown type ${typeCode}`);
  const communes = world.units.filter((unit) => unit.tier === 3 && validOn(unit, date));
  const commune = pick(communes, random);
  const isMedia = [
    'tv_programme',
    'radio_programme',
    'news_article',
    'social_post',
    'sms_campaign',
    'law_contest',
  ].includes(typeCode);
  const timed = !isMedia && random() < 0.7;
  const startHour = pick([7, 8, 14, 19], random);
  const lengthDays =
    typeCode === 'mobile_outreach' || typeCode === 'law_contest' ? 2 + Math.floor(random() * 20) : 1;
  const times = timed
    ? {
        allDay: false,
        start: `${date}T${String(startHour).padStart(2, '0')}:30:00+07:00`,
        end: `${date}T${String(startHour + 2).padStart(2, '0')}:00:00+07:00`,
      }
    : { allDay: true, start: date, end: addDays(date, lengthDays) };
  const partners = world.agencies.filter(
    (other) => other.id !== agency.id && other.kind === 'mass_organisation' && validOn(other, date),
  );
  return {
    title: titleFor(typeCode, type.name, pick(topics, random), `${commune.shortName}`),
    typeCode,
    channelCodes: type.channelCodes.slice(0, 2),
    ...withStatus(statusFor(date, world.today, random), random),
    ...times,
    leadAgencyId: agency.id,
    partnerAgencyIds: !isMedia && partners.length > 0 && random() < 0.3 ? [pick(partners, random).id] : [],
    unitIds: isMedia ? [] : [commune.id],
    venue: isMedia ? '' : `Hội trường ${commune.shortName}`,
    targetGroupCodes: [pick(plan.groups, random)],
    taskId: taskFor(world, date, typeCode),
    campaignId,
    expected: expectedFor(typeCode, random),
  };
}

/** What one held activity typically yields, by indicator: a range to draw from. */
const yields: Record<string, [number, number]> = {
  sessions: [1, 1],
  attendances: [40, 400],
  contestants: [50, 600],
  contest_entries: [200, 5000],
  prizes: [5, 30],
  teams: [4, 20],
  performances: [6, 20],
  leaflets: [100, 800],
  booklets: [50, 300],
  posters: [10, 120],
  banners: [5, 40],
  billboards: [1, 6],
  web_banners: [0, 2],
  loudspeaker_broadcasts: [10, 60],
  loudspeaker_minutes: [30, 300],
  programmes: [1, 2],
  broadcasts: [1, 6],
  broadcast_minutes: [10, 90],
  news_items: [1, 3],
  social_posts: [1, 4],
  views: [800, 40000],
  sms_sent: [20000, 300000],
  pledges: [30, 300],
  questionnaires: [50, 400],
};

/** Shares of the attendance that its breakdowns usually are. */
const shares: Record<string, [number, number]> = {
  attendances_female: [0.35, 0.6],
  attendances_ethnic_minority: [0.05, 0.4],
  attendances_students: [0.5, 0.95],
};

/** Figures for a held activity: near what was planned, breakdowns inside their total, reach under views. */
function demoResultValues(
  world: DemoWorld,
  typeCode: string,
  expected: Record<string, number>,
): Record<string, number> {
  const { random } = world;
  const between = ([low, high]: [number, number]) => Math.round(low + random() * (high - low));
  const values: Record<string, number> = {};
  for (const code of world.types.get(typeCode)?.indicatorCodes ?? []) {
    const planned = expected[code];
    const range = yields[code];
    if (planned !== undefined) values[code] = Math.round(planned * (0.8 + random() * 0.4));
    else if (range) values[code] = between(range);
  }
  for (const [code, share] of Object.entries(shares)) {
    if (!(world.types.get(typeCode)?.indicatorCodes ?? []).includes(code)) continue;
    values[code] = Math.floor((values.attendances ?? 0) * (share[0] + random() * (share[1] - share[0])));
  }
  if (values.views !== undefined && (world.types.get(typeCode)?.indicatorCodes ?? []).includes('reach')) {
    values.reach = Math.round(values.views * (0.4 + random() * 0.4));
  }
  return values;
}

/** Notes a coordinator writes when returning a result. */
const returnNotes = [
  'Bổ sung số lượt nữ tham dự',
  'Đính kèm ảnh buổi tuyên truyền',
  'Số lượt người tham dự chưa khớp với biên bản, đề nghị kiểm tra lại',
];

/**
 * Writes a demo activity; one that was held gets its result, most of them already reviewed
 * (accepted, a few returned with a note), so that reports and My work have figures to show.
 */
function hold(world: DemoWorld, input: ActivityInput): void {
  const activity = createActivity(world.ctx, input);
  if (activity.status !== 'done') return;
  const values = demoResultValues(world, activity.typeCode, activity.expected);
  const links =
    activity.channelCodes.some((code) => ['newspaper', 'web_portal', 'social_media'].includes(code)) &&
    world.random() < 0.8
      ? [`https://tuyentruyen.hue.gov.vn/tin-bai/${activity.id}`]
      : [];
  saveResult(world.ctx, activity.id, { values, links, confirm: true }, undefined);
  const roll = world.random();
  if (roll < 0.6) reviewResult(world.ctx, activity.id, { decision: 'accept' }, undefined);
  else if (roll < 0.68) {
    reviewResult(
      world.ctx,
      activity.id,
      { decision: 'return', note: pick(returnNotes, world.random) },
      undefined,
    );
  }
}

/** Yearly targets a province typically sets, for the indicators the demo plan's tasks aim at. */
const demoTargets: Record<string, number> = {
  sessions: 150,
  attendances: 30000,
  news_items: 120,
  programmes: 24,
  sms_sent: 2000000,
  leaflets: 20000,
};

/** The plan's issuer if still in being on the date, else the province's (city's) people's committee. */
function inForceIssuer(world: DemoWorld, issuerId: number | null, date: string): number | null {
  const issuer = world.agencies.find((agency) => agency.id === issuerId);
  if (issuer && validOn(issuer, date)) return issuer.id;
  return (
    world.agencies.find(
      (agency) =>
        agency.kind === 'people_committee' && validOn(agency, date) && /^UBND_[A-Z]+$/.test(agency.code),
    )?.id ?? null
  );
}

/**
 * This year's plan, built from the seeded 2024 plan's sections and tasks (the province's
 * standing programme) with yearly targets, so that the plan page has progress to show.
 */
function seedPlan(world: DemoWorld, year: number): DemoWorld['plan'] {
  const { ctx } = world;
  const source = ctx.db.select().from(plans).orderBy(asc(plans.year)).get();
  if (!source || source.year === year) return null;
  const yearStart = `${year}-01-01`;
  const standing = listTasks(ctx, source.id, { limit: 1000, offset: 0 }).items;
  const sourcePlan = getPlan(ctx, source.id);
  const plan = createPlan(ctx, {
    title: `Kế hoạch truyền thông, phòng ngừa tội phạm mua bán người năm ${year} (dữ liệu minh họa)`,
    titleEn: `Communication plan for preventing human trafficking, ${year} (demo data)`,
    year,
    startDate: yearStart,
    endDate: `${year}-12-31`,
    // The standing programme's texts name its own year; the demo plan speaks of its year.
    goal: sourcePlan.goal.replaceAll(String(source.year), String(year)),
    goalEn: sourcePlan.goalEn.replaceAll(String(source.year), String(year)),
    issuerAgencyId: inForceIssuer(world, sourcePlan.issuerAgencyId, yearStart),
    sections: sourcePlan.sections,
  });
  const inForce = new Set(world.agencies.filter((agency) => validOn(agency, yearStart)).map((a) => a.id));
  const tasks = standing.map((task) => {
    const indicatorCodes = new Set(
      task.activityTypeCodes.flatMap((code) => world.types.get(code)?.indicatorCodes ?? []),
    );
    const targets = Object.entries(demoTargets)
      .filter(([code]) => indicatorCodes.has(code))
      .slice(0, 2)
      .map(([indicatorCode, value]) => ({ indicatorCode, value }));
    const created = createTask(ctx, plan.id, {
      sectionCode: task.sectionCode,
      code: task.code,
      title: task.title,
      titleEn: task.titleEn,
      text: task.text.replaceAll(String(source.year), String(year)),
      textEn: task.textEn.replaceAll(String(source.year), String(year)),
      // Agencies merged since 2024 are left out rather than named in a plan after their end.
      leadAgencyIds: task.leadAgencyIds.filter((id) => inForce.has(id)),
      partnerAgencyIds: task.partnerAgencyIds.filter((id) => inForce.has(id)),
      leadAllAgencies: task.leadAllAgencies,
      partnerAllAgencies: task.partnerAllAgencies,
      targetGroupCodes: task.targetGroupCodes,
      channelCodes: task.channelCodes,
      activityTypeCodes: task.activityTypeCodes,
      targets,
    });
    return { id: created.id, activityTypeCodes: created.activityTypeCodes };
  });
  return { year, tasks };
}

/** The 30/7 peak of the given year: a campaign 1/7–30/9 under that year's theme, and its opening day. */
function seedPeak(world: DemoWorld, year: number): void {
  const { ctx } = world;
  const theme =
    ctx.db
      .select()
      .from(observanceThemes)
      .where(eq(observanceThemes.observanceCode, 'anti_trafficking_day'))
      .orderBy(asc(observanceThemes.year))
      .all()
      .filter((entry) => entry.year <= year)
      .at(-1)?.theme ?? '';
  const day = `${year}-07-30`;
  // The provincial (city) police is the standing agency and leads the 30/7 rally.
  const police = world.agencies.find(
    (agency) => provincialPolice.includes(agency.code) && validOn(agency, day),
  );
  const campaign = createCampaign(ctx, {
    name: `Cao điểm tuyên truyền Ngày toàn dân phòng, chống mua bán người 30/7/${year}`,
    theme,
    startDate: `${year}-07-01`,
    endDate: `${year}-09-30`,
    leadAgencyId: police?.id ?? null,
    observanceCode: 'anti_trafficking_day',
    color: '#c62828',
  });
  const active = world.agencies.filter((agency) => validOn(agency, day));
  const leads = [
    ...(police ? [police] : []),
    ...active
      .filter((agency) => ['media', 'department', 'mass_organisation', 'telecom'].includes(agency.kind))
      .slice(0, 6),
    ...active.filter((agency) => agency.kind === 'commune_authority').slice(0, 5),
  ];
  for (const agency of leads) {
    const activity = demoActivity(world, day, agency, campaign.id);
    if (agency === police) {
      activity.title = `Lễ mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7/${year}`;
      activity.typeCode = 'rally';
      activity.channelCodes = ['direct', 'outdoor_visual'];
      activity.expected = { sessions: 1, attendances: 800, banners: 20 };
    }
    hold(world, activity);
  }
  // The rest of the peak window is busier than ordinary weeks.
  for (let offset = 0; offset < 90; offset += 3) {
    const date = addDays(`${year}-07-01`, offset);
    if (date === day) continue;
    hold(
      world,
      demoActivity(
        world,
        date,
        pick(
          active.filter((a) => validOn(a, date)),
          world.random,
        ),
        campaign.id,
      ),
    );
  }
}

export function seedDemoActivities(db: Db, options: { timeZone: string; today?: string }): void {
  const today = options.today ?? todayIn(options.timeZone);
  const ctx: ServiceContext = { db, timeZone: options.timeZone, now: systemClock, actor: null };
  const world: DemoWorld = {
    ctx,
    today,
    random: seededRandom(Number(today.replaceAll('-', ''))),
    agencies: db.select().from(agencies).orderBy(asc(agencies.id)).all(),
    units: db.select().from(units).orderBy(asc(units.id)).all(),
    types: new Map(
      db
        .select()
        .from(activityTypes)
        .all()
        .map((type) => [type.code, type]),
    ),
    plan: null,
  };
  const year = Number(today.slice(0, 4));
  world.plan = seedPlan(world, year);
  seedPeak(world, year);

  // About five activities a week from a year back to six months ahead, on working days.
  const first = addMonths(today, -12);
  const last = addMonths(today, 6);
  const peakStart = `${year}-07-01`;
  const peakEnd = `${year}-09-30`;
  for (const iso of datesFrom(first, last)) {
    if (weekdayOf(iso) > 5 || (iso >= peakStart && iso <= peakEnd)) continue;
    const active = world.agencies.filter(
      (agency) => validOn(agency, iso) && agency.kind !== 'people_committee',
    );
    const count = world.random() < 0.5 ? 1 : 2;
    for (let n = 0; n < count; n++) hold(world, demoActivity(world, iso, pick(active, world.random), null));
    // The press, radio and television put out something every week of the year, as they do.
    if (weekdayOf(iso) === 3) {
      const media = active.filter((agency) => agency.kind === 'media');
      if (media.length > 0) hold(world, demoActivity(world, iso, pick(media, world.random), null));
    }
  }
}
