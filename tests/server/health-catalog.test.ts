// Point 4: the health check and the catalogue.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../server/contracts/catalog';
import type { Health } from '../../server/contracts/health';
import { createTestApp, TEST_TIME_ZONE, testAppOfFile } from '../helpers/app';
import { json } from '../helpers/factories';

const t = testAppOfFile();
describe('GET /api/health', () => {
  it('reports the server and its database as ok, with the deployment zone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const health = json<Health>(response);
    expect(health.status).toBe('ok');
    expect(health.database).toBe('ok');
    expect(health.timeZone).toBe(TEST_TIME_ZONE);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('GET /api/health without its database', () => {
  it('answers 503 degraded when the database cannot be read', async () => {
    const broken = await createTestApp({ seed: false });
    try {
      broken.db.$client.close();
      const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(json<Health>(response)).toMatchObject({ status: 'degraded', database: 'unavailable' });
    } finally {
      await broken.close();
    }
  });
});

describe('GET /api/catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/catalog' });
    expect(response.statusCode).toBe(200);
    catalog = json<Catalog>(response);
  });

  it('lists every seeded entry of each kind', () => {
    expect(catalog.activityTypes).toHaveLength(26);
    expect(catalog.channels).toHaveLength(11);
    expect(catalog.targetGroups).toHaveLength(20);
    expect(catalog.indicators).toHaveLength(28);
    expect(catalog.observances).toHaveLength(7);
  });

  it('identifies entries by unique codes', () => {
    for (const list of [
      catalog.activityTypes,
      catalog.channels,
      catalog.targetGroups,
      catalog.indicators,
      catalog.observances,
    ]) {
      const codes = list.map((entry) => entry.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('answers the fields of DESIGN §4 for each kind', () => {
    const talk = catalog.activityTypes.find((type) => type.code === 'thematic_talk');
    expect(talk).toMatchObject({
      code: 'thematic_talk',
      name: expect.any(String),
      nameEn: expect.any(String),
    });
    expect(talk?.channelCodes.length).toBeGreaterThan(0);
    expect(talk?.indicatorCodes).toContain('attendances');
    expect(catalog.channels.find((channel) => channel.code === 'sms')).toMatchObject({
      kind: expect.any(String),
    });
    const reach = catalog.indicators.find((indicator) => indicator.code === 'reach');
    expect(reach?.aggregation).toBe('max');
    const attendances = catalog.indicators.find((indicator) => indicator.code === 'attendances');
    expect(attendances?.aggregation).toBe('sum');
    // Every code a type refers to exists in the catalogue.
    const channelCodes = new Set(catalog.channels.map((channel) => channel.code));
    const indicatorCodes = new Set(catalog.indicators.map((indicator) => indicator.code));
    for (const type of catalog.activityTypes) {
      for (const code of type.channelCodes)
        expect(channelCodes.has(code), `${type.code} → ${code}`).toBe(true);
      for (const code of type.indicatorCodes)
        expect(indicatorCodes.has(code), `${type.code} → ${code}`).toBe(true);
    }
  });

  it('gives the 30/7 observance its themes for 2023, 2024 and 2025', () => {
    const day = catalog.observances.find((observance) => observance.code === 'anti_trafficking_day');
    expect(day).toBeDefined();
    expect(day?.month).toBe(7);
    expect(day?.day).toBe(30);
    expect(day?.themes.map((theme) => theme.year)).toEqual([2023, 2024, 2025]);
    const theme2025 = day?.themes.find((theme) => theme.year === 2025);
    expect(theme2025?.theme).toBe('Mua bán người là tội phạm có tổ chức – Hãy chấm dứt sự bóc lột');
    expect(theme2025?.peakStartDate).toBe('2025-07-01');
    expect(theme2025?.peakEndDate).toBe('2025-09-30');
  });

  it('stores its Vietnamese names in NFC', () => {
    const names = [
      ...catalog.activityTypes,
      ...catalog.channels,
      ...catalog.targetGroups,
      ...catalog.indicators,
      ...catalog.observances,
    ].map((entry) => entry.name);
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
  });
});
