// DESIGN §6: configuration is validated at start, with a message that names the variable.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: 'localhost',
      DATABASE_FILE: './data/calendar.db',
      UPLOAD_DIR: './data/uploads',
      APP_TIMEZONE: 'Asia/Ho_Chi_Minh',
      ADMIN_USERNAME: 'admin',
      DEMO_DATA: false,
      REPORT_YEAR_START: '12-15',
    });
    expect(loadConfig({}).ADMIN_PASSWORD).toBeUndefined();
  });

  it('reads the values it is given', () => {
    const config = loadConfig({ PORT: '8080', APP_TIMEZONE: 'America/New_York', DEMO_DATA: '1' });
    expect(config).toMatchObject({ PORT: 8080, APP_TIMEZONE: 'America/New_York', DEMO_DATA: true });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['APP_TIMEZONE', 'Mars/Olympus'],
    ['DEMO_DATA', 'yes please'],
    ['LOG_LEVEL', 'chatty'],
    ['REPORT_YEAR_START', '15/12'],
    ['REPORT_YEAR_START', '02-30'],
  ])('refuses %s=%s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration:\\n\\s+${name}:`));
  });
});
