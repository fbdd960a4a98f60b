// DESIGN §3 under three server zones (see vitest.config.ts: this file runs once per TZ).
// The answers must be identical whatever the server's own zone: every conversion names
// APP_TIMEZONE, never the process's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityList } from '../../server/contracts/activities';
import {
  boundToInstant,
  documentDate,
  englishMonthName,
  lastLocalDateOf,
  localDateOf,
  startOfLocalDay,
  toZonedIso,
  utcMidnightOf,
  weekdayName,
} from '../../server/domain/time';
import { createTestApp, type TestApp } from '../helpers/app';

let testApp: TestApp;
let leadAgencyId: number;

async function post(body: Record<string, unknown>): Promise<Activity> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/activities',
    payload: { title: 'Mít tinh 30/7', typeCode: 'rally', leadAgencyId, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function titlesIn(start: string, end: string): Promise<string[]> {
  const query = new URLSearchParams({ start, end });
  const response = await testApp.app.inject({ method: 'GET', url: `/api/activities?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as ActivityList).items.map((activity) => activity.title).sort();
}

beforeAll(async () => {
  testApp = await createTestApp();
  const agencies = await testApp.app.inject({ method: 'GET', url: '/api/agencies?code=SGDDT' });
  leadAgencyId = agencies.json().items[0].id;
});
afterAll(async () => testApp.close());

describe(`time rules with TZ=${process.env.TZ}`, () => {
  it('runs in the zone this project asked for', () => {
    const offsets: Record<string, number> = { UTC: 0, 'Asia/Ho_Chi_Minh': -420, 'America/New_York': 240 };
    // 1 July: New York is on daylight time (UTC-4).
    expect(new Date(2024, 6, 1).getTimezoneOffset()).toBe(offsets[process.env.TZ ?? '']);
  });

  it('reads a date as local midnight in APP_TIMEZONE', () => {
    expect(startOfLocalDay('2024-07-30', 'Asia/Ho_Chi_Minh')).toBe('2024-07-29T17:00:00.000Z');
    expect(boundToInstant('2024-07-30T08:00:00+07:00', 'Asia/Ho_Chi_Minh')).toBe('2024-07-30T01:00:00.000Z');
    expect(localDateOf('2024-07-29T17:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2024-07-30');
    expect(localDateOf('2024-07-29T16:59:59.000Z', 'Asia/Ho_Chi_Minh')).toBe('2024-07-29');
    expect(toZonedIso('2024-07-30T01:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2024-07-30T08:00:00+07:00');
  });

  it('finds an all-day 30/7 activity on 30/7 only', async () => {
    const activity = await post({ title: 'Cả ngày 30/7', start: '2024-07-30' });
    expect(activity).toMatchObject({ allDay: true, start: '2024-07-30', end: '2024-07-31' });
    expect(await titlesIn('2024-07-30', '2024-07-31')).toContain('Cả ngày 30/7');
    expect(await titlesIn('2024-07-29', '2024-07-30')).not.toContain('Cả ngày 30/7');
    expect(await titlesIn('2024-07-31', '2024-08-01')).not.toContain('Cả ngày 30/7');
    // The bounds a browser sends, with its own offset, mean the same instants.
    expect(await titlesIn('2024-07-30T00:00:00+07:00', '2024-07-31T00:00:00+07:00')).toContain(
      'Cả ngày 30/7',
    );
    expect(await titlesIn('2024-07-29T12:00:00-05:00', '2024-07-29T23:00:00-05:00')).toContain(
      'Cả ngày 30/7',
    );
    expect(await titlesIn('2024-07-28T00:00:00Z', '2024-07-29T16:59:59Z')).not.toContain('Cả ngày 30/7');
  });

  it('normalises a timed activity to APP_TIMEZONE and keeps its end exclusive', async () => {
    const activity = await post({
      title: 'Buổi sáng 31/7',
      start: '2024-07-31T01:00:00Z',
      end: '2024-07-31T03:00:00Z',
    });
    expect(activity).toMatchObject({
      allDay: false,
      start: '2024-07-31T08:00:00+07:00',
      end: '2024-07-31T10:00:00+07:00',
    });
    expect(await titlesIn('2024-07-31', '2024-08-01')).toContain('Buổi sáng 31/7');
    expect(await titlesIn('2024-07-30', '2024-07-31')).not.toContain('Buổi sáng 31/7');
    // Ends at 10:00 exclusive: a range starting at 10:00 does not see it.
    expect(await titlesIn('2024-07-31T10:00:00+07:00', '2024-07-31T12:00:00+07:00')).not.toContain(
      'Buổi sáng 31/7',
    );
    expect(await titlesIn('2024-07-31T09:59:00+07:00', '2024-07-31T12:00:00+07:00')).toContain(
      'Buổi sáng 31/7',
    );
  });

  it('places a late-evening activity on its local day, not the UTC one', async () => {
    // 23:30 in Huế on 1/8 is 16:30 UTC on 1/8, and 12:30 in New York on 1/8.
    const activity = await post({ title: 'Tối 1/8', start: '2024-08-01T23:30:00+07:00' });
    expect(activity.end).toBe('2024-08-02T00:30:00+07:00');
    expect(await titlesIn('2024-08-01', '2024-08-02')).toContain('Tối 1/8');
    expect(await titlesIn('2024-08-02', '2024-08-03')).toContain('Tối 1/8');
    expect(await titlesIn('2024-07-31', '2024-08-01')).not.toContain('Tối 1/8');
  });

  it('keeps a multi-day all-day activity on every day it covers', async () => {
    await post({ title: 'Tuần lễ 1–7/9', start: '2024-09-01', end: '2024-09-08' });
    expect(await titlesIn('2024-09-07', '2024-09-08')).toContain('Tuần lễ 1–7/9');
    expect(await titlesIn('2024-09-08', '2024-09-09')).not.toContain('Tuần lễ 1–7/9');
    expect(await titlesIn('2024-08-31', '2024-09-01')).not.toContain('Tuần lễ 1–7/9');
  });
});

describe(`the words of a date with TZ=${process.env.TZ}`, () => {
  it('names a weekday as Vietnamese write it, and in English', () => {
    expect(weekdayName('2026-08-03', 'vi')).toBe('Thứ Hai');
    expect(weekdayName('2026-08-09', 'vi')).toBe('Chủ Nhật');
    expect(weekdayName('2026-08-09', 'en')).toBe('Sunday');
    expect(englishMonthName(7)).toBe('July');
    // An official document's date: day in two digits, and the month too when it is 1 or 2.
    expect(documentDate('2026-02-02')).toBe('ngày 02 tháng 02 năm 2026');
    expect(documentDate('2026-12-05')).toBe('ngày 05 tháng 12 năm 2026');
    expect(documentDate('2026-07-30')).toBe('ngày 30 tháng 7 năm 2026');
  });

  it('reads the last day before an exclusive end in the deployment zone', () => {
    // Midnight starting 31/7 in Huế is 17:00 UTC on 30/7: the last day is 30/7.
    expect(lastLocalDateOf('2025-07-30T17:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('2025-07-30');
    expect(lastLocalDateOf('2025-07-30T17:00:01Z', 'Asia/Ho_Chi_Minh')).toBe('2025-07-31');
  });

  it("holds a spreadsheet's day at UTC midnight, whatever the server's zone", () => {
    const day = utcMidnightOf('2025-12-31');
    expect(day.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    // The serial a spreadsheet stores: days since 30/12/1899, a whole number for a day.
    expect(day.getTime() / 86_400_000 + 25_569).toBe(46_022);
  });
});
