// Exam and festival weeks marked on the calendar, and the planning hints the activity form
// shows: a marked week, or the same audience already expected in a unit that day.
import {
  type CalendarMark,
  type CalendarMarkInput,
  type CalendarMarkPatch,
  calendarMarkEndpoints,
  type PlanningHint,
} from '../../../server/contracts/calendar-marks';
import { queryClient } from '../lib/query-client';
import { call } from './client';

export type { CalendarMark, CalendarMarkInput, PlanningHint };

/** Every mark in force: a province marks a few dozen periods a year. */
export async function listCalendarMarks(signal?: AbortSignal): Promise<CalendarMark[]> {
  const page = await call(calendarMarkEndpoints.list, { query: { limit: 1000 }, signal });
  return page.items;
}

export async function createCalendarMark(input: CalendarMarkInput): Promise<CalendarMark> {
  const written = await call(calendarMarkEndpoints.create, { body: input });
  await queryClient.invalidateQueries({ queryKey: ['calendar-marks'] });
  return written;
}

export async function updateCalendarMark(
  id: number,
  version: number,
  patch: Omit<CalendarMarkPatch, 'version'>,
): Promise<CalendarMark> {
  const written = await call(calendarMarkEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await queryClient.invalidateQueries({ queryKey: ['calendar-marks'] });
  return written;
}

export async function deleteCalendarMark(id: number): Promise<CalendarMark> {
  const written = await call(calendarMarkEndpoints.remove, { params: { id } });
  await queryClient.invalidateQueries({ queryKey: ['calendar-marks'] });
  return written;
}

export type HintQuery = {
  startDate: string;
  endDate: string;
  unitIds: readonly number[];
  targetGroupCodes: readonly string[];
  excludeId?: number | undefined;
};

export async function planningHints(query: HintQuery, signal?: AbortSignal): Promise<PlanningHint[]> {
  const answer = await call(calendarMarkEndpoints.hints, {
    query: {
      startDate: query.startDate,
      endDate: query.endDate,
      unitIds: query.unitIds.join(','),
      targetGroupCodes: query.targetGroupCodes.join(','),
      excludeId: query.excludeId,
    },
    signal,
  });
  return answer.hints;
}
