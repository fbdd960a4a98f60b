// The rows of a bulk copy: one activity copied to several dates and places. Pure, so that the
// dialog stays about the screen: build the rows from the picks, read a pasted spreadsheet,
// and make each row the activity the API creates (all from the one activity copied).
import type { Activity, ActivityInput } from '../../api/activities';
import type { Unit } from '../../api/units';
import { addDays, formatIsoDay, parseDayInput } from '../../i18n/dates';
import { daysBetween } from '../../lib/format';
import { validOn } from '../../lib/names';

/** One row of the grid: its cells as typed (the date as 30/7/2025), and the unit chosen. */
export type BulkRow = { key: number; title: string; date: string; unitId: number | null; venue: string };

let nextKey = 1;
const row = (cells: Omit<BulkRow, 'key'>): BulkRow => ({ key: nextKey++, ...cells });

/** Where a copy goes: a unit (the venue kept) or a venue (the unit kept). */
export type Place = { unitId: number | null; venue: string };

/**
 * One row per date and place; with no date chosen, the activity's own, and with no place,
 * its own unit and venue, so that picking only dates or only places is enough.
 */
export function rowsOf(activity: Activity, dates: readonly string[], places: readonly Place[]): BulkRow[] {
  const days = dates.length > 0 ? [...dates].sort() : [activity.start.slice(0, 10)];
  const where = places.length > 0 ? places : [{ unitId: activity.unitIds[0] ?? null, venue: activity.venue }];
  return days.flatMap((date) =>
    where.map((place) => row({ title: activity.title, date: formatIsoDay(date), ...place })),
  );
}

/** The places named by venues typed one per line, each in the activity's own unit. */
export function venuePlaces(activity: Activity, text: string): Place[] {
  return linesOf(text).map((venue) => ({ unitId: activity.unitIds[0] ?? null, venue }));
}

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.normalize('NFC').trim())
    .filter((line) => line !== '');

const folded = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

/** A unit by its code or its name, preferring one valid on the day (names repeat across reforms). */
export function unitNamed(units: readonly Unit[], text: string, date: string | null): Unit | undefined {
  const wanted = folded(text);
  const matches = units.filter((unit) => folded(unit.code) === wanted || folded(unit.name) === wanted);
  return matches.find((unit) => date === null || validOn(unit, date)) ?? matches[0];
}

/** A row read from a pasted line, and what in it could not be read. */
export type PastedRow = { row: BulkRow; unknownUnit: string | null };

/**
 * Rows copied from a spreadsheet: tab-separated columns title, date, unit (name or code),
 * venue. An empty cell keeps the activity's own value; a unit not found is said, not guessed.
 */
export function pastedRows(activity: Activity, units: readonly Unit[], text: string): PastedRow[] {
  return linesOf(text).map((line) => {
    const [title = '', date = '', unit = '', venue = ''] = line.split('\t').map((cell) => cell.trim());
    const day = parseDayInput(date);
    const found = unit ? unitNamed(units, unit, day) : undefined;
    return {
      row: row({
        title: title || activity.title,
        date: date || formatIsoDay(activity.start.slice(0, 10)),
        unitId: unit ? (found?.id ?? null) : (activity.unitIds[0] ?? null),
        venue: venue || activity.venue,
      }),
      unknownUnit: unit && !found ? unit : null,
    };
  });
}

/**
 * The activity a row creates: everything of the copied one, at the row's date (the same
 * length, and the same hours when timed), in the row's unit and venue. Null when the date
 * cannot be read.
 */
export function inputOf(activity: Activity, bulk: BulkRow): ActivityInput | null {
  const date = parseDayInput(bulk.date);
  if (date === null) return null;
  const firstDay = activity.start.slice(0, 10);
  const length = daysBetween(firstDay, activity.end.slice(0, 10));
  const start = activity.allDay ? date : `${date}${activity.start.slice(10)}`;
  const end = activity.allDay ? addDays(date, length) : `${addDays(date, length)}${activity.end.slice(10)}`;
  return {
    title: bulk.title.normalize('NFC').trim(),
    description: activity.description,
    typeCode: activity.typeCode,
    channelCodes: activity.channelCodes,
    allDay: activity.allDay,
    start,
    end,
    leadAgencyId: activity.leadAgencyId,
    partnerAgencyIds: activity.partnerAgencyIds,
    unitIds: bulk.unitId === null ? [] : [bulk.unitId],
    venue: bulk.venue.normalize('NFC').trim(),
    targetGroupCodes: activity.targetGroupCodes,
    taskId: activity.taskId,
    campaignId: activity.campaignId,
    expected: activity.expected,
  };
}

/** `items.3.start` → row 3, field `start`; other paths belong to no row. */
export function rowOfPath(path: string): { index: number; field: string } | null {
  const match = /^items\.(\d+)(?:\.(\w+))?/.exec(path);
  return match ? { index: Number(match[1]), field: match[2] ?? '' } : null;
}
