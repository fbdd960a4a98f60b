// The activity form's state, kept as the person typed it (dates as `30/7/2026`, times as
// `08:00`, figures as text), and its conversion to and from what the API reads and writes.
import { z } from 'zod';
import { ActivityInput } from '../../../../server/contracts/activities';
import type { Activity, ActivityChange, ActivityStatus } from '../../api/activities';
import type { FieldErrors } from '../../components/form';
import { dayText, readDay } from '../../components/form';
import type { Translate } from '../../i18n/context';
import { addDays, previousDay } from '../../i18n/dates';
import { intoContract } from '../../lib/form-values';
import { parseFigure, parseTimeInput, zonedIso, zonedParts } from './times';

export type ActivityFormValues = {
  title: string;
  description: string;
  typeCode: string;
  channelCodes: string[];
  status: ActivityStatus;
  statusNote: string;
  allDay: boolean;
  /** The first day, as typed. */
  startDay: string;
  startTime: string;
  /** The last day (inclusive, as people write a period) for an all-day activity; the end's day otherwise. */
  endDay: string;
  endTime: string;
  leadAgencyId: string;
  partnerAgencyIds: number[];
  unitIds: number[];
  venue: string;
  targetGroupCodes: string[];
  taskId: string;
  campaignId: string;
  /** Planned figures by indicator code, as typed. */
  expected: Record<string, string>;
};

/** A range chosen on the calendar: dates (end exclusive) when all-day, else offset date-times. */
export type Selection = { allDay: boolean; start: string; end: string };

/** The times a timed activity gets when it starts from a day rather than from a time range. */
const defaultTimes = { start: '08:00', end: '10:00' };

export function needsStatusNote(status: ActivityStatus): boolean {
  return status === 'postponed' || status === 'cancelled';
}

function timesOf(selection: Selection, timeZone: string) {
  if (selection.allDay) {
    return {
      allDay: true,
      startDay: dayText(selection.start),
      endDay: dayText(previousDay(selection.end)),
      startTime: defaultTimes.start,
      endTime: defaultTimes.end,
    };
  }
  const start = zonedParts(selection.start, timeZone);
  const end = zonedParts(selection.end, timeZone);
  return {
    allDay: false,
    startDay: dayText(start.date),
    endDay: dayText(end.date),
    startTime: start.time,
    endTime: end.time,
  };
}

/** A new activity over a range chosen on the calendar, with the defaults the form has worked out. */
export function newActivityValues(
  selection: Selection,
  timeZone: string,
  defaults: { leadAgencyId: number | null; typeCode: string | null; campaignId: number | null },
): ActivityFormValues {
  const { leadAgencyId, typeCode, campaignId } = defaults;
  return {
    title: '',
    description: '',
    typeCode: typeCode ?? '',
    channelCodes: [],
    status: 'planned',
    statusNote: '',
    ...timesOf(selection, timeZone),
    leadAgencyId: leadAgencyId === null ? '' : String(leadAgencyId),
    partnerAgencyIds: [],
    unitIds: [],
    venue: '',
    targetGroupCodes: [],
    taskId: '',
    campaignId: campaignId === null ? '' : String(campaignId),
    expected: {},
  };
}

/** An activity's fields in the form, for an edit or (with a new title and status) a copy. */
export function activityValues(activity: Activity, timeZone: string): ActivityFormValues {
  return {
    title: activity.title,
    description: activity.description,
    typeCode: activity.typeCode,
    channelCodes: [...activity.channelCodes],
    status: activity.status,
    statusNote: activity.statusNote,
    ...timesOf({ allDay: activity.allDay, start: activity.start, end: activity.end }, timeZone),
    leadAgencyId: String(activity.leadAgencyId),
    partnerAgencyIds: [...activity.partnerAgencyIds],
    unitIds: [...activity.unitIds],
    venue: activity.venue,
    targetGroupCodes: [...activity.targetGroupCodes],
    taskId: activity.taskId === null ? '' : String(activity.taskId),
    campaignId: activity.campaignId === null ? '' : String(activity.campaignId),
    expected: Object.fromEntries(
      Object.entries(activity.expected).map(([code, value]) => [code, String(value)]),
    ),
  };
}

/** The first day the form holds, when it can be read: agencies and units must be valid on it. */
export function startDateOf(values: ActivityFormValues): string | null {
  return readDay(values.startDay) ?? null;
}

/** The last day the form holds (inclusive), when it can be read and is not before the first. */
export function lastDayOf(values: ActivityFormValues): string | null {
  const first = startDateOf(values);
  const last = readDay(values.endDay) ?? null;
  return first && last && last >= first ? last : null;
}

type Times = Pick<ActivityInput, 'allDay' | 'start' | 'end'>;
type Read<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The form's times as the API writes them, or the fields that cannot be read. */
function readTimes(values: ActivityFormValues, timeZone: string, t: Translate): Read<Times> {
  const errors: FieldErrors = {};
  const startDate = readDay(values.startDay);
  const endDate = readDay(values.endDay);
  if (startDate === null) errors.start = t('activityForm.startNeeded');
  else if (startDate === undefined) errors.start = t('form.badDate');
  if (endDate === undefined) errors.end = t('form.badDate');
  const hasEndTime = !values.allDay && values.endTime.trim() !== '';
  const startTime = values.allDay ? '' : parseTimeInput(values.startTime);
  const endTime = hasEndTime ? parseTimeInput(values.endTime) : '';
  if (startTime === null) errors.startTime = t('activityForm.badTime');
  if (endTime === null) errors.endTime = t('activityForm.badTime');
  // A later end day without its time would be dropped (the server makes the activity one hour
  // long): said instead. An end day equal to the start day loses nothing.
  const endDayWithoutTime =
    !values.allDay && !hasEndTime && Boolean(endDate) && Boolean(startDate) && endDate !== startDate;
  if (endDayWithoutTime) errors.endTime = t('activityForm.endTimeNeeded');
  if (!startDate || endDate === undefined || startTime === null || endTime === null || endDayWithoutTime)
    return { ok: false, errors };

  if (values.allDay) {
    // People name the last day; the API's end is the day after it (exclusive).
    return { ok: true, value: { allDay: true, start: startDate, end: addDays(endDate ?? startDate, 1) } };
  }
  const start = zonedIso(startDate, startTime, timeZone);
  // Without an end time the server makes the activity one hour long.
  if (!endTime) return { ok: true, value: { allDay: false, start } };
  return {
    ok: true,
    value: { allDay: false, start, end: zonedIso(endDate ?? startDate, endTime, timeZone) },
  };
}

function readFigures(
  values: ActivityFormValues,
  t: Translate,
): { figures: Record<string, number>; errors: FieldErrors } {
  const figures: Record<string, number> = {};
  const errors: FieldErrors = {};
  for (const [code, text] of Object.entries(values.expected)) {
    const figure = parseFigure(text);
    if (figure === undefined) continue;
    if (Number.isNaN(figure)) errors[`expected.${code}`] = t('activityForm.badFigure');
    else figures[code] = figure;
  }
  return { figures, errors };
}

/**
 * The form as an activity for the API, or the errors the form can tell without asking the
 * server (a date or a figure that cannot be read, a list not chosen from). Everything else,
 * a blank title included, is the server's to judge: its messages come back to the fields.
 */
export function readActivityInput(
  values: ActivityFormValues,
  timeZone: string,
  t: Translate,
): Read<ActivityInput> {
  const times = readTimes(values, timeZone, t);
  const { figures, errors: figureErrors } = readFigures(values, t);
  const errors: FieldErrors = { ...(times.ok ? {} : times.errors), ...figureErrors };
  if (!values.typeCode) errors.typeCode = t('activityForm.typeNeeded');
  if (!values.leadAgencyId) errors.leadAgencyId = t('activityForm.leadNeeded');
  if (!times.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: values.title,
      description: values.description,
      typeCode: values.typeCode,
      channelCodes: values.channelCodes,
      status: values.status,
      // A reason belongs to a postponed or cancelled activity only: planning it again clears it.
      statusNote: needsStatusNote(values.status) ? values.statusNote : '',
      ...times.value,
      leadAgencyId: Number(values.leadAgencyId),
      partnerAgencyIds: values.partnerAgencyIds,
      unitIds: values.unitIds,
      venue: values.venue,
      targetGroupCodes: values.targetGroupCodes,
      taskId: values.taskId ? Number(values.taskId) : null,
      campaignId: values.campaignId ? Number(values.campaignId) : null,
      expected: figures,
    },
  };
}

/**
 * The form's check: what `readActivityInput` can tell, at the fields it names, then the
 * contract's own ActivityInput (times in order, a reason for a postponement), as the server
 * checks it.
 */
export function activitySchema(timeZone: string, t: Translate) {
  const read = z.custom<ActivityFormValues>().transform((values, context) => {
    const input = readActivityInput(values, timeZone, t);
    if (input.ok) return input.value;
    for (const [path, message] of Object.entries(input.errors)) {
      if (message) context.addIssue({ code: 'custom', path: path.split('.'), message });
    }
    return z.NEVER;
  });
  return intoContract(read, ActivityInput);
}

/** Lists compare as sets and records by their entries, so that order alone is no change. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): string => {
    if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
    if (value !== null && typeof value === 'object') {
      return JSON.stringify(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
    }
    return JSON.stringify(value ?? null);
  };
  return canonical(a) === canonical(b);
}

/**
 * What an edit changes, and nothing else. The times go together or not at all: the server keeps
 * an activity's length when only its start moves, which is not what a person who typed both meant.
 */
export function changeOf(input: ActivityInput, activity: Activity): ActivityChange {
  const change: Record<string, unknown> = {};
  const current: Record<string, unknown> = { ...activity };
  for (const [key, value] of Object.entries(input)) {
    if (!sameValue(value, current[key])) change[key] = value;
  }
  if ('allDay' in change || 'start' in change || 'end' in change) {
    change.allDay = input.allDay;
    change.start = input.start;
    if (input.end !== undefined) change.end = input.end;
  }
  return change as ActivityChange;
}
