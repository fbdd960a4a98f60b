// The demo's reports, as a province would have them in December: the half-year report
// (sơ kết) issued in June with its number, signer and a section the standing agency wrote,
// and the annual report (tổng kết) as a draft being written. Composed, edited and issued
// through the report service, like a coordinator's.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { seedRuns } from '../../db/schema';
import { addDays, systemClock, todayIn } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { officialYear } from '../services/report-periods';
import { createReport, issueReport, updateReport } from '../services/report-records';

const SIGNER = { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', rank: 'Đại tá', name: 'Trần Văn Minh' };
const RECIPIENTS = [
  'Bộ Công an (Cục Cảnh sát hình sự) (để báo cáo)',
  'Ủy ban nhân dân thành phố Huế (để báo cáo)',
  'Các cơ quan, đơn vị thành viên Ban Chỉ đạo',
  'Lưu: VT, PC02',
];

/** The official year (from `yearStart`) whose period holds `today`. */
function yearHolding(today: string, yearStart: string) {
  const year = Number(today.slice(0, 4));
  const current = officialYear(year, yearStart);
  return today > current.yearEnd ? officialYear(year + 1, yearStart) : current;
}

export async function seedDemoReports(
  db: Db,
  options: { timeZone: string; today?: string; yearStart: string },
): Promise<boolean> {
  const done = (step: string) =>
    db.select().from(seedRuns).where(eq(seedRuns.step, step)).get() !== undefined;
  // After the demo's activities (a database seeded before reports were records gets them too), once.
  if (!done('demo') || done('demo-reports')) return false;
  const ctx: ServiceContext = { db, timeZone: options.timeZone, now: systemClock, actor: null };
  const today = options.today ?? todayIn(options.timeZone);
  const year = yearHolding(today, options.yearStart);
  // The half-year behind us: this official year's first half once it ended, else last year's.
  const half =
    year.halfYearEnd < today ? year : officialYear(Number(year.start.slice(0, 4)), options.yearStart);

  const halfYear = createReport(
    ctx,
    {
      startDate: half.start,
      endDate: half.halfYearEnd,
      number: '112',
      // A few days after the half-year, as a report is written, but never after today.
      issueDate: [addDays(half.halfYearEnd, 5), today].sort()[0] ?? today,
      signer: SIGNER,
      recipients: RECIPIENTS,
    },
    options.yearStart,
  );
  const written = updateReport(
    ctx,
    halfYear.id,
    {
      sections: [
        {
          key: 'strengths',
          text: 'Công tác truyền thông được các cơ quan, đơn vị triển khai đồng bộ, bám sát Kế hoạch; nhiều hình thức tuyên truyền trực tiếp tại cơ sở phát huy hiệu quả, nhất là ở các xã, phường vùng biên giới, ven biển.',
        },
      ],
    },
    halfYear.version,
    options.yearStart,
  );
  await issueReport(ctx, written.id, written.version);

  const annual = createReport(
    ctx,
    { startDate: year.start, endDate: year.yearEnd, signer: SIGNER, recipients: RECIPIENTS },
    options.yearStart,
  );
  updateReport(
    ctx,
    annual.id,
    {
      sections: [
        {
          key: 'proposals',
          text: 'Đề nghị Ủy ban nhân dân thành phố bố trí kinh phí in ấn tài liệu tuyên truyền bằng tiếng dân tộc thiểu số cho các xã miền núi A Lưới.',
        },
      ],
    },
    annual.version,
    options.yearStart,
  );
  db.insert(seedRuns).values({ step: 'demo-reports' }).run();
  return true;
}
