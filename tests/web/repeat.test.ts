// The create form's "Lặp lại" section (issue 12 point 3): the rule it sends and the summary it
// shows, counted by the server's own expansion.
import { describe, expect, it } from 'vitest';
import {
  noRepeat,
  type Repeat,
  recurrenceOf,
  repeatCount,
  repeatSummary,
} from '../../web/src/features/activity/repeat';
import type { Translate } from '../../web/src/i18n/context';
import { interpolate } from '../../web/src/i18n/context';
import { en } from '../../web/src/i18n/en';
import { type MessageKey, vi } from '../../web/src/i18n/vi';

function translator(language: 'vi' | 'en'): Translate {
  const messages = language === 'vi' ? vi : en;
  return Object.assign(
    (key: MessageKey, params?: Record<string, string | number>) => interpolate(messages[key], params),
    {
      language,
      refusal: () => '',
    },
  );
}

const fridays: Repeat = { ...noRepeat, freq: 'weekly', weekdays: [5], until: '31/12/2027' };

describe('the repeat section', () => {
  it('sends nothing when the activity does not repeat', () => {
    expect(recurrenceOf(noRepeat, '2027-04-02')).toBeNull();
    expect(repeatCount(noRepeat, '2027-04-02')).toBeNull();
  });

  it('says the Friday broadcast to the end of 2027 in Vietnamese, with its count', () => {
    const rule = recurrenceOf(fridays, '2027-04-02');
    expect(rule).toEqual({ freq: 'weekly', interval: 1, byWeekday: [5], until: '2027-12-31' });
    if (!rule) throw new Error('no rule');
    expect(repeatSummary(rule, '2027-04-02', translator('vi'))).toBe(
      'Thứ Sáu hằng tuần, đến 31/12/2027 — 40 lần',
    );
    expect(repeatSummary(rule, '2027-04-02', translator('en'))).toBe(
      'Every week on Fridays, until 31/12/2027 — 40 times',
    );
    expect(repeatCount(fridays, '2027-04-02')).toBe(40);
  });

  it('takes the first day for what is left blank: its weekday, its day of the month', () => {
    expect(recurrenceOf({ ...fridays, weekdays: [] }, '2027-04-06')).toMatchObject({ byWeekday: [2] });
    const monthly: Repeat = { ...noRepeat, freq: 'monthly', endKind: 'count', count: '6' };
    expect(recurrenceOf(monthly, '2027-01-31')).toEqual({
      freq: 'monthly',
      interval: 1,
      byMonthDay: 31,
      count: 6,
    });
  });

  it('counts a monthly 31st without the months that have no 31st', () => {
    const rule = recurrenceOf(
      { ...noRepeat, freq: 'monthly', monthDay: '31', until: '30/6/2027' },
      '2027-01-01',
    );
    if (!rule) throw new Error('no rule');
    // January, March, May: February, April and June have no 31st.
    expect(repeatSummary(rule, '2027-01-01', translator('vi'))).toBe(
      'Ngày 31 hằng tháng, đến 30/6/2027 — 3 lần',
    );
  });

  it('names every few weeks and several weekdays', () => {
    const rule = recurrenceOf(
      { ...fridays, interval: '2', weekdays: [3, 1], endKind: 'count', count: '4' },
      '2027-04-05',
    );
    expect(rule).toEqual({ freq: 'weekly', interval: 2, byWeekday: [1, 3], count: 4 });
    if (!rule) throw new Error('no rule');
    expect(repeatSummary(rule, '2027-04-05', translator('vi'))).toBe(
      'Thứ Hai, Thứ Tư, 2 tuần một lần — 4 lần',
    );
  });

  it('cannot read a rule without its end, or with an interval that is not a whole number', () => {
    expect(recurrenceOf({ ...fridays, until: '' }, '2027-04-02')).toBeUndefined();
    expect(recurrenceOf({ ...fridays, until: '31/13/2027' }, '2027-04-02')).toBeUndefined();
    expect(recurrenceOf({ ...fridays, interval: 'hai' }, '2027-04-02')).toBeUndefined();
    expect(recurrenceOf({ ...fridays, endKind: 'count', count: '0' }, '2027-04-02')).toBeUndefined();
    expect(recurrenceOf(fridays, null)).toBeUndefined();
  });

  it('says when a rule makes too many occurrences or none', () => {
    const t = translator('vi');
    const many = recurrenceOf({ ...fridays, weekdays: [1, 2, 3, 4, 5], until: '31/12/2029' }, '2027-04-02');
    if (!many) throw new Error('no rule');
    expect(repeatSummary(many, '2027-04-02', t)).toMatch(/quá 366 lần/);
    expect(
      repeatCount({ ...fridays, weekdays: [1, 2, 3, 4, 5], until: '31/12/2029' }, '2027-04-02'),
    ).toBeNull();
    const none = recurrenceOf({ ...fridays, until: '1/4/2027' }, '2027-04-02');
    if (!none) throw new Error('no rule');
    expect(repeatSummary(none, '2027-04-02', t)).toMatch(/không có ngày nào/);
  });
});
