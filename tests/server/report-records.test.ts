// Issue 11 point 1: a report is a record. A coordinator composes the province's half-year
// report, edits a section, sets the số, the signer and the recipients, issues it; the
// issued file is the same bytes after a late result; a recompute of a draft keeps the
// edited text; stale writes get 412; agency editors compose only their own agency's report;
// bad input is refused with nothing stored; every change is audited.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/contracts/report-records';
import { auditRowsAfter, createSignedInUser, lastAuditId, type SignedInUser } from '../helpers/accounts';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, errorOf, json, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
const HALF = { startDate: '2025-12-15', endDate: '2026-06-14' };
let police: number;
let women: number;
let ward: number;
let editor: SignedInUser;
let viewer: SignedInUser;

async function held(title: string, start: string, values: Record<string, number>, leadAgencyId = police) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/activities/held',
    payload: {
      activity: { title, typeCode: 'community_outreach', start, leadAgencyId, unitIds: [ward] },
      result: { values, confirm: true },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ activity: { id: number } }>();
}

async function create(body: Record<string, unknown>, as = t.app) {
  return as.inject({ method: 'POST', url: '/api/reports', payload: body });
}

async function patch(report: Report, body: Record<string, unknown>, version = report.version) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/reports/${report.id}`,
    headers: { 'if-match': `"${version}"` },
    payload: body,
  });
}

const docText = async (bytes: Buffer) => {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
};

beforeAll(async () => {
  police = await agencyIdByCode(t.app, 'CA_HUE');
  women = await agencyIdByCode(t.app, 'LHPN_HUE');
  ward = await unitIdByCode(t.app, 'HUE_P_PHU_BAI');
  await held('Tuyên truyền tại chợ Phú Bài', '2026-03-05', { sessions: 1, attendances: 400 });
  await held('Nói chuyện với hội viên phụ nữ', '2026-04-10', { sessions: 2, attendances: 250 }, women);
  editor = await createSignedInUser(t, { username: 'bientap_phunu', role: 'agency_editor', agencyId: women });
  viewer = await createSignedInUser(t, { username: 'xem_baocao', role: 'viewer' });
});

describe('a report as a record', () => {
  let draft: Report;

  it('creates a province-wide half-year draft issued by the standing agency, prefilled from the records', async () => {
    const response = await create({ ...HALF, basis: 'submitted' });
    expect(response.statusCode, response.body).toBe(201);
    draft = response.json<Report>();
    expect(response.headers.etag).toBe('"1"');
    expect(draft).toMatchObject({
      kind: 'half_year',
      agencyId: null,
      issuerAgencyId: police,
      issuerName: 'Công an thành phố Huế',
      parentLine: 'BỘ CÔNG AN',
      symbol: 'BC-CATP',
      place: 'Huế',
      number: '',
      status: 'draft',
      subject: 'Sơ kết công tác truyền thông phòng, chống mua bán người 6 tháng đầu năm 2026',
      signer: { authority: 'GIÁM ĐỐC', name: '' },
    });
    expect(draft.recipients.at(-1)).toBe('Lưu: VT, CATP');
    expect(draft.figures.done).toBe(2);
    expect(draft.figures.values.find((value) => value.code === 'attendances')).toMatchObject({
      value: 650,
      unitWord: 'lượt người',
    });
    const direct = draft.sections.find((section) => section.key === 'direct');
    expect(direct?.text).toContain('Tổ chức 3 buổi tuyên truyền, thu hút 650 lượt người tham dự.');
    expect(draft.sections.map((section) => section.key)).toEqual([
      'opening',
      'direction',
      'general',
      'tasks',
      'campaign',
      'direct',
      'media',
      'grassroots',
      'online',
      'sms',
      'contests',
      'coverage',
      'strengths',
      'weaknesses',
      'causes',
      'next',
      'proposals',
    ]);
    expect(draft.sections.find((section) => section.key === 'next')?.title).toBe(
      'Phương hướng, nhiệm vụ 6 tháng cuối năm 2026',
    );
    expect(draft.facts.direct?.some((line) => line.endsWith(': 650 lượt người'))).toBe(true);
  });

  it('is listed by period and scope, and read by every signed-in user', async () => {
    const list = await viewer.as.inject({ method: 'GET', url: '/api/reports?year=2026&scope=province' });
    expect(json<{ items: Report[] }>(list).items.map((report) => report.id)).toEqual([draft.id]);
    const none = await viewer.as.inject({ method: 'GET', url: `/api/reports?scope=${women}` });
    expect(json<{ items: Report[] }>(none).items).toEqual([]);
  });

  it('keeps an edited section through a recompute after a late result, and refreshes the others', async () => {
    const before = lastAuditId(t.db);
    const edited = await patch(draft, {
      sections: [{ key: 'strengths', text: 'Các cơ quan phối hợp chặt chẽ, đúng kế hoạch.' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    draft = edited.json<Report>();
    expect(draft.version).toBe(2);
    expect(draft.sections.find((section) => section.key === 'strengths')).toMatchObject({
      text: 'Các cơ quan phối hợp chặt chẽ, đúng kế hoạch.',
      edited: true,
    });
    expect(auditRowsAfter(t.db, before).map((row) => [row.action, row.entity_type])).toEqual([
      ['update', 'report'],
    ]);

    await held('Buổi tuyên truyền bổ sung', '2026-05-20', { sessions: 1, attendances: 100 });
    const recomputed = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${draft.id}/recompute`,
      headers: { 'if-match': `"${draft.version}"` },
      payload: {},
    });
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    draft = recomputed.json<Report>();
    expect(draft.figures.done).toBe(3);
    expect(draft.sections.find((section) => section.key === 'strengths')?.text).toBe(
      'Các cơ quan phối hợp chặt chẽ, đúng kế hoạch.',
    );
    expect(draft.sections.find((section) => section.key === 'direct')?.text).toContain(
      'thu hút 750 lượt người',
    );
  });

  it('refuses a stale write with 412 and changes nothing', async () => {
    const stale = await patch(draft, { number: '99' }, draft.version - 1);
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    const now = json<Report>(await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}` }));
    expect(now.number).toBe('');
    expect(now.version).toBe(draft.version);
  });

  it('refuses an unknown section and a missing number at issue, storing nothing', async () => {
    const unknown = await patch(draft, { sections: [{ key: 'annex_z', text: 'x' }] });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details?.[0]?.message).toContain('Báo cáo không có mục "annex_z"');
    const issue = await t.app.inject({ method: 'POST', url: `/api/reports/${draft.id}/issue`, payload: {} });
    expect(issue.statusCode).toBe(400);
    expect(detailPaths(issue).sort()).toEqual(['number', 'signer.name']);
    expect(countRows(t.db, 'report_documents')).toBe(0);
    const now = json<Report>(await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}` }));
    expect(now).toMatchObject({ status: 'draft', version: draft.version });
  });

  it('issues the report with its số, signer and recipients, and serves the same bytes after a late result', async () => {
    const ready = await patch(draft, {
      number: '12',
      issueDate: '2026-06-20',
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', rank: 'Đại tá', name: 'Nguyễn Văn An' },
      recipients: [
        'Bộ Công an (Cục Cảnh sát hình sự) (để báo cáo)',
        'UBND thành phố (để báo cáo)',
        'Lưu: VT, PV01',
      ],
    });
    expect(ready.statusCode, ready.body).toBe(200);
    draft = ready.json<Report>();
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${draft.id}/issue`,
      headers: { 'if-match': `"${draft.version}"` },
      payload: {},
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const report = issued.json<Report>();
    expect(report).toMatchObject({ status: 'issued', number: '12', issueDate: '2026-06-20' });
    expect(report.issuedAt).not.toBeNull();

    const first = await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}/document?format=docx` });
    expect(first.statusCode).toBe(200);
    expect(String(first.headers['content-disposition'])).toContain(
      'bao-cao-12-BC-CATP_2025-12-15_2026-06-14.docx',
    );
    const text = await docText(first.rawPayload);
    expect(text).toContain('Số: 12/BC-CATP');
    // The decree pads days under 10 and months 1 and 2 only.
    expect(text).toContain('Huế, ngày 20 tháng 6 năm 2026');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text).toContain('Đại tá Nguyễn Văn An');
    expect(text).toContain('- UBND thành phố (để báo cáo);');
    expect(text).toContain('- Lưu: VT, PV01.');
    expect(text).toContain('Các cơ quan phối hợp chặt chẽ, đúng kế hoạch.');

    await held('Kết quả gửi muộn sau khi ban hành', '2026-06-01', { sessions: 5, attendances: 999 });
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/reports/${draft.id}/document?format=docx`,
    });
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    for (const format of ['xlsx', 'csv']) {
      const a = await t.app.inject({
        method: 'GET',
        url: `/api/reports/${draft.id}/document?format=${format}`,
      });
      const b = await t.app.inject({
        method: 'GET',
        url: `/api/reports/${draft.id}/document?format=${format}`,
      });
      expect(a.statusCode).toBe(200);
      expect(Buffer.compare(a.rawPayload, b.rawPayload), format).toBe(0);
    }
  });

  it('is not changed once issued; a new version supersedes it', async () => {
    const refused = await patch(draft, { number: '13' }, draft.version + 1);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('Báo cáo đã ban hành');
    const revision = await create({ supersedesId: draft.id });
    expect(revision.statusCode, revision.body).toBe(201);
    const copy = revision.json<Report>();
    expect(copy).toMatchObject({ status: 'draft', supersedesId: draft.id, number: '12' });
    expect(copy.sections.find((section) => section.key === 'strengths')?.edited).toBe(true);
    const numbered = await patch(copy, { number: '15', issueDate: '2026-06-25' });
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${copy.id}/issue`,
      payload: { version: numbered.json<Report>().version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const old = json<Report>(await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}` }));
    expect(old.supersededById).toBe(copy.id);
  });
});

describe('a campaign report', () => {
  it("counts the campaign's activities only, titled by the campaign", async () => {
    const campaign = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: 'Đợt cao điểm tuyên truyền tháng 5/2026',
        startDate: '2026-05-01',
        endDate: '2026-05-31',
        leadAgencyId: police,
      },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json<{ id: number }>().id;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: {
        activity: {
          title: 'Mít tinh hưởng ứng đợt cao điểm',
          typeCode: 'community_outreach',
          start: '2026-05-12',
          leadAgencyId: police,
          unitIds: [ward],
          campaignId,
        },
        result: { values: { sessions: 1, attendances: 321 }, confirm: true },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = json<Report>(await create({ ...HALF, campaignId, basis: 'submitted' }));
    expect(report).toMatchObject({
      kind: 'campaign',
      campaignId,
      subject: 'Kết quả thực hiện đợt cao điểm tuyên truyền tháng 5/2026',
    });
    expect(report.figures.done).toBe(1);
    expect(report.sections.find((section) => section.key === 'campaign')).toMatchObject({
      title: 'Đợt cao điểm tuyên truyền tháng 5/2026',
    });
    expect(report.sections.find((section) => section.key === 'campaign')?.text).toContain(
      '321 lượt người tham dự',
    );
  });
});

describe('deleting a draft', () => {
  it('deletes a draft softly (audited, gone from the list), never an issued report', async () => {
    const draft = json<Report>(await create({ startDate: '2026-01-01', endDate: '2026-03-31' }));
    const before = lastAuditId(t.db);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/reports/${draft.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${draft.id}` })).statusCode).toBe(404);
    expect(auditRowsAfter(t.db, before).map((row) => [row.action, row.entity_type])).toEqual([
      ['delete', 'report'],
    ]);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/reports/${draft.id}` });
    expect(again.statusCode).toBe(404);
    const list = json<{ items: Report[]; total: number }>(
      await t.app.inject({ method: 'GET', url: '/api/reports?year=2026' }),
    );
    expect(list.items.map((report) => report.id)).not.toContain(draft.id);
    const issued = list.items.find((report) => report.status === 'issued');
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/reports/${issued?.id}` });
    expect(refused.statusCode).toBe(409);
    expect(countRows(t.db, 'reports')).toBe(list.total + 1);
  });
});

describe("an agency's own report", () => {
  it("lets an agency editor compose their agency's report, counting its activities only", async () => {
    const response = await create({ ...HALF, agencyId: women, basis: 'submitted' }, editor.as);
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json<Report>();
    expect(report).toMatchObject({ agencyId: women, issuerAgencyId: women, symbol: 'BC-HLHPNTP' });
    expect(report.figures.done).toBe(1);
    expect(report.figures.values.find((value) => value.code === 'attendances')?.value).toBe(250);
  });

  it("refuses an agency editor the province's report or another agency's, storing nothing", async () => {
    const before = countRows(t.db, 'reports');
    for (const body of [{ ...HALF }, { ...HALF, agencyId: police }]) {
      const response = await create(body, editor.as);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).message).toContain('Chỉ được soạn báo cáo riêng của cơ quan mình');
    }
    const byViewer = await create({ ...HALF }, viewer.as);
    expect(byViewer.statusCode).toBe(403);
    expect(countRows(t.db, 'reports')).toBe(before);
  });

  it('refuses a period out of order and an unknown agency with 400, storing nothing', async () => {
    const before = countRows(t.db, 'reports');
    const backwards = await create({ startDate: '2026-06-14', endDate: '2025-12-15' });
    expect(backwards.statusCode).toBe(400);
    expect(detailPaths(backwards)).toContain('endDate');
    const unknown = await create({ ...HALF, agencyId: 999_999 });
    expect(unknown.statusCode).toBe(400);
    expect(detailPaths(unknown)).toContain('agencyId');
    expect(countRows(t.db, 'reports')).toBe(before);
  });
});
