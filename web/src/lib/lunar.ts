// The Vietnamese lunar calendar (âm lịch), computed here rather than taken from a Chinese
// calendar library or Intl's `chinese` calendar: both reckon days at UTC+8, and the
// Vietnamese calendar reckons them at UTC+7. The rules are the same, but a new moon or a
// solar term that falls between 23:00 and midnight Vietnam time lands on different days,
// which moves whole months and even Tết (21/1/1985 in Vietnam, 20/2/1985 in China).
//
// The rules (as Hồ Ngọc Đức describes the Vietnamese calendar):
// - a lunar month starts on the local day (UTC+7) holding the new moon;
// - month 11 is the month holding the winter solstice (sun at 270°);
// - a lunar year from month 11 to the next month 11 with 13 months has a leap month: the
//   first month after month 11 during which the sun crosses no major solar term (trung khí,
//   a multiple of 30° of longitude); it takes the number of the month before it.
// The astronomy follows Jean Meeus, Astronomical Algorithms (chapters 25 and 49): new moons
// to a few seconds, the sun's longitude to about 0.01°, enough for the day of each event.

export type LunarDate = {
  day: number;
  month: number;
  /** The lunar year, which starts at Tết: 15/1/2025 is still in lunar year 2024. */
  year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
};

/** The zone of the Vietnamese calendar, in hours: it decides which day a new moon falls on. */
const VIETNAM_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588861;
/** Julian ephemeris day of Meeus's new moon k = 0 (6/1/2000). */
const FIRST_NEW_MOON = 2451550.09766;
const DEGREE = Math.PI / 180;

// ---------------------------------------------------------------- days

/** The Julian day number of a Gregorian date (the day that starts at noon UT on it). */
function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** The local (UTC+7) day number of an instant given as a Julian day in UT. */
function localDayOf(julianDay: number): number {
  return Math.floor(julianDay + 0.5 + VIETNAM_ZONE_HOURS / 24);
}

/** The instant (Julian day, UT) at which a local day number starts, at local midnight. */
function localMidnightOf(dayNumber: number): number {
  return dayNumber - 0.5 - VIETNAM_ZONE_HOURS / 24;
}

/**
 * ΔT = TT − UT in seconds (Espenak and Meeus's polynomials): the astronomy runs on
 * dynamical time, the calendar on clock time; a minute decides a day near midnight.
 */
function deltaTSeconds(year: number): number {
  const longTerm = (y: number) => -20 + 32 * ((y - 1820) / 100) ** 2;
  if (year < 1900) return longTerm(year);
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  if (year < 2150) return longTerm(year) - 0.5628 * (2150 - year);
  return longTerm(year);
}

// ---------------------------------------------------------------- the moon

/** The new moon number k (0 = January 2000) as a Julian day in UT (Meeus chapter 49). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const mean =
    FIRST_NEW_MOON + SYNODIC_MONTH * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  // The eccentricity of the Earth's orbit, which weakens the terms carrying the sun's anomaly.
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T ** 2) * DEGREE; // sun's mean anomaly
  const Mm = (201.5643 + 385.81693528 * k + 0.0107582 * T ** 2) * DEGREE; // moon's mean anomaly
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T ** 2) * DEGREE; // moon's argument of latitude
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T ** 2) * DEGREE; // longitude of the ascending node
  const correction =
    -0.4072 * Math.sin(Mm) +
    0.17241 * E * Math.sin(M) +
    0.01608 * Math.sin(2 * Mm) +
    0.01039 * Math.sin(2 * F) +
    0.00739 * E * Math.sin(Mm - M) -
    0.00514 * E * Math.sin(Mm + M) +
    0.00208 * E * E * Math.sin(2 * M) -
    0.00111 * Math.sin(Mm - 2 * F) -
    0.00057 * Math.sin(Mm + 2 * F) +
    0.00056 * E * Math.sin(2 * Mm + M) -
    0.00042 * Math.sin(3 * Mm) +
    0.00042 * E * Math.sin(M + 2 * F) +
    0.00038 * E * Math.sin(M - 2 * F) -
    0.00024 * E * Math.sin(2 * Mm - M) -
    0.00017 * Math.sin(Om) -
    0.00007 * Math.sin(Mm + 2 * M) +
    0.00004 * Math.sin(2 * Mm - 2 * F) +
    0.00004 * Math.sin(3 * M) +
    0.00003 * Math.sin(Mm + M - 2 * F) +
    0.00003 * Math.sin(2 * Mm + 2 * F) -
    0.00003 * Math.sin(Mm + M + 2 * F) +
    0.00003 * Math.sin(Mm - M + 2 * F) -
    0.00002 * Math.sin(Mm - M - 2 * F) -
    0.00002 * Math.sin(3 * Mm + M) +
    0.00002 * Math.sin(4 * Mm);
  const ephemeris = mean + correction;
  const year = 2000 + k / 12.3685;
  return ephemeris - deltaTSeconds(year) / 86400;
}

/** The local day on which new moon k falls: the first day of a lunar month. */
function newMoonDay(k: number): number {
  return localDayOf(newMoon(k));
}

/** The number k of the new moon that starts the lunar month holding this local day. */
function monthNumberHolding(dayNumber: number): number {
  let k = Math.floor((dayNumber - FIRST_NEW_MOON) / SYNODIC_MONTH);
  while (newMoonDay(k) > dayNumber) k -= 1;
  while (newMoonDay(k + 1) <= dayNumber) k += 1;
  return k;
}

// ---------------------------------------------------------------- the sun

/** The sun's apparent longitude in degrees [0, 360) at an instant (Julian day, UT; Meeus chapter 25). */
function sunLongitude(julianDay: number): number {
  const T = (julianDay - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = (357.52911 + 35999.05029 * T - 0.0001537 * T ** 2) * DEGREE;
  const centre =
    (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.000289 * Math.sin(3 * M);
  // Nutation and aberration: the longitude as seen, which the solar terms are reckoned by.
  const omega = (125.04 - 1934.136 * T) * DEGREE;
  const apparent = L0 + centre - 0.00569 - 0.00478 * Math.sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/**
 * Which of the twelve 30° arcs between major solar terms the sun is in when a local day
 * starts. Two months that start in the same arc mean the first crossed no major term.
 */
function majorTermArc(dayNumber: number): number {
  return Math.floor(sunLongitude(localMidnightOf(dayNumber)) / 30);
}

// ---------------------------------------------------------------- months and years

/** The new moon number of month 11 of the lunar year ending in this Gregorian year: it holds the winter solstice. */
function month11Of(gregorianYear: number): number {
  const k = monthNumberHolding(julianDayNumber(gregorianYear, 12, 31));
  // At 270° or past when the month starts, the solstice came in the month before.
  return majorTermArc(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** How many months after month 11 the leap month comes (1 to 12), in a 13-month year. */
function leapMonthOffset(month11: number): number {
  for (let offset = 1; offset <= 12; offset += 1) {
    const start = majorTermArc(newMoonDay(month11 + offset));
    const next = majorTermArc(newMoonDay(month11 + offset + 1));
    if (start === next) return offset;
  }
  // A 13-month year always has a month without a major term; not reached.
  return 13;
}

/** The Vietnamese lunar date of a Gregorian date (the calendar day in Vietnam). */
export function lunarDateOf(year: number, month: number, day: number): LunarDate {
  const dayNumber = julianDayNumber(year, month, day);
  const k = monthNumberHolding(dayNumber);
  const lunarDay = dayNumber - newMoonDay(k) + 1;

  // The lunar year runs from the month 11 before this day to the next month 11; `solsticeYear`
  // is the Gregorian year whose December holds the first of the two solstices.
  const thisYears = month11Of(year);
  const solsticeYear = thisYears > k ? year - 1 : year;
  const from = solsticeYear === year ? thisYears : month11Of(solsticeYear);
  const to = solsticeYear === year ? month11Of(year + 1) : thisYears;
  const offset = k - from;
  let number = offset;
  let leap = false;
  if (to - from === 13) {
    const leapOffset = leapMonthOffset(from);
    if (offset >= leapOffset) number = offset - 1;
    leap = offset === leapOffset;
  }
  // Counted from month 11: 0 is month 11, 1 month 12, 2 month 1 (Tết), and so on.
  const lunarMonth = ((10 + number) % 12) + 1;
  // Months 11 and 12 belong to the lunar year before the Tết that follows them.
  const lunarYear = number < 2 ? solsticeYear : solsticeYear + 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** The lunar date of a calendar day written `YYYY-MM-DD` (the deployment's day, never the browser's). */
export function lunarDateOfIso(isoDate: string): LunarDate {
  const [year, month, day] = isoDate.split('-').map(Number);
  return lunarDateOf(year ?? 0, month ?? 1, day ?? 1);
}

const stems = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const branches = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
] as const;

/** The lunar year's can chi name: 2025 is Ất Tỵ (1984 was Giáp Tý, the start of a 60-year cycle). */
export function yearName(lunarYear: number): string {
  const cycle = (((lunarYear - 1984) % 60) + 60) % 60;
  return `${stems[cycle % 10]} ${branches[cycle % 12]}`;
}
