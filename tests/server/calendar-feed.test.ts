// GET /api/calendar.ics: a valid iCalendar feed of the filtered activities, read back with
// an independent parser (ical.js) and compared with what the API stores.
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import { foldLine } from '../../server/services/calendar-feed';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  activityBody,
  agencyIdByCode,
  json,
  listActivities,
  postActivity,
  unitIdByCode,
} from '../helpers/factories';

let t: TestApp;
let police: number;
let women: number;
const range = 'start=2026-07-01&end=2026-08-01';

beforeAll(async () => {
  t = await createTestApp();
  police = await agencyIdByCode(t.app, 'CA_HUE');
  women = await agencyIdByCode(t.app, 'LHPN_HUE');
  const long =
    'Mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7; chủ đề: “Không trẻ em nào bị bỏ lại phía sau”';
  await postActivity(
    t.app,
    await activityBody(t.app, {
      title: long,
      start: '2026-07-30',
      end: '2026-08-01',
      leadAgencyId: police,
      venue: 'Quảng trường\nNgọ Môn, Huế',
    }),
  );
  await postActivity(
    t.app,
    await activityBody(t.app, {
      title: 'Nói chuyện chuyên đề',
      start: '2026-07-15T08:00:00+07:00',
      end: '2026-07-15T10:30:00+07:00',
      leadAgencyId: women,
    }),
  );
  await postActivity(
    t.app,
    await activityBody(t.app, { title: 'Ngoài khoảng', start: '2026-09-02', leadAgencyId: police }),
  );
});
afterAll(async () => t.close());

type FeedEvent = {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  location: string | null;
};

function parseFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      location: event.location,
    };
  });
}

/** What the feed must say of an activity: dates as they are, timed ones in UTC. */
function expectedEvent(activity: Activity) {
  const utc = (iso: string) => new Date(iso).toISOString().replace('.000Z', 'Z');
  return {
    uid: `activity-${activity.id}@lich-truyen-thong.pcmbn`,
    summary: activity.title,
    start: activity.allDay ? activity.start : utc(activity.start),
    end: activity.allDay ? activity.end : utc(activity.end),
    allDay: activity.allDay,
  };
}

describe('GET /api/calendar.ics', () => {
  it('lists every activity of the range with the stored summary, start and end', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/calendar.ics?${range}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const stored = (await listActivities(t.app, range)).items;
    expect(stored).toHaveLength(2);
    const events = parseFeed(response.body);
    expect(
      events.map(({ location: _l, ...event }) => event).sort((a, b) => a.uid.localeCompare(b.uid)),
    ).toEqual(stored.map(expectedEvent).sort((a, b) => a.uid.localeCompare(b.uid)));
    // The all-day rally covers 30 and 31/7: DTEND is the exclusive 1/8.
    expect(response.body).toContain('DTSTART;VALUE=DATE:20260730\r\nDTEND;VALUE=DATE:20260801');
    expect(events.find((event) => event.allDay)?.location).toBe('Quảng trường\nNgọ Môn, Huế');
  });

  it('folds lines at 75 octets, escapes text and ends lines with CRLF', async () => {
    const body = (await t.app.inject({ method: 'GET', url: `/api/calendar.ics?${range}` })).body;
    const lines = body.split('\r\n');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replaceAll('\r\n', '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(body).toContain('LOCATION:Quảng trường\\nNgọ Môn\\, Huế');
    expect(body.replaceAll('\r\n ', '')).toContain('người 30/7\\; chủ đề: “Không');
  });

  it('never splits a Vietnamese character across a fold', () => {
    const folded = foldLine(`SUMMARY:${'ường'.repeat(40)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(`SUMMARY:${'ường'.repeat(40)}`);
  });

  it('keeps UIDs stable across fetches and after an edit', async () => {
    const first = parseFeed((await t.app.inject({ method: 'GET', url: `/api/calendar.ics?${range}` })).body);
    const talk = (await listActivities(t.app, `${range}&agencyId=${women}`)).items[0];
    expect(talk).toBeDefined();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${talk?.id}`,
      payload: { title: 'Nói chuyện chuyên đề (đổi tên)' },
    });
    expect(patched.statusCode).toBe(200);
    const second = parseFeed((await t.app.inject({ method: 'GET', url: `/api/calendar.ics?${range}` })).body);
    expect(second.map((event) => event.uid).sort()).toEqual(first.map((event) => event.uid).sort());
    expect(
      second.find((event) => event.uid === `activity-${talk?.id}@lich-truyen-thong.pcmbn`)?.summary,
    ).toBe('Nói chuyện chuyên đề (đổi tên)');
  });

  it('applies the activity filters', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/calendar.ics?${range}&agencyId=${police}`,
    });
    const events = parseFeed(response.body);
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toMatch(/^Mít tinh/);
  });

  it('covers three months back to a year ahead without a range', async () => {
    const today = Temporal.Now.plainDateISO('Asia/Ho_Chi_Minh');
    const at = (months: number) => today.add({ months }).toString();
    const cases = [
      { title: 'Hai tháng trước', start: at(-2), inFeed: true },
      { title: 'Bốn tháng trước', start: at(-4), inFeed: false },
      { title: 'Mười một tháng tới', start: at(11), inFeed: true },
      { title: 'Mười ba tháng tới', start: at(13), inFeed: false },
    ];
    // An agency of their own, so that these dates stay out of the other tests' ranges.
    const education = await agencyIdByCode(t.app, 'SGDDT');
    for (const { title, start } of cases) {
      await postActivity(t.app, await activityBody(t.app, { title, start, leadAgencyId: education }));
    }
    const response = await t.app.inject({ method: 'GET', url: `/api/calendar.ics?agencyId=${education}` });
    expect(response.statusCode).toBe(200);
    const summaries = parseFeed(response.body).map((event) => event.summary);
    for (const { title, inFeed } of cases) expect(summaries.includes(title), title).toBe(inFeed);
  });

  it('accepts a session, an API token as Bearer, or a feed token in the address, and nothing else', async () => {
    const apiToken = json<{ secret: string }>(
      await t.app.inject({ method: 'POST', url: '/api/me/tokens', payload: { kind: 'api', name: 'script' } }),
    ).secret;
    const feedToken = json<{ secret: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        payload: { kind: 'feed', name: 'điện thoại' },
      }),
    ).secret;
    const anonymous = (url: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url, headers });
    expect((await anonymous(`/api/calendar.ics?${range}`)).statusCode).toBe(401);
    expect(
      (await anonymous(`/api/calendar.ics?${range}`, { authorization: `Bearer ${apiToken}` })).statusCode,
    ).toBe(200);
    const viaFeed = await anonymous(`/api/calendar.ics?${range}&token=${feedToken}`);
    expect(viaFeed.statusCode).toBe(200);
    expect(parseFeed(viaFeed.body).map((event) => event.summary)).toEqual(
      parseFeed((await t.app.inject({ method: 'GET', url: `/api/calendar.ics?${range}` })).body).map(
        (e) => e.summary,
      ),
    );
    // Each kind of token only where it belongs.
    expect((await anonymous(`/api/calendar.ics?${range}&token=${apiToken}`)).statusCode).toBe(401);
    expect(
      (await anonymous(`/api/calendar.ics?${range}`, { authorization: `Bearer ${feedToken}` })).statusCode,
    ).toBe(401);
    expect((await anonymous(`/api/activities?${range}&token=${feedToken}`)).statusCode).toBe(401);
  });

  it('names the lead agency, the place with its units, and links back to the activity', async () => {
    const phuHoi = await unitIdByCode(t.app, 'HUE_P_PHONG_DIEN');
    const talk = await postActivity(
      t.app,
      await activityBody(t.app, {
        title: 'Nói chuyện tại trường THCS Nguyễn Tri Phương',
        start: '2026-07-20',
        leadAgencyId: women,
        venue: 'Trường THCS Nguyễn Tri Phương',
        unitIds: [phuHoi],
      }),
    );
    const body = (
      await t.app.inject({
        method: 'GET',
        url: `/api/calendar.ics?${range}`,
        headers: { host: 'lich.hue.gov.vn' },
      })
    ).body;
    const calendar = new ICAL.Component(ICAL.parse(body));
    const event = calendar
      .getAllSubcomponents('vevent')
      .find(
        (component) =>
          component.getFirstPropertyValue('uid') === `activity-${talk.id}@lich-truyen-thong.pcmbn`,
      );
    expect(event?.getFirstPropertyValue('description')).toBe(
      `Cơ quan chủ trì: Hội Liên hiệp Phụ nữ thành phố Huế\nhttp://lich.hue.gov.vn/?date=2026-07-20&activity=${talk.id}`,
    );
    expect(event?.getFirstPropertyValue('location')).toBe('Trường THCS Nguyễn Tri Phương, Phường Phong Điền');
    expect(event?.getFirstPropertyValue('url')).toBe(
      `http://lich.hue.gov.vn/?date=2026-07-20&activity=${talk.id}`,
    );
  });

  it("gives an agency's editor their own agency's activities by default, and all with mine=false", async () => {
    await createUser(t.app, { username: 'bien.tap.lich', role: 'agency_editor', agencyId: women });
    const editor = await t.signIn('bien.tap.lich', USER_PASSWORD);
    const leads = async (query: string) => {
      const text = (await editor.inject({ method: 'GET', url: `/api/calendar.ics?${range}${query}` })).body;
      return parseFeed(text).map((event) => event.summary);
    };
    const own = await leads('');
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((summary) => summary.startsWith('Mít tinh'))).toBe(false);
    expect((await leads('&mine=false')).some((summary) => summary.startsWith('Mít tinh'))).toBe(true);
  });
});
