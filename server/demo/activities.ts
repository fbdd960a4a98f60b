// Eighteen months of realistic demo activities around today (DEMO_DATA=1: a year back, so
// that the last half-year and year reports have figures, and six months ahead), so that a newcomer's
// calendar is not empty: talks, contests, rallies, media products, SMS runs across the
// agencies and communes in being on each day, as a province's year reads: the standing
// agency (the police) leads its share, commune bodies act in their own commune, the press,
// radio and television put out something every week, and this year's plan tasks are
// served by the activities of their agencies, the 30/7 peak and the school campaign
// linked to theirs. Deterministic (seeded by today's date), and written through the
// services so that every demo row is validated and audited like a user's.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { observanceThemes } from '../../db/schema';
import type { ActivityInput, ActivityStatus } from '../contracts/activities';
import { addDays, addMonths, datesFrom, daysBetween, systemClock, todayIn, weekdayOf } from '../domain/time';
import { validOn } from '../domain/validity';
import { createCampaign } from '../services/campaigns';
import type { ServiceContext } from '../services/context';
import { seedPlan, taskFor } from './plan';
import { hold } from './results';
import {
  type AgencyRow,
  type DemoWorld,
  homeUnitOn,
  isLocal,
  leadsInGroups,
  loadWorld,
  partnersAt,
  pick,
  pickLead,
  placesFor,
  standingAgencyOn,
  type UnitRow,
} from './world';

/** What each kind of agency typically runs, and for whom. */
type Repertoire = { types: string[]; groups: string[] };

const repertoire: Record<string, Repertoire> = {
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

/** What a talk or a programme is about, as short as an official's heading puts it. */
const topics = [
  'Cảnh giác “việc nhẹ lương cao”',
  'Mua bán người qua mạng xã hội',
  'Đi làm việc ở nước ngoài an toàn',
  'Nhận diện, hỗ trợ nạn nhân',
  'Tổng đài 111 bảo vệ trẻ em',
  'Luật Phòng, chống mua bán người 2024',
];

/**
 * A title in the words officials use: what and where, short enough for a calendar chip. The
 * type is the chip's colour and the details' first line, so its name is not repeated here
 * ("Nói chuyện chuyên đề tại THPT Phú Bài", not "Lồng ghép tuyên truyền … tại …").
 */
function titleFor(typeCode: string, topic: string, where: string): string {
  switch (typeCode) {
    case 'thematic_talk':
      return `Nói chuyện chuyên đề tại ${where}`;
    case 'integrated_session':
      return `Sinh hoạt chuyên đề “${topic}” – ${where}`;
    case 'community_outreach':
      return `Họp dân: ${topic} – ${where}`;
    case 'mobile_outreach':
      return `Xe thông tin về ${where}`;
    case 'community_leader_meeting':
      return `Già làng, trưởng thôn bàn việc giữ người – ${where}`;
    case 'competition':
      return `Rung chuông vàng – ${where}`;
    case 'law_contest':
      return 'Tìm hiểu Luật Phòng, chống mua bán người 2024 (trực tuyến)';
    case 'staged_performance':
      return `Tiểu phẩm “Cạm bẫy việc nhẹ lương cao” – ${where}`;
    case 'exhibition':
      return `Trưng bày tranh ảnh “${topic}” – ${where}`;
    case 'training':
      return `Kỹ năng nhận diện nạn nhân bị mua bán – ${where}`;
    case 'workshop':
      return `Vai trò của Hội trong giữ an toàn cho người đi làm xa – ${where}`;
    case 'tv_programme':
      return `Thời sự tối: ${topic}`;
    case 'radio_programme':
      return `“Pháp luật và đời sống”: ${topic}`;
    case 'news_article':
      return topic;
    case 'social_post':
      return `Infographic: ${topic}`;
    case 'sms_campaign':
      return `“${topic}” tới mọi thuê bao`;
    case 'loudspeaker_broadcast':
      return `Bản tin cuối tuần: ${topic} – ${where}`;
    case 'conference':
      return `Triển khai Luật Phòng, chống mua bán người 2024 – ${where}`;
    case 'pledge_signing':
      return `Hộ gia đình cam kết không để người thân bị mua bán – ${where}`;
    case 'poster':
      return `“${topic}” nơi công cộng – ${where}`;
    default:
      return `${topic} – ${where}`;
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

/** A district's committee (before 1/7/2025) runs grassroots work in its district as a commune's does. */
function repertoireOf(world: DemoWorld, agency: AgencyRow): Repertoire {
  const kind =
    isLocal(world, agency) && agency.kind === 'people_committee' ? 'commune_authority' : agency.kind;
  const plays = repertoire[kind] ?? repertoire.commune_authority;
  if (!plays) throw new Error('Demo data: no repertoire');
  return plays;
}

/** The Department of Education and Training's campaign among pupils and students: talks and sessions at school. */
const schoolRepertoire: Repertoire = {
  types: ['thematic_talk', 'integrated_session'],
  groups: ['students_secondary', 'university_students'],
};

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

/** Products put out rather than held somewhere: no place, no hour. */
const mediaTypes = [
  'tv_programme',
  'radio_programme',
  'news_article',
  'social_post',
  'sms_campaign',
  'law_contest',
];

/** What the demo asks for: who leads an activity on which day, and for a campaign's, what it serves. */
type Brief = {
  date: string;
  agency: AgencyRow;
  /** The observance of the campaign it belongs to: a task about that observance is served first. */
  observanceCode?: string | null;
  /** The campaign's own fare instead of the agency's usual one. */
  repertoire?: Repertoire;
  venue?: (place: string) => string;
  /** The place as a title names it (`THPT Phú Bài`); the unit's short name when not given. */
  where?: (place: string) => string;
  /** The type, when the brief fixes it (the media's weekly output rotates TV, radio, press). */
  typeCode?: string;
  /** A campaign's activity serves one of the plan's tasks: a type that some task runs. */
  needsTask?: boolean;
};

/** The activity's type: of the agency's fare, for a campaign's one that serves a task if any does. */
function typeFor(world: DemoWorld, brief: Brief, plays: Repertoire): string {
  const served = (typeCode: string) =>
    taskFor(world.plan, { ...brief, typeCode, leadAgencyId: brief.agency.id }) !== null;
  if (brief.typeCode) return brief.typeCode;
  const serving = brief.needsTask ? plays.types.filter(served) : [];
  return pick(serving.length > 0 ? serving : plays.types, world.random);
}

/** Where it is held: a local body's own commune, else a commune (district) the body goes to. */
function placeOf(world: DemoWorld, agency: AgencyRow, date: string): UnitRow {
  const home = isLocal(world, agency) ? homeUnitOn(world, agency, date) : null;
  return home ?? pick(placesFor(world, agency, date), world.random);
}

/** An event's hours (or days, for a tour or a contest); a media product takes the whole day. */
function timesFor(world: DemoWorld, typeCode: string, date: string, isMedia: boolean) {
  const { random } = world;
  const timed = !isMedia && random() < 0.7;
  const startHour = pick([7, 8, 14, 19], random);
  const lengthDays =
    typeCode === 'mobile_outreach' || typeCode === 'law_contest' ? 2 + Math.floor(random() * 20) : 1;
  return timed
    ? {
        allDay: false,
        start: `${date}T${String(startHour).padStart(2, '0')}:30:00+07:00`,
        end: `${date}T${String(startHour + 2).padStart(2, '0')}:00:00+07:00`,
      }
    : { allDay: true, start: date, end: addDays(date, lengthDays) };
}

/** One demo activity as a user would enter it; its campaign is set by the caller. */
function demoActivity(world: DemoWorld, brief: Brief): ActivityInput {
  const { random } = world;
  const { date, agency } = brief;
  const plays = brief.repertoire ?? repertoireOf(world, agency);
  const typeCode = typeFor(world, brief, plays);
  const type = world.types.get(typeCode);
  if (!type) throw new Error(`Demo data: unknown type ${typeCode}`);
  const place = placeOf(world, agency, date);
  // A commune's body is always somewhere: its own commune, even for what it puts out.
  const located = !mediaTypes.includes(typeCode) || isLocal(world, agency);
  const partners = partnersAt(world, agency, place, date);
  return {
    title: titleFor(typeCode, pick(topics, random), brief.where?.(place.shortName) ?? place.shortName),
    typeCode,
    channelCodes: type.channelCodes.slice(0, 2),
    ...withStatus(statusFor(date, world.today, random), random),
    ...timesFor(world, typeCode, date, !located),
    leadAgencyId: agency.id,
    partnerAgencyIds: located && partners.length > 0 && random() < 0.3 ? [pick(partners, random).id] : [],
    unitIds: located ? [place.id] : [],
    venue: located ? (brief.venue?.(place.shortName) ?? `Hội trường ${place.shortName}`) : '',
    targetGroupCodes: [pick(plays.groups, random)],
    taskId: taskFor(world.plan, { ...brief, typeCode, leadAgencyId: agency.id })?.id ?? null,
    campaignId: null,
    expected: expectedFor(typeCode, random),
  };
}

/** The media's weekly output, turn by turn: television, radio, the press, then online. */
const weeklyMediaTypes = ['tv_programme', 'radio_programme', 'news_article', 'social_post'] as const;

/** Who puts out each kind: the broadcaster for TV and radio, the newspaper for the press. */
function producesType(agency: AgencyRow, typeCode: string): boolean {
  const broadcaster = agency.shortName.includes('PT-TH');
  if (typeCode === 'tv_programme' || typeCode === 'radio_programme') return broadcaster;
  if (typeCode === 'news_article') return agency.shortName.startsWith('Báo');
  return true;
}

/**
 * The press, radio and television put out something every week of the year, as they do: on
 * Wednesdays, the four kinds in turn, so that the media page has TV, radio and press.
 */
function weeklyMediaOn(world: DemoWorld, date: string): Pick<Brief, 'agency' | 'typeCode'> | null {
  if (weekdayOf(date) !== 3) return null;
  const media = world.agencies.filter((agency) => agency.kind === 'media' && validOn(agency, date));
  const week = Math.floor(daysBetween('2000-01-05', date) / 7);
  const typeCode = weeklyMediaTypes[week % weeklyMediaTypes.length] ?? 'news_article';
  const producers = media.filter((agency) => producesType(agency, typeCode));
  const from = producers.length > 0 ? producers : media;
  return from.length > 0 ? { agency: pick(from, world.random), typeCode } : null;
}

/** A campaign's tasks: those about its observance, and every task its activities serve. */
function campaignTaskIds(world: DemoWorld, observanceCode: string | null, inputs: ActivityInput[]): number[] {
  const observed = (world.plan?.tasks ?? []).filter(
    (task) => observanceCode !== null && task.observanceCodes.includes(observanceCode),
  );
  const served = inputs.flatMap((input) => (input.taskId ? [input.taskId] : []));
  return [...new Set([...observed.map((task) => task.id), ...served])].sort((a, b) => a - b);
}

/** The year's theme of an observance: the latest set up to that year. */
function themeOf(world: DemoWorld, observanceCode: string, year: number): string {
  return (
    world.ctx.db
      .select()
      .from(observanceThemes)
      .where(eq(observanceThemes.observanceCode, observanceCode))
      .orderBy(asc(observanceThemes.year))
      .all()
      .filter((entry) => entry.year <= year)
      .at(-1)?.theme ?? ''
  );
}

/** The standing agency's rally that opens the 30/7 day, under the plan's 30/7 task. */
function peakRally(world: DemoWorld, day: string, police: AgencyRow, observanceCode: string): ActivityInput {
  const typeCode = 'rally';
  return {
    ...demoActivity(world, { date: day, agency: police, observanceCode }),
    title: `Mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7/${day.slice(0, 4)}`,
    typeCode,
    channelCodes: ['direct', 'outdoor_visual'],
    expected: { sessions: 1, attendances: 800, banners: 20 },
    taskId: taskFor(world.plan, { date: day, typeCode, leadAgencyId: police.id, observanceCode })?.id ?? null,
  };
}

/** The 30/7 peak of the given year: a campaign 1/7–30/9 under that year's theme, and its opening day. */
function seedPeak(world: DemoWorld, year: number): void {
  const observanceCode = 'anti_trafficking_day';
  const day = `${year}-07-30`;
  // The provincial (city) police is the standing agency: it leads the campaign and the 30/7 rally.
  const police = standingAgencyOn(world, day);
  const brief = (date: string, agency: AgencyRow): Brief => ({
    date,
    agency,
    observanceCode,
    needsTask: true,
  });
  const opening = [
    ...leadsInGroups(world, day, ['media', 'department', 'mass_organisation', 'telecom']).slice(0, 6),
    ...leadsInGroups(world, day, ['local'])
      .filter((agency) => agency.kind === 'commune_authority')
      .slice(0, 5),
  ];
  const inputs = [
    ...(police ? [peakRally(world, day, police, observanceCode)] : []),
    ...opening.map((agency) => demoActivity(world, brief(day, agency))),
  ];
  // The rest of the peak window is busier than ordinary weeks, the media's weekly output in it.
  for (const date of datesFrom(`${year}-07-01`, `${year}-09-30`)) {
    if (date !== day && daysBetween(`${year}-07-01`, date) % 3 === 0) {
      inputs.push(demoActivity(world, brief(date, pickLead(world, date))));
    }
    const press = weeklyMediaOn(world, date);
    if (press) inputs.push(demoActivity(world, { ...brief(date, press.agency), typeCode: press.typeCode }));
  }
  const campaign = createCampaign(world.ctx, {
    name: `Cao điểm tuyên truyền Ngày toàn dân phòng, chống mua bán người 30/7/${year}`,
    theme: themeOf(world, observanceCode, year),
    startDate: `${year}-07-01`,
    endDate: `${year}-09-30`,
    leadAgencyId: police?.id ?? null,
    observanceCode,
    color: '#c62828',
    taskIds: campaignTaskIds(world, observanceCode, inputs),
  });
  for (const input of inputs) hold(world, { ...input, campaignId: campaign.id });
}

/**
 * The Department of Education and Training's campaign among pupils and students, which the
 * plan has it lead (task 1.4): talks and sessions at schools on Tuesdays and Thursdays of
 * the spring term, 1/3–30/4.
 */
function seedSchoolCampaign(world: DemoWorld, year: number): void {
  const startDate = `${year}-03-01`;
  const endDate = `${year}-04-30`;
  const education = world.agencies.find((agency) => agency.code === 'SGDDT' && validOn(agency, startDate));
  if (!education) return;
  const inputs = datesFrom(startDate, endDate)
    .filter((date) => weekdayOf(date) === 2 || weekdayOf(date) === 4)
    .map((date) =>
      demoActivity(world, {
        date,
        agency: education,
        repertoire: schoolRepertoire,
        venue: (place) => `Trường THPT ${place}`,
        where: (place) => `THPT ${place}`,
        needsTask: true,
      }),
    );
  const campaign = createCampaign(world.ctx, {
    name: `Chiến dịch truyền thông phòng, chống mua bán người trong học sinh, sinh viên năm ${year}`,
    theme: 'Nói không với “việc nhẹ lương cao”',
    startDate,
    endDate,
    leadAgencyId: education.id,
    color: '#1565c0',
    taskIds: campaignTaskIds(world, null, inputs),
  });
  for (const input of inputs) hold(world, { ...input, campaignId: campaign.id });
}

export function seedDemoActivities(db: Db, options: { timeZone: string; today?: string }): void {
  const today = options.today ?? todayIn(options.timeZone);
  const ctx: ServiceContext = { db, timeZone: options.timeZone, now: systemClock, actor: null };
  const world = loadWorld(db, ctx, today);
  const year = Number(today.slice(0, 4));
  world.plan = seedPlan(world, year);
  seedPeak(world, year);
  seedSchoolCampaign(world, year);

  // About five activities a week from a year back to six months ahead, on working days.
  const first = addMonths(today, -12);
  const last = addMonths(today, 6);
  const peakStart = `${year}-07-01`;
  const peakEnd = `${year}-09-30`;
  for (const iso of datesFrom(first, last)) {
    if (weekdayOf(iso) > 5 || (iso >= peakStart && iso <= peakEnd)) continue;
    const count = world.random() < 0.5 ? 1 : 2;
    for (let n = 0; n < count; n++)
      hold(world, demoActivity(world, { date: iso, agency: pickLead(world, iso) }));
    const press = weeklyMediaOn(world, iso);
    if (press) hold(world, demoActivity(world, { date: iso, ...press }));
  }
}
