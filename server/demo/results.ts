// Writing a demo activity through the services, and the result of one that was held:
// figures near what was planned, breakdowns inside their total, reach under views, most
// of them reviewed, so that reports and My work have figures to show.
import type { ActivityInput } from '../contracts/activities';
import { addDays } from '../domain/time';
import { createActivity } from '../services/activities';
import { reviewResult, saveResult } from '../services/results';
import { type DemoWorld, pick } from './world';

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
 * (accepted, a few returned with a note).
 */
export function hold(world: DemoWorld, input: ActivityInput): void {
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
  // A result of two months ago or more has been reviewed (the report of its period was
  // issued from them); the latest ones partly wait for the standing agency's review.
  const settled = activity.start.slice(0, 10) < addDays(world.today, -60);
  if (roll < (settled ? 0.95 : 0.6)) reviewResult(world.ctx, activity.id, { decision: 'accept' }, undefined);
  else if (roll < (settled ? 0.97 : 0.68)) {
    reviewResult(
      world.ctx,
      activity.id,
      { decision: 'return', note: pick(returnNotes, world.random) },
      undefined,
    );
  }
}
