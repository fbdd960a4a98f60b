import { describe, expect, it } from 'vitest';
import { lunarDateOfIso, yearName } from '../../web/src/lib/lunar';

// Dates from the published Vietnamese calendar; the 1985 and 2007 Tết are the years where
// reckoning at UTC+8 (the Chinese calendar) gives another day.
describe('Vietnamese lunar dates (UTC+7)', () => {
  it.each([
    ['1985-01-21', 1985],
    ['2007-02-17', 2007],
    ['2023-01-22', 2023],
    ['2024-02-10', 2024],
    ['2025-01-29', 2025],
    ['2026-02-17', 2026],
  ])('Tết falls on %s', (date, year) => {
    expect(lunarDateOfIso(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('is not the Chinese calendar: its Tết of 1985 and 2007 are other days', () => {
    expect(lunarDateOfIso('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(lunarDateOfIso('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, leap: false });
  });

  it('counts the last days of a year in the lunar year before Tết', () => {
    expect(lunarDateOfIso('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(lunarDateOfIso('2024-12-31')).toEqual({ day: 1, month: 12, year: 2024, leap: false });
  });

  it('finds the leap month: the first month without a major solar term', () => {
    // 2023: month 2 and then a leap month 2.
    expect(lunarDateOfIso('2023-02-20')).toEqual({ day: 1, month: 2, year: 2023, leap: false });
    expect(lunarDateOfIso('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarDateOfIso('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
    // 2025: a leap month 6.
    expect(lunarDateOfIso('2025-06-25')).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(lunarDateOfIso('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    // 2033: a leap month 11, before the Tết of 2034.
    expect(lunarDateOfIso('2033-12-22')).toEqual({ day: 1, month: 11, year: 2033, leap: true });
    expect(lunarDateOfIso('2034-02-19')).toEqual({ day: 1, month: 1, year: 2034, leap: false });
  });

  it('gives the full moon festivals', () => {
    // Rằm tháng Giêng and Tết Trung thu 2025.
    expect(lunarDateOfIso('2025-02-12')).toMatchObject({ day: 15, month: 1 });
    expect(lunarDateOfIso('2025-10-06')).toMatchObject({ day: 15, month: 8 });
  });

  it('names the year by its can chi', () => {
    expect(yearName(1984)).toBe('Giáp Tý');
    expect(yearName(2025)).toBe('Ất Tỵ');
    expect(yearName(2026)).toBe('Bính Ngọ');
  });
});
