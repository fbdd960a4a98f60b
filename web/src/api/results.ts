// A held activity's result: what it achieved, by indicator, and its review. Also the one-step
// log of an event that was never planned (or a media item already published).
import type { ActivityInput } from '../../../server/contracts/activities';
import { type HeldActivity, heldActivityEndpoints } from '../../../server/contracts/held-activities';
import {
  type Result,
  type ResultInput,
  type ReviewInput,
  resultEndpoints,
} from '../../../server/contracts/results';
import { ApiError, call } from './client';

export type { Result };
/** What the form sends; the version goes in `If-Match`. */
export type ResultBody = Omit<ResultInput, 'version'>;
export type HeldActivityAnswer = HeldActivity;
export type HeldActivityBody = { activity: ActivityInput; result: ResultBody };

/** The activity's result, or null while none was logged (the server answers 404). */
export async function getResult(activityId: number, signal?: AbortSignal): Promise<Result | null> {
  try {
    return await call(resultEndpoints.get, { params: { id: activityId }, signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Logs or corrects the result. `version` is the one the person saw (null for a first result,
 * sent as `If-Match: "0"`, which the server refuses once any result exists): if someone saved
 * it meanwhile, even a first one, the server answers 412 and changes nothing. A 422
 * NEEDS_CONFIRMATION lists unusual figures; the same body with `confirm: true` saves them.
 */
export function saveResult(activityId: number, body: ResultBody, version: number | null): Promise<Result> {
  return call(resultEndpoints.save, { params: { id: activityId }, body, ifMatch: version ?? 0 });
}

/** A coordinator accepts the result, or returns it with a note saying what to fix. */
export function reviewResult(
  activityId: number,
  review: Omit<ReviewInput, 'version'>,
  version: number,
): Promise<Result> {
  return call(resultEndpoints.review, { params: { id: activityId }, body: review, ifMatch: version });
}

/** An unplanned event (or a published item) and its result in one step: both or nothing. */
export function logHeldActivity(body: HeldActivityBody): Promise<HeldActivityAnswer> {
  return call(heldActivityEndpoints.log, { body });
}
