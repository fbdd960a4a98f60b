// A sheet's rows read as activities: each cell's text matched to the reference data and
// checked, each row then new, an update (it carries an activity's id), a duplicate (the same
// title, local start date and lead agency as an activity already stored or an earlier row)
// or invalid, with the reason per cell in Vietnamese.
import { and, gte, inArray, isNull, lte } from 'drizzle-orm';
import {
  activities,
  activityTypes,
  agencies,
  campaigns,
  channels,
  indicators,
  plans,
  targetGroups,
  tasks,
  units,
} from '../../../db/schema';
import type { ActivityInput } from '../../contracts/activities';
import type { ImportRow } from '../../contracts/imports';
import { foldText, readCount, readDate, readList, readTimes } from '../../domain/imports';
import { type RefusalKey, type RefusalParams, refusal } from '../../domain/refusals';
import { addDays, parseDayInput, zonedDateTime } from '../../domain/time';
import type { Tx } from '../context';
import { type Match, NameIndex } from './names';

export type References = {
  agencies: NameIndex<number>;
  units: NameIndex<number>;
  types: NameIndex<string>;
  channels: NameIndex<string>;
  targetGroups: NameIndex<string>;
  campaigns: NameIndex<number>;
  /** Tasks by plan year, matched by code ("1.2") or title. */
  tasksOfYear: Map<number, NameIndex<number>>;
  indicatorByName: Map<string, string>;
};

/** Everything a row can name, loaded once per preview. */
export function loadReferences(tx: Tx): References {
  const agencyRows = tx.select().from(agencies).all();
  const unitRows = tx.select().from(units).all();
  const planTasks = tx
    .select({ id: tasks.id, code: tasks.code, title: tasks.title, planId: tasks.planId })
    .from(tasks)
    .all();
  const planYears = new Map(
    tx
      .select({ id: plans.id, year: plans.year })
      .from(plans)
      .all()
      .map((p) => [p.id, p.year]),
  );
  const tasksOfYear = new Map<number, NameIndex<number>>();
  for (const year of new Set(planYears.values())) {
    tasksOfYear.set(
      year,
      new NameIndex(
        planTasks
          .filter((task) => planYears.get(task.planId) === year)
          .map((task) => ({ key: task.id, name: task.title, also: [task.code, `Nhiệm vụ ${task.code}`] })),
      ),
    );
  }
  const catalogue = <K>(rows: { code: K & string; name: string; nameEn: string }[]) =>
    new NameIndex(rows.map((row) => ({ key: row.code as K, name: row.name, also: [row.code, row.nameEn] })));
  return {
    agencies: new NameIndex(
      agencyRows.map((row) => ({
        key: row.id,
        name: row.name,
        also: [row.shortName, row.code, row.nameEn],
        validFrom: row.validFrom,
        validTo: row.validTo,
      })),
    ),
    units: new NameIndex(
      unitRows.map((row) => ({
        key: row.id,
        name: row.name,
        also: [row.shortName, row.code],
        validFrom: row.validFrom,
        validTo: row.validTo,
      })),
    ),
    types: catalogue<string>(tx.select().from(activityTypes).all()),
    channels: catalogue<string>(tx.select().from(channels).all()),
    targetGroups: catalogue<string>(tx.select().from(targetGroups).all()),
    campaigns: new NameIndex(
      tx
        .select()
        .from(campaigns)
        .where(isNull(campaigns.deletedAt))
        .all()
        .map((row) => ({
          key: row.id,
          name: row.name,
          also: [],
          validFrom: row.startDate,
          validTo: row.endDate,
        })),
    ),
    tasksOfYear,
    indicatorByName: new Map(
      tx
        .select()
        .from(indicators)
        .all()
        .flatMap((row) => [
          [foldText(row.name), row.code],
          [foldText(row.code), row.code],
        ]),
    ),
  };
}

type RowError = ImportRow['errors'][number];

function rowError(field: string, key: RefusalKey, params: RefusalParams = {}): RowError {
  const { message } = refusal(key, params);
  return { field, message, key, params };
}

/** The text of each field in a row, the planner's fixes over the sheet's cells. */
export function valuesOf(
  cells: string[],
  mapping: Record<string, string>,
  fixes: Record<string, string> | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [column, field] of Object.entries(mapping)) {
    const cell = cells[Number(column)] ?? '';
    values[field] = values[field] ? `${values[field]}; ${cell}`.replace(/; $/, '') : cell;
  }
  return { ...values, ...fixes };
}

type Resolved = {
  input: ActivityInput | null;
  /** An update's target and the version the row was exported at. */
  update: { id: number; version: number | null } | null;
  errors: RowError[];
  suggestions: Record<string, string[]>;
  /** Title, local start date and lead agency, folded: what makes a row a duplicate. */
  key: string | null;
};

/** Reads one named cell: the key it names, or an error with suggestions. */
function named<K>(
  field: string,
  text: string,
  index: NameIndex<K>,
  date: string | null,
  out: Pick<Resolved, 'errors' | 'suggestions'>,
): K | null {
  const match: Match<K> = index.match(text, date);
  if ('found' in match) return match.found;
  if ('ambiguous' in match) {
    out.errors.push(rowError(field, 'import.ambiguous', { value: text }));
    out.suggestions[field] = match.ambiguous;
    return null;
  }
  out.errors.push(rowError(field, 'import.unknownName', { value: text }));
  if (match.suggestions.length > 0) out.suggestions[field] = match.suggestions;
  return null;
}

function namedList<K>(
  field: string,
  text: string,
  index: NameIndex<K>,
  date: string | null,
  out: Pick<Resolved, 'errors' | 'suggestions'>,
): K[] {
  return readList(text).flatMap((part) => {
    const key = named(field, part, index, date, out);
    return key === null ? [] : [key];
  });
}

/** When the row takes place, as the activity's start and end (end exclusive). */
function timesOf(values: Record<string, string>, year: number, timeZone: string, errors: RowError[]) {
  const startText = values.startDate ?? '';
  if (startText === '') {
    errors.push(rowError('startDate', 'import.required'));
    return null;
  }
  const startDate = readDate(startText, year, parseDayInput);
  if (!startDate) {
    errors.push(rowError('startDate', 'import.badDate', { value: startText }));
    return null;
  }
  const endText = values.endDate ?? '';
  const endDate = endText === '' ? startDate : readDate(endText, year, parseDayInput);
  if (!endDate) {
    errors.push(rowError('endDate', 'import.badDate', { value: endText }));
    return null;
  }
  if (endDate < startDate) {
    errors.push(rowError('endDate', 'import.endBeforeStart'));
    return null;
  }
  const timeText = values.time ?? '';
  if (timeText === '') return { startDate, allDay: true, start: startDate, end: addDays(endDate, 1) };
  const times = readTimes(timeText);
  if (!times) {
    errors.push(rowError('time', 'import.badTime', { value: timeText }));
    return null;
  }
  // A time without its end lasts two hours, as a talk or a meeting usually does.
  const end =
    times.end ??
    `${String(Math.min(23, Number(times.start.slice(0, 2)) + 2)).padStart(2, '0')}:${times.start.slice(3)}`;
  return {
    startDate,
    allDay: false,
    start: zonedDateTime(startDate, times.start, timeZone),
    end: zonedDateTime(endDate, end > times.start || endDate > startDate ? end : '23:59', timeZone),
  };
}

/** The planned figures of the row's `expected:<code>` columns. */
function figuresOf(values: Record<string, string>, errors: RowError[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [field, text] of Object.entries(values)) {
    if (!field.startsWith('expected:') || text === '') continue;
    const count = readCount(text);
    if (count === null) errors.push(rowError(field, 'import.badCount', { value: text }));
    else figures[field.slice('expected:'.length)] = count;
  }
  return figures;
}

/** One row read against the reference data. */
export function resolveRow(
  values: Record<string, string>,
  references: References,
  year: number,
  timeZone: string,
): Resolved {
  const out: Resolved = { input: null, update: null, errors: [], suggestions: {}, key: null };
  const title = (values.title ?? '').trim();
  if (title === '') out.errors.push(rowError('title', 'import.required'));
  const times = timesOf(values, year, timeZone, out.errors);
  const date = times?.startDate ?? null;
  const typeText = values.type ?? '';
  const typeCode = typeText === '' ? null : named('type', typeText, references.types, null, out);
  if (typeText === '') out.errors.push(rowError('type', 'import.required'));
  const leadText = values.lead ?? '';
  const leadAgencyId = leadText === '' ? null : named('lead', leadText, references.agencies, date, out);
  if (leadText === '') out.errors.push(rowError('lead', 'import.required'));
  const partnerAgencyIds = namedList('partners', values.partners ?? '', references.agencies, date, out);
  const unitIds = namedList('units', values.units ?? '', references.units, date, out);
  const targetGroupCodes = namedList(
    'targetGroups',
    values.targetGroups ?? '',
    references.targetGroups,
    null,
    out,
  );
  const channelCodes = namedList('channels', values.channels ?? '', references.channels, null, out);
  const campaignId = values.campaign
    ? named('campaign', values.campaign, references.campaigns, date, out)
    : null;
  const taskIndex = date ? references.tasksOfYear.get(Number(date.slice(0, 4))) : undefined;
  let taskId: number | null = null;
  if (values.task) {
    if (taskIndex) taskId = named('task', values.task, taskIndex, null, out);
    else out.errors.push(rowError('task', 'import.noPlan', { year: date ? date.slice(0, 4) : String(year) }));
  }
  const expected = figuresOf(values, out.errors);
  if (values.id) {
    const id = Number(values.id);
    const version = values.version ? Number(values.version) : null;
    if (!Number.isInteger(id) || id <= 0)
      out.errors.push(rowError('id', 'import.badId', { value: values.id }));
    else out.update = { id, version: Number.isInteger(version) ? version : null };
  }
  if (out.errors.length > 0 || !times || typeCode === null || leadAgencyId === null) return out;
  out.input = {
    title,
    typeCode,
    allDay: times.allDay,
    start: times.start,
    end: times.end,
    leadAgencyId,
    partnerAgencyIds,
    unitIds,
    venue: values.venue ?? '',
    targetGroupCodes,
    channelCodes,
    campaignId,
    taskId,
    expected,
  };
  out.key = `${foldText(title)}|${times.startDate}|${leadAgencyId}`;
  return out;
}

/** The duplicate keys of the activities already stored between two local dates. */
export function storedKeys(tx: Tx, from: string, to: string): Map<string, number> {
  const rows = tx
    .select({
      id: activities.id,
      title: activities.title,
      startDate: activities.startDate,
      lead: activities.leadAgencyId,
    })
    .from(activities)
    .where(and(gte(activities.startDate, from), lte(activities.startDate, to), isNull(activities.deletedAt)))
    .all();
  return new Map(rows.map((row) => [`${foldText(row.title)}|${row.startDate}|${row.lead}`, row.id]));
}

/** The ids of the rows' update targets that exist (not deleted). */
export function existingIds(tx: Tx, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(inArray(activities.id, ids), isNull(activities.deletedAt)))
      .all()
      .map((row) => row.id),
  );
}
