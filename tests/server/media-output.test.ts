// Issue 5 point 4: media output by channel and month, each indicator in its own unit, an
// item on several channels credited to each and counted once in the totals, unique reach
// never summed, and only media types with a result.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import type { MediaOutput } from '../../server/contracts/media-output';
import { testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, json } from '../helpers/factories';

const t = testAppOfFile();
let press: number;
let police: number;

beforeAll(async () => {
  press = await agencyIdByCode(t.app, 'BPTTH');
  police = await agencyIdByCode(t.app, 'CA_HUE');
});
async function held(
  activity: Partial<ActivityInput> & Pick<ActivityInput, 'typeCode' | 'start'>,
  values?: Record<string, number>,
) {
  const body = { title: `Tin bài ${activity.typeCode} ${activity.start}`, leadAgencyId: press, ...activity };
  if (!values) {
    const created = await t.app.inject({ method: 'POST', url: '/api/activities', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    return;
  }
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/activities/held',
    payload: { activity: body, result: { values, confirm: true } },
  });
  expect(response.statusCode, response.body).toBe(201);
}

describe('GET /api/media-output', () => {
  it('sums each indicator by channel and month, counts an item once in the totals, and never sums reach', async () => {
    await held(
      { typeCode: 'news_article', start: '2025-10-03', channelCodes: ['newspaper', 'web_portal'] },
      { news_items: 2, views: 5000, reach: 3000 },
    );
    await held(
      { typeCode: 'social_post', start: '2025-10-20', channelCodes: ['social_media'] },
      { social_posts: 1, views: 2000, reach: 4000 },
    );
    await held(
      { typeCode: 'sms_campaign', start: '2025-11-05', channelCodes: ['sms'] },
      { sms_sent: 100000 },
    );
    // Not counted: a talk (not a media type), a media item without a result, one outside the period.
    await held(
      { typeCode: 'thematic_talk', start: '2025-10-08', channelCodes: ['direct'] },
      { attendances: 80 },
    );
    await held({ typeCode: 'news_article', start: '2025-10-09', channelCodes: ['newspaper'] });
    await held(
      { typeCode: 'news_article', start: '2025-12-01', channelCodes: ['newspaper'] },
      { news_items: 9 },
    );
    // Published, then cancelled: no longer counted.
    const cancelled = await t.app.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: {
        activity: {
          title: 'Tin bài đã rút',
          typeCode: 'news_article',
          start: '2025-10-11',
          leadAgencyId: press,
          channelCodes: ['newspaper'],
        },
        result: { values: { news_items: 5 } },
      },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    const withdrawn = cancelled.json<{ activity: { id: number; version: number } }>().activity;
    const cancel = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${withdrawn.id}`,
      headers: { 'if-match': `"${withdrawn.version}"` },
      payload: { status: 'cancelled', statusNote: 'Tin bài bị gỡ' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    // Another agency's post, for the agency filter.
    await held(
      { typeCode: 'social_post', start: '2025-10-21', channelCodes: ['social_media'], leadAgencyId: police },
      { social_posts: 3, views: 900, reach: 700 },
    );

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/media-output?startDate=2025-10-01&endDate=2025-11-30&agencyId=${press}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const output = json<MediaOutput>(response);
    expect(output.rows).toEqual([
      {
        channelCode: 'newspaper',
        month: '2025-10',
        items: 1,
        values: { news_items: 2, views: 5000, reach: 3000 },
      },
      { channelCode: 'sms', month: '2025-11', items: 1, values: { sms_sent: 100000 } },
      {
        channelCode: 'social_media',
        month: '2025-10',
        items: 1,
        values: { social_posts: 1, views: 2000, reach: 4000 },
      },
      {
        channelCode: 'web_portal',
        month: '2025-10',
        items: 1,
        values: { news_items: 2, views: 5000, reach: 3000 },
      },
    ]);
    expect(output.totals).toEqual({
      items: 3,
      values: { news_items: 2, views: 7000, reach: 4000, social_posts: 1, sms_sent: 100000 },
    });
    expect(output.rowsOverlap).toBe(true);
    expect(output.byChannel.map((row) => [row.channelCode, row.items])).toEqual([
      ['newspaper', 1],
      ['sms', 1],
      ['social_media', 1],
      ['web_portal', 1],
    ]);
    const reach = output.indicators.find((indicator) => indicator.code === 'reach');
    expect(reach).toMatchObject({ unit: 'person', aggregation: 'max' });

    const everyone = json<MediaOutput>(
      await t.app.inject({ method: 'GET', url: '/api/media-output?startDate=2025-10-01&endDate=2025-11-30' }),
    );
    expect(everyone.totals.items).toBe(4);
    expect(everyone.totals.values.social_posts).toBe(4);

    const accepted = json<MediaOutput>(
      await t.app.inject({
        method: 'GET',
        url: '/api/media-output?startDate=2025-10-01&endDate=2025-11-30&acceptedOnly=true',
      }),
    );
    expect(accepted.totals.items).toBe(0);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/media-output?startDate=2025-10-01&endDate=2025-09-01',
    });
    expect(response.statusCode).toBe(400);
    expect(detailPaths(response)).toEqual(['querystring.endDate']);
  });
});
