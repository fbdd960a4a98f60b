// Each section of a report, prefilled from the records in the official register: what was
// held (never what is only planned), each figure with its own unit word, media words as
// officials use them, a "trong đó" share only over the activities that recorded it, and
// for the assessment the facts the records show, for the official to turn into judgement.
// A pure function of the gathered figures: the same figures always give the same text.
import type { ReportSection } from '../contracts/report-records';
import type { SummaryRow } from '../contracts/reports';
import { unitWord } from '../domain/indicators';
import { reportOutline } from '../domain/report-outline';
import { dateParts, vietnameseDate } from '../domain/time';
import type { ReportData } from './report-data';

const numbers = new Intl.NumberFormat('vi-VN');
export const vn = (value: number) => numbers.format(value);
const percent = (part: number, whole: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((100 * part) / whole);

export const SUBJECT = 'công tác truyền thông phòng, chống mua bán người';

/** The observance of 30/7, whose peak campaign every report of the year speaks of. */
const WORLD_DAY = 'anti_trafficking_day';

type Composed = { text: string; facts: string[] };

const present = (parts: (string | null)[]) => parts.filter((part): part is string => part !== null);
const sentence = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;

/** "1.234 buổi": a total with its words (the catalogue's unit word by default), or null without a figure. */
function figure(data: ReportData, code: string, words?: string): string | null {
  const value = data.totals.totals.values[code];
  if (value === undefined) return null;
  const indicator = data.indicators.find((entry) => entry.code === code);
  return `${vn(value)} ${words ?? (indicator ? unitWord(indicator) : '')}`.trim();
}

/** "Tên chỉ tiêu: 1.234 đơn vị", for the facts beside a section. */
function fact(data: ReportData, code: string): string | null {
  const indicator = data.indicators.find((entry) => entry.code === code);
  const value = data.totals.totals.values[code];
  return indicator && value !== undefined ? `${indicator.name}: ${vn(value)} ${unitWord(indicator)}` : null;
}
const factsOf = (data: ReportData, codes: string[]) => present(codes.map((code) => fact(data, code)));

const table = (data: ReportData, key: ReportData['tables'][number]['key']) =>
  data.tables.find((entry) => entry.key === key)?.rows ?? [];

/** "Hình thức được tổ chức nhiều nhất là …, tiếp đến là …": the three largest rows of a table. */
function leaders(rows: SummaryRow[], opening: string): string | null {
  // By what was held: a planned or future activity is not yet "organised".
  const top = [...rows].filter((row) => row.done > 0).sort((a, b) => b.done - a.done);
  const [first, second, third] = top;
  if (!first) return null;
  const named = (row: SummaryRow) => `${row.label} (${vn(row.done)} hoạt động)`;
  const then = [second, third].filter((row): row is SummaryRow => row !== undefined).map(named);
  return `${opening} ${named(first)}${then.length ? `, tiếp đến là ${then.join(' và ')}` : ''}.`;
}

const issuerWords = (data: ReportData) => data.issuer.bodyName || 'Cơ quan thường trực';

function opening(data: ReportData): Composed {
  const plan = data.context.plan;
  const cited = plan
    ? `Thực hiện ${plan.code ? `Kế hoạch số ${plan.code}` : plan.title}${plan.issueDate ? ` ngày ${vietnameseDate(plan.issueDate)}` : ''}${plan.issuerName ? ` của ${plan.issuerName}` : ''}${plan.code ? ` về ${plan.title.replace(/^Kế hoạch\s*/i, '').toLocaleLowerCase('vi')}` : ''}, `
    : '';
  const text = `${cited}${cited ? issuerWords(data) : sentence(issuerWords(data))} báo cáo kết quả ${SUBJECT} ${data.periodWords} như sau:`;
  return {
    text,
    facts: plan
      ? [
          `Kế hoạch: ${plan.title}`,
          `Số: ${plan.code ?? 'chưa ghi'}; ngày: ${plan.issueDate ? vietnameseDate(plan.issueDate) : 'chưa ghi'}`,
        ]
      : ['Chưa có kế hoạch của năm trên hệ thống'],
  };
}

function direction(data: ReportData): Composed {
  const { plan, campaigns, tasks } = data.context;
  const lines = present([
    plan
      ? `Triển khai ${plan.code ? `Kế hoạch số ${plan.code}` : plan.title} tới các cơ quan, đơn vị, địa phương${tasks.length ? ` với ${vn(tasks.length)} nhiệm vụ` : ''}; các cơ quan, đơn vị xây dựng kế hoạch, lịch hoạt động và cập nhật trên hệ thống lịch truyền thông.`
      : null,
    campaigns.length
      ? `Tổ chức ${vn(campaigns.length)} chiến dịch, đợt truyền thông: ${campaigns
          .map(
            (campaign) =>
              `${campaign.name} (từ ngày ${vietnameseDate(campaign.startDate)} đến ngày ${vietnameseDate(campaign.endDate)})`,
          )
          .join('; ')}.`
      : null,
  ]);
  return {
    text: lines.join('\n'),
    facts: campaigns.map((campaign) => `Chiến dịch: ${campaign.name}, ${vn(campaign.activities)} hoạt động`),
  };
}

function general(data: ReportData): Composed {
  const { standing } = data.context;
  const accepted = data.query.acceptedOnly === 'true';
  const lines: string[] = [];
  lines.push(
    `Trong kỳ báo cáo (${data.periodWords}), các cơ quan, đơn vị, địa phương đã tổ chức ${vn(standing.held)} hoạt động truyền thông phòng, chống mua bán người có báo cáo kết quả${accepted ? ' được chấp nhận' : ''}.`,
  );
  const apart = present([
    standing.overdue
      ? `${vn(standing.overdue)} hoạt động đã quá thời gian tổ chức nhưng chưa báo cáo kết quả`
      : null,
    standing.awaitingReview
      ? `${vn(standing.awaitingReview)} hoạt động đã gửi kết quả đang chờ duyệt, chưa tính vào số liệu`
      : null,
    standing.upcoming ? `${vn(standing.upcoming)} hoạt động theo kế hoạch chưa đến thời gian tổ chức` : null,
  ]);
  if (apart.length) lines.push(`Ngoài ra, còn ${list(apart)}.`);
  if (data.today < data.query.endDate) lines.push(`Số liệu tính đến ngày ${vietnameseDate(data.today)}.`);
  lines.push(
    accepted
      ? 'Số liệu trong báo cáo chỉ tính các kết quả đã được cơ quan thường trực chấp nhận; mỗi chỉ tiêu được cộng theo đơn vị tính riêng, hoạt động phối hợp được tính một lần.'
      : 'Số liệu trong báo cáo gồm các kết quả đã gửi, kể cả kết quả chưa được duyệt; mỗi chỉ tiêu được cộng theo đơn vị tính riêng, hoạt động phối hợp được tính một lần.',
  );
  lines.push(
    ...present([
      leaders(table(data, 'type'), 'Hình thức được tổ chức nhiều nhất là'),
      leaders(table(data, 'agency'), 'Các cơ quan, đơn vị chủ trì, phối hợp nhiều hoạt động nhất là'),
      leaders(table(data, 'unit'), 'Địa bàn có nhiều hoạt động nhất là'),
    ]),
  );
  return {
    text: lines.join('\n'),
    facts: [
      `Hoạt động trong kỳ (không tính hoạt động bị hủy): ${vn(data.totals.totals.activities)}`,
      `Đã tổ chức, có kết quả được tính: ${vn(standing.held)}`,
      `Quá hạn chưa báo cáo: ${vn(standing.overdue)}`,
      `Chờ duyệt: ${vn(standing.awaitingReview)}`,
      `Chưa đến thời gian tổ chức: ${vn(standing.upcoming)}`,
    ],
  };
}

/** A plan's targets are the year's: a shorter period is measured against them as such. */
const targetWords = (data: ReportData) => (data.kind === 'year' ? 'chỉ tiêu' : 'chỉ tiêu năm');

/**
 * The share of a year's target a period should have reached to be on course: the whole of
 * it for a year report, half for a half-year, none for any other period (not judged).
 */
const expectedShare = (data: ReportData) => (data.kind === 'year' ? 1 : data.kind === 'half_year' ? 0.5 : 0);

/**
 * The tasks whose targets the report judges: the province's report judges every task with
 * a share to judge by; an agency's own report judges none (the targets are the province's).
 */
const judgedTasks = (data: ReportData) =>
  data.query.agencyId === undefined && expectedShare(data) > 0 ? data.context.tasks : [];

/** "A (3), B (2) và 4 cơ quan, đơn vị khác (5)": the first few by name, the rest counted. */
function namedCounts(entries: { name: string; count: number }[], shown = 6): string {
  const first = entries.slice(0, shown).map((entry) => `${entry.name} (${vn(entry.count)})`);
  const rest = entries.slice(shown);
  if (rest.length === 0) return first.join(', ');
  const more = rest.reduce((sum, entry) => sum + entry.count, 0);
  return `${first.join(', ')} và ${vn(rest.length)} cơ quan, đơn vị khác (${vn(more)})`;
}

function tasks(data: ReportData): Composed {
  const indicatorOf = (code: string) => data.indicators.find((entry) => entry.code === code);
  const lines: string[] = [];
  const idle: string[] = [];
  // An agency's own report speaks of the tasks it worked on; the province's names idle ones too.
  const own = data.query.agencyId !== undefined;
  for (const task of data.context.tasks) {
    const lead = task.leads.length ? ` (chủ trì: ${task.leads.join(', ')})` : '';
    if (task.activities === 0) {
      if (!own) idle.push(`nhiệm vụ ${task.code}`);
      continue;
    }
    const judged = own ? [] : task.targets.filter((target) => target.target > 0);
    const targets = judged.map((target) => {
      const indicator = indicatorOf(target.code);
      const word = indicator ? unitWord(indicator) : '';
      const name = indicator?.name.toLocaleLowerCase('vi') ?? target.code;
      return `${name} đạt ${vn(target.achieved)}/${vn(target.target)} ${word} (${percent(target.achieved, target.target)}% ${targetWords(data)})`;
    });
    lines.push(
      `- Nhiệm vụ ${task.code}. ${task.title}${lead}: tổ chức ${vn(task.done)}/${vn(task.activities)} hoạt động${targets.length ? `; ${targets.join('; ')}` : ''}.`,
    );
  }
  if (idle.length) lines.push(`- Chưa có hoạt động nào trong kỳ đối với ${list(idle)}.`);
  return {
    text: lines.join('\n'),
    facts: data.context.tasks.map(
      (task) => `${task.code}: ${vn(task.done)}/${vn(task.activities)} hoạt động`,
    ),
  };
}

function campaign(data: ReportData): Composed {
  const peak =
    data.context.campaigns.find((entry) => entry.id === data.query.campaignId) ??
    data.context.campaigns.find((entry) => entry.observanceCode === WORLD_DAY);
  if (!peak) return { text: '', facts: [] };
  const words = (code: string, unit: string) =>
    peak.values[code] === undefined ? null : `${vn(peak.values[code])} ${unit}`;
  const held = present([
    words('sessions', 'buổi tuyên truyền'),
    words('attendances', 'lượt người tham dự'),
    words('news_items', 'tin, bài'),
    words('sms_sent', 'tin nhắn'),
  ]);
  const text = `${peak.observanceCode === WORLD_DAY ? 'Hưởng ứng Ngày Thế giới phòng, chống mua bán người (30/7) và Ngày toàn dân phòng, chống mua bán người, ' : ''}${peak.name}${peak.theme ? ` với chủ đề "${peak.theme}"` : ''} được triển khai từ ngày ${vietnameseDate(peak.startDate)} đến ngày ${vietnameseDate(peak.endDate)}: các cơ quan, đơn vị đã tổ chức ${vn(peak.done)}/${vn(peak.activities)} hoạt động${held.length ? `, với ${list(held)}` : ''}.`;
  return {
    text,
    facts: [`${peak.name}: ${vn(peak.done)}/${vn(peak.activities)} hoạt động`, ...held],
  };
}

/**
 * "trong đó 1.234 lượt nữ (52,1 %)": a breakdown's share is over the attendances of the
 * activities that recorded that breakdown only, and the sentence says how many those were.
 */
function breakdownShare(data: ReportData, code: string, words: string): string | null {
  const recorded = data.activities.filter((activity) => activity.values[code] !== undefined);
  if (recorded.length === 0) return null;
  const part = recorded.reduce((sum, activity) => sum + (activity.values[code] ?? 0), 0);
  // The share only over the activities that recorded both the breakdown and its total.
  const both = recorded.filter((activity) => (activity.values.attendances ?? 0) > 0);
  const within = both.reduce((sum, activity) => sum + (activity.values[code] ?? 0), 0);
  const whole = both.reduce((sum, activity) => sum + (activity.values.attendances ?? 0), 0);
  const share =
    whole > 0
      ? ` (${percent(within, whole)}% số lượt tham dự của ${vn(both.length)} hoạt động có ghi nhận)`
      : '';
  return `${vn(part)} ${words}${share}`;
}

function direct(data: ReportData): Composed {
  const lines: string[] = [];
  const sessions = figure(data, 'sessions', 'buổi tuyên truyền');
  const attendances = figure(data, 'attendances', 'lượt người tham dự');
  if (sessions || attendances) {
    lines.push(
      `${sessions ? `Tổ chức ${sessions}` : 'Tổ chức các buổi tuyên truyền'}${attendances ? `, thu hút ${attendances}` : ''}.`,
    );
  }
  const within = present([
    breakdownShare(data, 'attendances_female', 'lượt nữ'),
    breakdownShare(data, 'attendances_ethnic_minority', 'lượt người dân tộc thiểu số'),
    breakdownShare(data, 'attendances_students', 'lượt học sinh, sinh viên'),
  ]);
  if (within.length) lines.push(`Trong đó: ${within.join('; ')}.`);
  const materials = present([
    figure(data, 'leaflets', 'tờ rơi, tờ gấp'),
    figure(data, 'booklets', 'sổ tay, tài liệu'),
    figure(data, 'posters', 'áp phích'),
    figure(data, 'banners', 'băng rôn, khẩu hiệu'),
    figure(data, 'billboards', 'pano'),
  ]);
  if (materials.length) lines.push(`Phát hành ${list(materials)}.`);
  const pledges = figure(data, 'pledges', 'bản cam kết');
  if (pledges) lines.push(`Vận động ký ${pledges} không vi phạm pháp luật về mua bán người.`);
  const questionnaires = figure(data, 'questionnaires', 'phiếu khảo sát, phiếu hỏi');
  if (questionnaires) lines.push(`Thu về ${questionnaires}.`);
  return {
    text: lines.join('\n'),
    facts: factsOf(data, [
      'sessions',
      'attendances',
      'attendances_female',
      'attendances_ethnic_minority',
      'attendances_students',
      'leaflets',
      'booklets',
      'posters',
      'banners',
      'billboards',
      'pledges',
      'questionnaires',
    ]),
  };
}

function media(data: ReportData): Composed {
  // Press, radio and television are the mass media; loudspeakers and SMS are said apart.
  const parts = present([
    figure(data, 'news_items', 'tin, bài, ảnh'),
    figure(data, 'programmes', 'chương trình, phóng sự, tọa đàm'),
    figure(data, 'broadcasts', 'lượt phát sóng'),
    figure(data, 'broadcast_minutes', 'phút phát sóng'),
  ]);
  return {
    text: parts.length
      ? `Các cơ quan báo chí và phương tiện thông tin đại chúng đăng, phát ${list(parts)} về phòng, chống mua bán người.`
      : '',
    facts: factsOf(data, ['news_items', 'programmes', 'broadcasts', 'broadcast_minutes']),
  };
}

function grassroots(data: ReportData): Composed {
  const parts = present([
    figure(data, 'loudspeaker_broadcasts', 'lượt phát'),
    figure(data, 'loudspeaker_minutes', 'phút phát thanh'),
  ]);
  return {
    text: parts.length
      ? `Hệ thống thông tin cơ sở (đài, loa truyền thanh xã, phường và loa lưu động) thực hiện ${list(parts)} nội dung tuyên truyền phòng, chống mua bán người.`
      : '',
    facts: factsOf(data, ['loudspeaker_broadcasts', 'loudspeaker_minutes']),
  };
}

function online(data: ReportData): Composed {
  const posts = present([
    figure(data, 'social_posts', 'bài đăng trên cổng thông tin, mạng xã hội'),
    figure(data, 'web_banners', 'banner trên trang thông tin điện tử'),
  ]);
  const views = figure(data, 'views', 'lượt xem');
  const reach = figure(data, 'reach', 'người');
  if (posts.length === 0 && !views && !reach) return { text: '', facts: [] };
  const lines = [
    ...(posts.length ? [`Trên môi trường mạng, đăng tải ${list(posts)}.`] : []),
    // Views are counted for every product that records them, television online included.
    ...(views ? [`Các sản phẩm truyền thông có ghi nhận lượt xem đạt tổng cộng ${views}.`] : []),
    ...(reach
      ? [`Sản phẩm tiếp cận nhiều nhất đạt ${reach} (số người tiếp cận không cộng dồn giữa các sản phẩm).`]
      : []),
  ];
  return { text: lines.join('\n'), facts: factsOf(data, ['social_posts', 'web_banners', 'views', 'reach']) };
}

function sms(data: ReportData): Composed {
  const sent = figure(data, 'sms_sent', 'tin nhắn');
  return {
    text: sent
      ? `Phối hợp với các doanh nghiệp viễn thông gửi ${sent} tuyên truyền phòng, chống mua bán người tới thuê bao di động trên địa bàn.`
      : '',
    facts: factsOf(data, ['sms_sent']),
  };
}

/** Figures of contests and stage shows, each credited to its own kind of activity. */
const contestCodes = ['contest_entries', 'contestants', 'prizes', 'teams', 'performances'];

function contests(data: ReportData): Composed {
  const indicatorOf = (code: string) => data.indicators.find((entry) => entry.code === code);
  const lines = table(data, 'type').flatMap((row) => {
    const parts = contestCodes.flatMap((code) => {
      const value = row.values[code];
      const indicator = indicatorOf(code);
      return value === undefined || !indicator ? [] : [`${vn(value)} ${unitWord(indicator)}`];
    });
    if (parts.length === 0) return [];
    return [`- ${row.label}: ${vn(row.done)} hoạt động, ${list(parts)}.`];
  });
  return { text: lines.join('\n'), facts: factsOf(data, contestCodes) };
}

function coverage(data: ReportData): Composed {
  const gaps = data.context.coverage;
  if (!gaps) return { text: '', facts: [] };
  const lines: string[] = [];
  const priority = gaps.uncovered.filter((unit) => unit.priority).map((unit) => unit.name);
  const others = gaps.uncovered.filter((unit) => !unit.priority).map((unit) => unit.name);
  if (gaps.uncovered.length === 0) {
    lines.push(
      `Tất cả ${vn(gaps.communes)} xã, phường đều có hoạt động tuyên truyền trực tiếp được tổ chức hoặc lên lịch trong kỳ.`,
    );
  } else {
    lines.push(
      `Còn ${vn(gaps.uncovered.length)}/${vn(gaps.communes)} xã, phường chưa có hoạt động tuyên truyền trực tiếp nào được tổ chức hoặc lên lịch trong kỳ${priority.length ? `, trong đó ${vn(priority.length)} địa bàn trọng điểm (biên giới, ven biển, miền núi, vùng đồng bào dân tộc thiểu số): ${priority.join(', ')}` : ''}.`,
    );
    if (others.length)
      lines.push(
        `${priority.length ? 'Các xã, phường khác' : 'Xã, phường'} chưa có hoạt động: ${others.join(', ')}.`,
      );
  }
  if (gaps.uncoveredGroups.length)
    lines.push(`Nhóm đối tượng chưa được tuyên truyền trực tiếp: ${gaps.uncoveredGroups.join(', ')}.`);
  return {
    text: lines.join('\n'),
    facts: [
      `Xã, phường chưa có hoạt động trực tiếp: ${vn(gaps.uncovered.length)}/${vn(gaps.communes)}`,
      `Trong đó địa bàn trọng điểm: ${vn(priority.length)}`,
    ],
  };
}

/** Tasks on course on every target they have (a target of 0 is no target). */
const achievedTargets = (data: ReportData) =>
  judgedTasks(data).flatMap((task) => {
    const targets = task.targets.filter((target) => target.target > 0);
    const met = targets.every((target) => target.achieved >= target.target * expectedShare(data));
    return targets.length > 0 && met ? [`nhiệm vụ ${task.code}`] : [];
  });

function strengths(data: ReportData): Composed {
  const { standing } = data.context;
  const met = [...new Set(achievedTargets(data))];
  const lines = present([
    standing.held
      ? `Các cơ quan, đơn vị, địa phương đã tổ chức ${vn(standing.held)} hoạt động với nhiều hình thức phong phú, phù hợp với từng nhóm đối tượng.`
      : null,
    met.length
      ? `${data.kind === 'half_year' ? 'Đạt từ một nửa chỉ tiêu năm trở lên' : 'Đạt hoặc vượt chỉ tiêu đề ra'} đối với ${list(met)}.`
      : null,
  ]);
  return { text: lines.join('\n'), facts: met.map((task) => `Đạt chỉ tiêu: ${task}`) };
}

function weaknesses(data: ReportData): Composed {
  const { overdueByAgency, returnedByAgency, coverage: gaps } = data.context;
  const share = expectedShare(data);
  // Behind the course the period should have kept: a half-year below half the year's target.
  const behind = judgedTasks(data).flatMap((task) => {
    const short = task.targets.filter(
      (target) => target.target > 0 && target.achieved < target.target * share,
    );
    if (short.length === 0) return [];
    const words = short.map((target) => {
      const indicator = data.indicators.find((entry) => entry.code === target.code);
      const name = indicator?.name.toLocaleLowerCase('vi') ?? target.code;
      return `${name} ${vn(target.achieved)}/${vn(target.target)}${indicator ? ` ${unitWord(indicator)}` : ''}`;
    });
    return [`nhiệm vụ ${task.code} (${words.join('; ')})`];
  });
  const behindWords =
    data.kind === 'half_year'
      ? 'Một số nhiệm vụ chưa đạt một nửa chỉ tiêu năm'
      : 'Một số chỉ tiêu của Kế hoạch chưa đạt';
  const lines = present([
    behind.length ? `${behindWords}: ${behind.join('; ')}.` : null,
    overdueByAgency.length
      ? `Còn ${vn(data.context.standing.overdue)} hoạt động đã quá thời gian tổ chức nhưng chưa báo cáo kết quả, nhiều nhất ở: ${namedCounts(overdueByAgency)}.`
      : null,
    returnedByAgency.length
      ? `Có ${vn(returnedByAgency.reduce((sum, entry) => sum + entry.count, 0))} kết quả bị trả lại để bổ sung, hoàn thiện, nhiều nhất ở: ${namedCounts(returnedByAgency)}.`
      : null,
    gaps?.uncovered.length
      ? `Còn ${vn(gaps.uncovered.length)} xã, phường chưa được tuyên truyền trực tiếp trong kỳ.`
      : null,
  ]);
  return {
    text: lines.join('\n'),
    facts: [
      ...overdueByAgency.map((entry) => `Quá hạn: ${entry.name} (${vn(entry.count)})`),
      ...returnedByAgency.map((entry) => `Trả lại: ${entry.name} (${vn(entry.count)})`),
    ],
  };
}

function next(data: ReportData): Composed {
  const { next: coming, coverage: gaps, overdueByAgency } = data.context;
  const lines = present([
    coming.planned
      ? `Trong thời gian tới (từ ngày ${vietnameseDate(coming.startDate)} đến ngày ${vietnameseDate(coming.endDate)}), đã có ${vn(coming.planned)} hoạt động được các cơ quan, đơn vị đăng ký trên lịch truyền thông; tiếp tục triển khai đầy đủ các nhiệm vụ của Kế hoạch.`
      : null,
    gaps?.uncovered.some((unit) => unit.priority)
      ? 'Tập trung tuyên truyền trực tiếp tại các địa bàn trọng điểm chưa có hoạt động trong kỳ.'
      : null,
    overdueByAgency.length ? 'Đôn đốc các cơ quan, đơn vị báo cáo kết quả các hoạt động đã quá hạn.' : null,
  ]);
  return { text: lines.join('\n'), facts: [`Hoạt động đã đăng ký kỳ tới: ${vn(coming.planned)}`] };
}

const composers: Record<string, (data: ReportData) => Composed> = {
  opening,
  direction,
  general,
  tasks,
  campaign,
  direct,
  media,
  grassroots,
  online,
  sms,
  contests,
  coverage,
  strengths,
  weaknesses,
  causes: () => ({ text: '', facts: [] }),
  next,
  proposals: () => ({ text: '', facts: [] }),
};

/** The heading of part IV names the next period: "năm 2027", "6 tháng cuối năm 2026". */
function nextTitle(data: ReportData): string {
  const { year } = dateParts(data.query.endDate);
  if (data.kind === 'half_year') return `Phương hướng, nhiệm vụ 6 tháng cuối năm ${year}`;
  if (data.kind === 'year') return `Phương hướng, nhiệm vụ năm ${year + 1}`;
  return 'Phương hướng, nhiệm vụ thời gian tới';
}

/** Every section of the outline composed from the figures, and the facts beside each. */
export function composeSections(data: ReportData): {
  sections: ReportSection[];
  facts: Record<string, string[]>;
} {
  const facts: Record<string, string[]> = {};
  const sections = reportOutline.map((entry) => {
    const composed = composers[entry.key]?.(data) ?? { text: '', facts: [] };
    facts[entry.key] = composed.facts;
    const title =
      entry.key === 'next'
        ? nextTitle(data)
        : entry.key === 'campaign'
          ? (data.context.campaigns.find((c) => c.id === data.query.campaignId)?.name ?? entry.title)
          : entry.title;
    return { key: entry.key, title, text: composed.text, edited: false };
  });
  return { sections, facts };
}

/**
 * A recompute: each section not edited takes its new text; an edited one keeps the words a
 * person wrote (and its title), and is still marked edited.
 */
export function mergeSections(
  stored: readonly ReportSection[],
  composed: readonly ReportSection[],
): ReportSection[] {
  const kept = new Map(stored.filter((section) => section.edited).map((section) => [section.key, section]));
  return composed.map((section) => kept.get(section.key) ?? section);
}
